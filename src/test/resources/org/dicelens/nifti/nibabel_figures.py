#!/usr/bin/python3
"""Figures for RealDataTest, computed independently of DiceLens with Debian's python3-nibabel 5.0.0 and numpy 1.24.

Run from any folder that has no 'nibabel' subfolder (../shared/realdata has one, which would shadow the module):
    /usr/bin/python3 nibabel_figures.py /work/shared/realdata > realdata-nibabel.tsv

One line per NIfTI file; numbers are Python repr() of float64 (header float32 fields widened exactly), so Java's
Double.parseDouble gives the identical double. Values are after scl_slope/scl_inter (img.get_fdata(), float64).
Probes are flat indices in NIfTI order (x fastest, then y, z, then dims 4..7) with their values.
"""
import glob
import os
import sys

import nibabel as nib
import numpy as np

root = os.path.abspath(sys.argv[1])
cols = ['file', 'version', 'order', 'datatype', 'dim', 'pixdim', 'vox_offset', 'scl_slope', 'scl_inter', 'qform_code',
        'sform_code', 'quatern', 'srow', 'xyzt_units', 'min', 'max', 'sum', 'nonzero', 'probes']
print('#' + '\t'.join(cols))
files = sorted(glob.glob(os.path.join(root, '**', '*.nii*'), recursive=True)
               + glob.glob(os.path.join(root, '**', '*.hdr*'), recursive=True))
for f in files:
    img = nib.load(f)
    # img.header has scl_* and vox_offset reset by nibabel; read the file's own header
    opener = nib.openers.ImageOpener(f)
    with opener as fobj:
        raw = img.header.__class__.from_fileobj(fobj)
    h = raw
    version = 2 if isinstance(h, nib.Nifti2Header) else 1
    order = 'BE' if h.endianness == '>' else 'LE'
    data = img.get_fdata()  # float64, scaled as nibabel does
    flat = data.reshape(-1, order='F')
    t = flat.size
    probe_idx = sorted(set([t * k // 7 for k in range(7)] + [t - 1, int(np.argmax(flat)), int(np.argmin(flat))]
                           + ([int(np.flatnonzero(flat)[0])] if np.any(flat) else [])))
    probes = ' '.join(f'{i}:{flat[i]!r}' for i in probe_idx)
    r = lambda v: repr(float(v))
    row = [os.path.relpath(f, root), str(version), order, str(int(h['datatype'])),
           ','.join(str(int(x)) for x in h['dim']), ','.join(r(x) for x in h['pixdim']), str(int(h['vox_offset'])),
           r(h['scl_slope']), r(h['scl_inter']), str(int(h['qform_code'])), str(int(h['sform_code'])),
           ','.join(r(h[k]) for k in ('quatern_b', 'quatern_c', 'quatern_d', 'qoffset_x', 'qoffset_y', 'qoffset_z')),
           ','.join(r(x) for k in ('srow_x', 'srow_y', 'srow_z') for x in h[k]), str(int(h['xyzt_units'])),
           r(flat.min()), r(flat.max()), r(flat.sum()), str(int(np.count_nonzero(flat))), probes]
    print('\t'.join(row))
