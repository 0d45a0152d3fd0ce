# The "same number in MONAI" table of docs/FORMULAS.md, in numpy float64: each function is a line-by-line port of the
# MONAI 1.5.0 code named beside it (torch is not needed). Reads two uncompressed NIfTI-1 files (label map, 4D
# probabilities), prints one JSON object. Arguments: ref pred threshold s_nr s_dr alpha beta gamma include_background.
import json
import math
import sys

import numpy as np


def read_nifti(path):
    raw = open(path, "rb").read()
    dim = np.frombuffer(raw, "<i2", 8, 40)
    dtype = {2: np.uint8, 16: np.float32}[int(np.frombuffer(raw, "<i2", 1, 70)[0])]
    offset = int(np.frombuffer(raw, "<f4", 1, 108)[0])
    nx, ny, nz = (int(d) for d in dim[1:4])
    nc = int(dim[4]) if dim[0] == 4 else 1
    data = np.frombuffer(raw, dtype, nx * ny * nz * nc, offset).astype(np.float64)
    return data.reshape(nc, nx * ny * nz)  # x fastest, channel slowest: one row per channel


def compute_tp_fp_fn(p, y, ord, decoupled=True):  # monai/losses/utils.py, soft_label=False
    if ord == 1:
        tp = np.sum(p * y, axis=-1)
        if decoupled:
            return tp, np.sum(p, axis=-1) - tp, np.sum(y, axis=-1) - tp
        return tp, np.sum(p * (1 - y), axis=-1), np.sum((1 - p) * y, axis=-1)
    pred_o = np.linalg.norm(p, ord, axis=-1) ** ord
    ground_o = np.linalg.norm(y, ord, axis=-1) ** ord
    difference = np.linalg.norm(p - y, ord, axis=-1) ** ord
    tp = (pred_o + ground_o - difference) / 2
    return tp, pred_o - tp, ground_o - tp


def dice_loss(p, y, snr, sdr, squared_pred=False, jaccard=False):  # DiceLoss.forward, reduction="none"
    tp, fp, fn = compute_tp_fp_fn(p, y, 2 if squared_pred else 1)
    if not jaccard:
        fp, fn = fp * 0.5, fn * 0.5
    with np.errstate(invalid="ignore", divide="ignore"):
        return 1 - (2 * tp + snr) / (2 * (tp + fp + fn) + sdr)


def tversky_loss(p, y, alpha, beta, snr, sdr):  # TverskyLoss.forward, reduction="none"
    tp, fp, fn = compute_tp_fp_fn(p, y, 1, decoupled=False)
    return 1.0 - (tp + snr) / (tp + alpha * fp + beta * fn + sdr)


def generalized_dice_loss(p, y, snr, sdr):  # GeneralizedDiceLoss.forward, w_type="square", batch=False
    tp, fp, fn = compute_tp_fp_fn(p, y, 1)
    fp, fn = fp * 0.5, fn * 0.5
    denominator = 2 * (tp + fp + fn)
    ground_o = np.sum(y, axis=-1)
    with np.errstate(divide="ignore"):
        w = 1.0 / (ground_o * ground_o)
    infs = np.isinf(w)
    w[infs] = 0.0
    w = w + infs * np.max(w)
    return 1.0 - (2.0 * np.sum(tp * w) + snr) / (np.sum(denominator * w) + sdr)


def compute_dice_channel(b, y):  # DiceHelper.compute_channel, ignore_empty=False
    y_o = np.sum(y)
    if y_o > 0:
        return 2.0 * np.sum(y[b > 0]) / (y_o + np.sum(b))
    return 1.0 if y_o + np.sum(b) <= 0 else 0.0


def compute_iou(b, y):  # monai/metrics/meaniou.py compute_iou, ignore_empty=False
    inter = np.sum(y * b, axis=-1)
    union = np.sum(y, axis=-1) + np.sum(b, axis=-1) - inter
    with np.errstate(invalid="ignore"):
        return np.where(union > 0, inter / union, 1.0)


def confusion(b, y):  # get_confusion_matrix: [tp, fp, tn, fn] per channel
    tp = np.sum((b + y) == 2, axis=-1).astype(float)
    tn = np.sum((b + y) == 0, axis=-1).astype(float)
    pos = np.sum(y, axis=-1)
    neg = y.shape[-1] - pos
    return tp, neg - tn, tn, pos - tp


def ratio(num, den):  # compute_confusion_matrix_metric: torch.where(denominator != 0, n / d, nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den != 0, num / den, np.nan)


def logsigmoid(x):
    return -np.logaddexp(0.0, -x)


def bce_with_logits(z, y, pos_weight=None):  # torch binary_cross_entropy_with_logits (aten Loss.cpp), mean
    max_val = np.maximum(-z, 0.0)
    soft = np.log(np.exp(-max_val) + np.exp(-z - max_val)) + max_val
    if pos_weight is None:
        loss = (1 - y) * z + soft
    else:
        with np.errstate(invalid="ignore"):
            log_weight = (pos_weight - 1) * y + 1
            loss = (1 - y) * z + log_weight * soft
    return np.mean(loss)


def sigmoid_focal_loss(z, y, gamma):  # monai/losses/focal_loss.py sigmoid_focal_loss, alpha=None, then mean
    loss = z - z * y - logsigmoid(z)
    invprobs = logsigmoid(-z * (y * 2 - 1))
    return np.mean(np.exp(invprobs * gamma) * loss)


def cross_entropy(logits, labels):  # torch CrossEntropyLoss: mean of −log_softmax(logits)[label]
    ls = logits - np.logaddexp.reduce(logits, axis=0)
    return -np.mean(ls[labels, np.arange(labels.size)])


def generalized_dice_score(b, y):  # compute_generalized_dice, weight_type="square", sum_over_classes=True
    inter = np.sum(y * b, axis=-1)
    y_o = np.sum(y, axis=-1)
    y_pred_o = np.sum(b, axis=-1)
    with np.errstate(divide="ignore"):
        w = 1.0 / (y_o * y_o)
    infs = np.isinf(w)
    w[infs] = 0
    w[infs] = np.max(w)
    numer = 2.0 * np.sum(inter * w)
    denom = np.sum((y_o + y_pred_o) * w)
    if denom == 0:
        return 1.0 if np.sum(y_pred_o) == 0 else 0.0
    return numer / denom


def main(a):
    labels = read_nifti(a[0])[0].astype(int)
    p = np.clip(read_nifti(a[1]), 0.0, 1.0)
    t, snr, sdr, alpha, beta, gamma = (float(v) for v in a[2:8])
    background = a[8] == "true"
    nc, n = p.shape
    y = np.zeros_like(p)
    y[labels, np.arange(n)] = 1.0  # AsDiscrete(to_onehot=nc)
    b = (p >= t).astype(float)  # AsDiscrete(threshold=t): img_t >= threshold
    q = np.clip(p, 1e-7, 1 - 1e-7)
    z = np.log(q) - np.log1p(-q)  # logit of the clamped probability, the logits BCE/focal expect
    tp, fp, tn, fn = confusion(b, y)
    iou = compute_iou(b, y)
    classes = []
    for c in range(nc):
        r = np.sum(y[c])
        w = (n - r) / r if r > 0 else math.inf
        classes.append({
            "softDice": 1 - dice_loss(p[c], y[c], 0.0, 0.0),
            "diceLoss": dice_loss(p[c], y[c], snr, sdr),
            "diceSquaredLoss": dice_loss(p[c], y[c], snr, sdr, squared_pred=True),
            "jaccardLoss": dice_loss(p[c], y[c], snr, sdr, jaccard=True),
            "tverskyLoss": tversky_loss(p[c], y[c], alpha, beta, snr, sdr),
            "hardDice": compute_dice_channel(b[c], y[c]),
            "hardJaccard": iou[c],
            "tp": tp[c], "fp": fp[c], "tn": tn[c], "fn": fn[c],
            "precision": ratio(tp[c], tp[c] + fp[c]),
            "recall": ratio(tp[c], tp[c] + fn[c]),
            "specificity": ratio(tn[c], tn[c] + fp[c]),
            "ce": bce_with_logits(z[c], y[c]),
            "wce": bce_with_logits(z[c], y[c], w),
            "focal": sigmoid_focal_loss(z[c], y[c], gamma),
            "brier": np.mean((y[c] - p[c]) ** 2),  # MSEMetric on the one channel
        })
    first = 0 if background else 1  # include_background=False drops channel 0
    sel = slice(first, nc)
    out = {
        "gdl": generalized_dice_loss(p[sel], y[sel], snr, sdr),
        "gdlScore": generalized_dice_score(b[sel], y[sel]),
        "meanHardDice": np.mean([compute_dice_channel(b[c], y[c]) for c in range(first, nc)]),
        "ceMulticlass": cross_entropy(np.log(q), labels),
        "classes": classes,
    }
    print(json.dumps(out, default=clean, allow_nan=True).replace("NaN", "null"))


def clean(v):
    return float(v)


if __name__ == "__main__":
    main(sys.argv[1:])
