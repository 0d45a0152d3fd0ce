package org.dicelens.lab.training;

import java.util.List;
import java.util.Locale;
import org.dicelens.phantom.LabCase;

/** The model family the lab trains, one model per loss. */
public enum ModelKind {
    /** Logistic regression on local image features (Bertels et al.'s weak model). */
    LOGISTIC("logistic");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ModelKind parse(String s) {
        for (ModelKind k : values()) {
            if (k.id.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + s + "'; one of " + List.of(values()).stream().map(ModelKind::id).toList());
    }

    public TrainableModel create(List<LabCase> training) {
        return switch (this) {
            case LOGISTIC -> new LogisticModel(training);
        };
    }
}
