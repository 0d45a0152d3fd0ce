package org.dicelens.volume.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dicelens.common.InputException;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;

/**
 * The class names and regions of a {@code dataset.json}, in either style:
 * <ul>
 * <li>nnU-Net v2: {@code "labels": {"background": 0, "edema": 1, ...}} (name to value); a region model gives some
 * names a list of labels ({@code "whole tumor": [1, 2, 3]}) and {@code "regions_class_order"};</li>
 * <li>Medical Segmentation Decathlon (and nnU-Net v1): {@code "labels": {"0": "background", "1": "edema"}}.</li>
 * </ul>
 * Follows nnU-Net's LabelManager (nnunetv2/utilities/label_handling/label_handling.py): a model has regions when
 * some entry is a list of more than one label; its output channels are the regions in the file's order, skipping
 * {@code ignore} and background-only entries, one sigmoid channel each; a label model's channels are all label
 * values (background included, {@code ignore} excluded) in increasing order, softmax.
 *
 * @param classes the label values with their names in channel order (label models) or in value order (regions)
 * @param regions for a region model, one per output channel in channel order; empty for a label model
 * @param ignoreLabel the {@code ignore} label's value, or null
 */
public record DatasetJson(Path file, Style style, ClassTable classes, List<Region> regions, List<Integer> regionsClassOrder,
        Integer ignoreLabel) {

    /** Which convention the labels follow. */
    public enum Style {
        NNUNET_V2, MSD
    }

    /** One region channel: its name and the reference labels whose union it predicts. */
    public record Region(String name, SortedSet<Integer> labels) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_BYTES = 4L << 20;

    public boolean hasRegions() {
        return !regions.isEmpty();
    }

    public static DatasetJson read(Path file) throws InputException {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file, null, "larger than " + (MAX_BYTES >> 20) + " MiB: not a dataset.json");
            }
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(file, null, "not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read: " + e.getMessage(), e);
        }
        JsonNode labels = root == null ? null : root.get("labels");
        if (labels == null || !labels.isObject() || labels.isEmpty()) {
            throw new InputException(file, "labels", "no \"labels\" object (expected {\"background\": 0, \"tumour\": 1}"
                    + " or {\"0\": \"background\", \"1\": \"tumour\"})");
        }
        boolean msd = labels.elements().next().isTextual();
        return msd ? msd(file, labels) : nnUnet(file, root, labels);
    }

    private static DatasetJson msd(Path file, JsonNode labels) throws InputException {
        TreeMap<Integer, String> byValue = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int value;
            try {
                value = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new InputException(file, "labels", "the key \"" + e.getKey() + "\" is not a label value; in the"
                        + " Decathlon style every key is a number and every value a name");
            }
            if (!e.getValue().isTextual()) {
                throw new InputException(file, "labels", "label " + value + " maps to " + e.getValue()
                        + ", not a name; mixed styles cannot be read");
            }
            checkValue(file, value);
            byValue.put(value, e.getValue().asText());
        }
        return new DatasetJson(file, Style.MSD, table(byValue), List.of(), List.of(), null);
    }

    private static DatasetJson nnUnet(Path file, JsonNode root, JsonNode labels) throws InputException {
        TreeMap<Integer, String> names = new TreeMap<>();
        List<Region> regions = new ArrayList<>();
        boolean hasRegions = false;
        Integer ignore = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            SortedSet<Integer> set = labelSet(file, name, e.getValue());
            if (name.equals("ignore")) {
                if (set.size() != 1 || !e.getValue().isInt()) {
                    throw new InputException(file, "labels", "\"ignore\" must be one integer label (as nnU-Net requires)");
                }
                ignore = set.first();
                continue;
            }
            hasRegions |= e.getValue().isArray() && set.size() > 1;
            if (set.size() == 1 && names.get(set.first()) == null) {
                names.put(set.first(), name);
            }
            if (!(set.size() == 1 && set.first() == 0)) {
                regions.add(new Region(name, Collections.unmodifiableSortedSet(set)));
            }
            for (int v : set) {
                names.putIfAbsent(v, null);
            }
        }
        if (!names.containsKey(0)) {
            throw new InputException(file, "labels", "no background (label 0); nnU-Net requires \"background\": 0");
        }
        List<Integer> order = new ArrayList<>();
        JsonNode rco = root.get("regions_class_order");
        if (rco != null && rco.isArray()) {
            for (JsonNode n : rco) {
                order.add(n.asInt());
            }
        }
        if (hasRegions && order.size() != regions.size()) {
            throw new InputException(file, "regions_class_order", "a region model needs \"regions_class_order\" with one"
                    + " entry per region (" + regions.size() + " regions, " + order.size() + " entries)");
        }
        if (ignore != null) {
            names.remove(ignore);
        }
        return new DatasetJson(file, Style.NNUNET_V2, table(names), hasRegions ? List.copyOf(regions) : List.of(),
                List.copyOf(order), ignore);
    }

    private static SortedSet<Integer> labelSet(Path file, String name, JsonNode v) throws InputException {
        SortedSet<Integer> set = new TreeSet<>();
        if (v.isInt()) {
            set.add(v.asInt());
        } else if (v.isArray() && !v.isEmpty()) {
            for (JsonNode n : v) {
                if (!n.isInt()) {
                    throw new InputException(file, "labels", "\"" + name + "\" lists " + n + ", not an integer label");
                }
                set.add(n.asInt());
            }
        } else {
            throw new InputException(file, "labels", "\"" + name + "\" maps to " + v + "; expected a label value or a list"
                    + " of label values");
        }
        for (int x : set) {
            checkValue(file, x);
        }
        return set;
    }

    private static void checkValue(Path file, int value) throws InputException {
        if (value < 0 || value > 65535) {
            throw new InputException(file, "labels", "label value " + value + " is outside 0..65535");
        }
    }

    /** Classes in increasing label order; unnamed labels (only inside regions) get "label N". */
    private static ClassTable table(TreeMap<Integer, String> names) {
        List<ClassInfo> list = new ArrayList<>();
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            String n = e.getValue() != null ? e.getValue() : e.getKey() == 0 ? "background" : "label " + e.getKey();
            list.add(new ClassInfo(e.getKey(), n, ClassTable.defaultColour(e.getKey())));
        }
        return new ClassTable(list);
    }
}
