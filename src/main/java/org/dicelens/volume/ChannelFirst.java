package org.dicelens.volume;

import org.dicelens.nifti.NiftiHeader;

/**
 * Recognises a prediction saved channel-first, {@code (C, i, j, k)} or {@code (C, k, j, i)} (a PyTorch/MONAI tensor
 * written as it sits in memory), which fails the grid check with confusing dims: the first axis holds the classes
 * and the other three are the reference's dims shifted by one place or reversed.
 */
final class ChannelFirst {
    private ChannelFirst() {
    }

    /** A sentence explaining the layout when {@code h} looks channel-first on {@code ref}'s grid, else null. */
    static String hint(Geometry ref, NiftiHeader h) {
        int n = (int) Math.max(0, Math.min(7, h.dim[0]));
        while (n > 4 && h.dim[n] == 1) {
            n--;
        }
        if (n != 4) {
            return null;
        }
        long c = h.dim[1];
        long a = h.dim[2];
        long b = h.dim[3];
        long d = h.dim[4];
        if (c < 1 || c > CaseLoader.MAX_CLASSES) {
            return null;
        }
        String how;
        if (a == ref.nx() && b == ref.ny() && d == ref.nz()) {
            how = "shifted by one axis";
        } else if (a == ref.nz() && b == ref.ny() && d == ref.nx()) {
            how = "reversed";
        } else {
            return null;
        }
        return "it looks channel-first: its first axis holds " + c + " values (the classes?) and its other axes are the"
                + " reference's dims " + how + "; save the channels last, (i, j, k, C) as MONAI's SaveImage writes them"
                + " (e.g. numpy.moveaxis(a, 0, -1)" + (how.equals("reversed") ? " after undoing the reversal" : "") + ")";
    }

    /** The header's dims as a tuple, e.g. (3, 40, 30, 20). */
    static String dims(NiftiHeader h) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 1; i <= Math.max(1, Math.min(7, h.dim[0])); i++) {
            sb.append(i > 1 ? ", " : "").append(h.dim[i]);
        }
        return sb.append(')').toString();
    }
}
