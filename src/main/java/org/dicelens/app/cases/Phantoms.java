package org.dicelens.app.cases;

import java.util.Locale;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.phantom.PhantomGenerator;
import org.dicelens.phantom.PhantomPrediction;
import org.dicelens.phantom.PhantomSpec;
import org.dicelens.volume.Case;

/** The lab's generated phantoms: "brain" or "lesion", optionally ":" and a prediction kind (default calibrated). */
final class Phantoms {
    private Phantoms() {
    }

    static Case generate(String description, Progress progress) throws InputException {
        String[] parts = description.trim().toLowerCase(Locale.ROOT).split(":");
        PhantomSpec spec = switch (parts[0]) {
            case "brain" -> PhantomSpec.brain();
            case "lesion" -> PhantomSpec.lesion();
            default -> throw new InputException(null, "phantom", "unknown phantom '" + parts[0] + "' (brain or lesion)");
        };
        PhantomPrediction kind;
        try {
            kind = parts.length > 1 ? PhantomPrediction.parse(parts[1]) : PhantomPrediction.CALIBRATED;
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "phantom", e.getMessage());
        }
        progress.update(-1, "generating the " + parts[0] + " phantom");
        Case c = PhantomGenerator.generate(spec).toCase(kind);
        progress.checkCancelled();
        return c;
    }
}
