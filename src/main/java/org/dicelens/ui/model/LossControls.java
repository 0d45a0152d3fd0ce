package org.dicelens.ui.model;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
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
        return new LossParams(smoothNr.get(), smoothDr.get(), tverskyAlpha.get(), tverskyBeta.get(), focalTverskyGamma.get(),
                wceWeightSource.get(), ssLambda.get(), focalGamma.get(), expLogGamma.get(), expLogWDice.get(), expLogWCe.get(),
                comboAlpha.get(), comboBeta.get());
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
