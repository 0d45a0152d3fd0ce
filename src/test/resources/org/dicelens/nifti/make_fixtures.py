#!/usr/bin/python3
"""Small NIfTI files made with nibabel 5.0.0's header classes (not with DiceLens), and the values nibabel reads back.

    cd src/test/resources/org/dicelens/nifti && /usr/bin/python3 make_fixtures.py

writes fixtures/* and fixtures.tsv: name, nibabel's shape, datatype code, then every value of img.get_fdata()
(float64, after scl_slope/scl_inter) in NIfTI order (x fastest), as Python repr (exact for Java's parseDouble).
Covers every datatype DiceLens reads, both byte orders, scaling, NIfTI-2, .hdr/.img pairs (plain and gzipped),
extensions before vox_offset, 1D/2D/5D/7D shapes and a two-member gzip stream.
"""
import gzip
import os

import nibabel as nib
import numpy as np

out = 'fixtures'
os.makedirs(out, exist_ok=True)
rows = []
DTYPES = ['uint8', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']


def values(dtype, shape):
    """Deterministic values spanning the type, including its extremes."""
    n = int(np.prod(shape))
    if np.dtype(dtype).kind == 'f':
        v = np.sin(np.arange(n) * 0.7) * 1000.0
        v[0] = np.finfo(dtype).max
        v[1] = np.finfo(dtype).tiny
        v[2] = -0.0
        return v.astype(dtype).reshape(shape, order='F')
    info = np.iinfo(dtype)
    v = (np.arange(n, dtype=np.float64) * 9973.0) % (float(info.max) - float(info.min) + 1) + float(info.min)
    v = v.astype(np.float64)
    a = np.array([int(x) for x in v], dtype=object)
    a[0] = info.min
    a[1] = info.max
    a[2] = 0
    return np.array(list(a), dtype=dtype).reshape(shape, order='F')


def write(name, arr, klass=nib.Nifti1Header, endian='<', slope=None, inter=None, pair=False, compress=False,
          extension=None, two_members=False, intent=None):
    hdr = klass(endianness=endian)
    hdr.set_data_dtype(arr.dtype)
    hdr.set_data_shape(arr.shape)
    aff = np.array([[-2.0, 0, 0, 10], [0, 1.5, 0, -20], [0, 0, 3, 5], [0, 0, 0, 1]])
    hdr.set_sform(aff, 1)
    hdr.set_qform(aff, 1)
    if intent:
        hdr.set_intent(intent)
    if slope is not None:
        hdr['scl_slope'] = slope
        hdr['scl_inter'] = inter
    single = 352 if klass is nib.Nifti1Header else 544
    if extension is not None:
        hdr.extensions.append(nib.nifti1.Nifti1Extension('comment', extension))
    if pair:
        hdr['magic'] = hdr.pair_magic
        hdr['vox_offset'] = 0
    else:
        hdr['magic'] = hdr.single_magic
        hdr['vox_offset'] = single + (hdr.extensions.get_sizeondisk() if extension is not None else 0)
    data = arr.astype(arr.dtype.newbyteorder(endian)).tobytes(order='F')
    import io
    hb = io.BytesIO()
    hdr.write_to(hb)
    header_bytes = hb.getvalue()
    if not pair:
        blob = header_bytes  # write_to adds the extension flag and the extensions of a single file
        assert len(blob) == int(hdr['vox_offset']), (name, len(blob), hdr['vox_offset'])
        blob += data
        files = [(name, blob)]
    else:
        stem = name.rsplit('.hdr', 1)[0]
        # the bare header block: write_to would raise vox_offset 0 to 352, but a pair's data starts at 0 of the .img
        hdr['vox_offset'] = 0
        files = [(stem + '.hdr', hdr.binaryblock), (stem + '.img', data)]
    for fname, blob in files:
        if compress:
            if two_members:
                half = len(blob) // 2
                blob = gzip.compress(blob[:half]) + gzip.compress(blob[half:])
            else:
                blob = gzip.compress(blob)
            fname += '.gz'
        with open(os.path.join(out, fname), 'wb') as f:
            f.write(blob)
    first = files[0][0] + ('.gz' if compress else '')
    img = nib.load(os.path.join(out, first))
    got = img.get_fdata().reshape(-1, order='F')
    rows.append('\t'.join([first, ','.join(str(s) for s in img.shape), str(int(img.header['datatype'])),
                           ' '.join(repr(float(x)) for x in got)]))


shape = (3, 4, 2)
for dt in DTYPES:
    a = values(dt, shape)
    write(f'{dt}_le.nii', a)
    write(f'{dt}_be_scaled.nii', a, endian='>', slope=0.5, inter=-3.0, compress=True)
a16 = values('int16', (4, 3, 2, 2))
write('n2_le.nii', a16, klass=nib.Nifti2Header)
write('n2_be_scaled.nii', a16, klass=nib.Nifti2Header, endian='>', slope=2.5, inter=1.0 / 3, compress=True)
write('pair_be.hdr', values('float32', shape), endian='>', pair=True)
write('pairgz.hdr', values('uint16', shape), pair=True, compress=True)
write('pair_n2.hdr', values('int32', shape), klass=nib.Nifti2Header, pair=True)
write('ext.nii', values('int16', shape), extension=b'DiceLens fixture: an extension before the data' * 3)
write('ext_be.nii', values('float64', shape), endian='>', extension=b'x' * 20, compress=True)
write('vec5d.nii', values('float32', (2, 3, 2, 1, 3)), intent='vector')
write('d7.nii', values('int16', (2, 2, 2, 2, 1, 2, 2)))
write('d1.nii', values('uint8', (5,)))
write('d2.nii', values('int16', (4, 3)))
write('two_members.nii', values('float32', (5, 4, 3)), compress=True, two_members=True)

with open('fixtures.tsv', 'w') as f:
    f.write('#name\tshape\tdatatype\tvalues (nibabel 5.0.0 get_fdata, NIfTI order)\n')
    f.write('\n'.join(rows) + '\n')
