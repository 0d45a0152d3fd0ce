package org.dicelens.app.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The one list of the quantities DiceLens reports. The report's keys and their order, the viewer's metrics table and
 * losses panel, and the help text read it; each entry names its definition in docs/FORMULAS.md. Adding a quantity is
 * one entry here (see docs/recipes/add-a-loss.md).
 */
public final class Catalogue {
    private static final List<Quantity> LOSS_KEYS_ORDER = byKeys(ClassQuantities.ALL, "diceLoss", "diceSquaredLoss",
            "jaccardLoss", "tverskyLoss", "focalTverskyLoss", "ce", "wce", "ss", "focal", "logCoshDice", "combo");

    private Catalogue() {
    }

    /** Case-level quantities in report order ({@code case} first). */
    public static List<Quantity> caseQuantities() {
        return CaseQuantities.ALL;
    }

    /** Per-class quantities in report order. */
    public static List<Quantity> classQuantities() {
        return ClassQuantities.ALL;
    }

    /** The per-class losses of the formula sheet, in the Losses panel's order. */
    public static List<Quantity> classLosses() {
        return LOSS_KEYS_ORDER;
    }

    /** Every quantity, case-level first. */
    public static List<Quantity> all() {
        List<Quantity> a = new ArrayList<>(CaseQuantities.ALL);
        a.addAll(ClassQuantities.ALL);
        return a;
    }

    public static Quantity get(String key) {
        for (Quantity q : all()) {
            if (q.key().equals(key)) {
                return q;
            }
        }
        throw new NoSuchElementException("no quantity " + key);
    }

    /** The quantities of the given keys, in that order. */
    public static List<Quantity> byKeys(String... keys) {
        return byKeys(all(), keys);
    }

    private static List<Quantity> byKeys(List<Quantity> from, String... keys) {
        List<Quantity> out = new ArrayList<>();
        for (String k : keys) {
            out.add(from.stream().filter(q -> q.key().equals(k)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no quantity " + k)));
        }
        return List.copyOf(out);
    }
}
