package org.dicelens.ui;

import java.util.Locale;
import java.util.function.IntFunction;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks at which magnification the views are exported as PNG: 1×, 2× or 4× of the views' on-screen resolution, each
 * with the figure's size in pixels (letters, key and colour bars grow with it). A JavaFX file chooser has no
 * accessory panel, so this small dialog comes first; the last choice is kept for the session.
 */
public final class ExportScaleDialog {
    /** The magnifications offered. */
    static final int[] SCALES = {1, 2, 4};
    private static int last = 1;

    private ExportScaleDialog() {
    }

    /**
     * Shows the dialog; the chosen magnification, or null when cancelled.
     *
     * @param sizeAt the figure's {width, height} at a magnification (null: unknown)
     */
    public static Integer ask(Window owner, IntFunction<int[]> sizeAt) {
        Dialog<Integer> d = create(owner, sizeAt);
        Integer k = d.showAndWait().orElse(null);
        if (k != null) {
            last = k;
        }
        return k;
    }

    static Dialog<Integer> create(Window owner, IntFunction<int[]> sizeAt) {
        Dialog<Integer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("DiceLens");
        d.setHeaderText("Export the views as PNG");
        d.getDialogPane().setId("exportScale");
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6, new Label("Size of the figure (the slices, their letters, the key and colour bars):"));
        for (int k : SCALES) {
            int[] size = sizeAt.apply(k);
            String px = size == null ? "" : String.format(Locale.ROOT, " — %,d × %,d px", size[0], size[1]);
            RadioButton r = new RadioButton(k + "×" + px + (k == 1 ? "  (the views' resolution)" : ""));
            r.setId("exportScale-" + k);
            r.setUserData(k);
            r.setToggleGroup(group);
            r.setSelected(k == last);
            box.getChildren().add(r);
        }
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK && group.getSelectedToggle() != null
                ? (Integer) group.getSelectedToggle().getUserData() : null);
        return d;
    }
}
