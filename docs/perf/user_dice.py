#!/usr/bin/env python3
"""The script a user writes instead of DiceLens: per-class soft Dice, hard Dice (p >= 0.5) and volumes from a
4D probability .nii (x, y, z, class) and a label map, with nibabel + numpy. `--ce` adds the mean cross-entropy
(p clamped to [1e-7, 1 - 1e-7], the reference class's -ln p per voxel). Used by docs/perf/evaluate-vs-script.md:

    /usr/bin/python3 docs/perf/user_dice.py reference.nii prediction.nii [--ce]

Written as users write it: nibabel's get_fdata(dtype=float32) (float64 would be slower still), numpy reductions
per class, no chunking.
"""
import sys

import nibabel as nib
import numpy as np


def main(argv):
    ref_path, pred_path = argv[1], argv[2]
    with_ce = "--ce" in argv[3:]
    ref_img = nib.load(ref_path)
    pred_img = nib.load(pred_path)
    ref = np.asarray(ref_img.dataobj).astype(np.int16)
    pred = pred_img.get_fdata(dtype=np.float32)
    voxel_ml = float(np.prod(ref_img.header.get_zooms()[:3])) / 1000.0
    classes = pred.shape[3]
    ce = 0.0
    for c in range(classes):
        p = pred[..., c]
        r = ref == c
        sum_p = float(p.sum(dtype=np.float64))
        n_r = int(np.count_nonzero(r))
        inter = float(p[r].sum(dtype=np.float64))
        soft = 2 * inter / (sum_p + n_r) if sum_p + n_r > 0 else 1.0
        h = p >= 0.5
        n_h = int(np.count_nonzero(h))
        tp = int(np.count_nonzero(h & r))
        hard = 2 * tp / (n_h + n_r) if n_h + n_r > 0 else 1.0
        if with_ce:
            ce -= float(np.log(np.clip(p[r], 1e-7, 1 - 1e-7)).sum(dtype=np.float64))
        print(f"class {c}: softDice {soft:.6f} hardDice {hard:.6f} refMl {n_r * voxel_ml:.3f} "
              f"softMl {sum_p * voxel_ml:.3f} hardMl {n_h * voxel_ml:.3f}")
    if with_ce:
        print(f"crossEntropy {ce / ref.size:.6f}")


if __name__ == "__main__":
    main(sys.argv)
