package org.dicelens.ui.model;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dicelens.metrics.LossParameter;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.WceWeightSource;

/** The loss parameters of the formula sheet as properties, one per control of the Losses panel. */
public final class LossControls {
    public final DoubleProperty smoothNr = new SimpleDoubleProperty();
    public final DoubleProperty smoothDr = new SimpleDoubleProperty();
    public final DoubleProperty tverskyAlpha = new SimpleDoubleProperty();
    public final DoubleProperty tverskyBeta = new SimpleDoubleProperty();
    public final DoubleProperty focalTverskyGamma = new SimpleDoubleProperty();
    public final ObjectProperty<WceWeightSource> wceWeightSource = new SimpleObjectProperty<>();
    public final DoubleProperty ssLambda = new SimpleDoubleProperty();
    public final DoubleProperty focalGamma = new SimpleDoubleProperty();
    public final DoubleProperty expLogGamma = new SimpleDoubleProperty();
    public final DoubleProperty expLogWDice = new SimpleDoubleProperty();
    public final DoubleProperty expLogWCe = new SimpleDoubleProperty();
    public final DoubleProperty comboAlpha = new SimpleDoubleProperty();
    public final DoubleProperty comboBeta = new SimpleDoubleProperty();

    public LossControls() {
        set(LossParams.defaults());
    }

    public LossParams get() {
        LossParams p = LossParams.defaults().withWceWeightSource(wceWeightSource.get());
        for (LossParameter q : LossParameter.values()) {
            p = p.with(q, property(q).get());
        }
        return p;
    }

    /** The control of one numeric parameter. */
    public DoubleProperty property(LossParameter p) {
        return switch (p) {
            case SMOOTH_NR -> smoothNr;
            case SMOOTH_DR -> smoothDr;
            case TVERSKY_ALPHA -> tverskyAlpha;
            case TVERSKY_BETA -> tverskyBeta;
            case FOCAL_TVERSKY_GAMMA -> focalTverskyGamma;
            case SS_LAMBDA -> ssLambda;
            case FOCAL_GAMMA -> focalGamma;
            case EXP_LOG_GAMMA -> expLogGamma;
            case EXP_LOG_W_DICE -> expLogWDice;
            case EXP_LOG_W_CE -> expLogWCe;
            case COMBO_ALPHA -> comboAlpha;
            case COMBO_BETA -> comboBeta;
        };
    }

    public void set(LossParams p) {
        smoothNr.set(p.smoothNr());
        smoothDr.set(p.smoothDr());
        tverskyAlpha.set(p.tverskyAlpha());
        tverskyBeta.set(p.tverskyBeta());
        focalTverskyGamma.set(p.focalTverskyGamma());
        wceWeightSource.set(p.wceWeightSource());
        ssLambda.set(p.ssLambda());
        focalGamma.set(p.focalGamma());
        expLogGamma.set(p.expLogGamma());
        expLogWDice.set(p.expLogWDice());
        expLogWCe.set(p.expLogWCe());
        comboAlpha.set(p.comboAlpha());
        comboBeta.set(p.comboBeta());
    }

    Observable[] all() {
        return new Observable[] {smoothNr, smoothDr, tverskyAlpha, tverskyBeta, focalTverskyGamma, wceWeightSource, ssLambda,
            focalGamma, expLogGamma, expLogWDice, expLogWCe, comboAlpha, comboBeta};
    }
}
