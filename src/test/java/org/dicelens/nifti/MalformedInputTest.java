package org.dicelens.nifti;

import static org.dicelens.nifti.TestFiles.gzip;
import static org.dicelens.nifti.TestFiles.head;
import static org.dicelens.nifti.TestFiles.le;
import static org.dicelens.nifti.TestFiles.nifti1;
import static org.dicelens.nifti.TestFiles.nifti2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad input: each must raise a NiftiException whose message names the file and the field
 * (never a RuntimeException, never a hang: the class-wide timeout only guards against hangs, it measures nothing).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedInputTest {
    @TempDir
    Path dir;

    /** Reading (header only and full) fails with a NiftiException on field; returns the full read's exception. */
    private NiftiException fails(Path file, String field) {
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(file));
        assertEquals(file.toString(), e.file() == null ? null : e.file().toString(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": " + (field == null ? "" : field + ": ")), e.getMessage());
        return e;
    }

    private Path file(String name, byte[] bytes) {
        return TestFiles.write(dir.resolve(name), bytes);
    }

    @Test
    void wrongMagic() {
        byte[] b = nifti1(2, 2, 2);
        b[344] = 'a';
        b[345] = 'b';
        NiftiException e = fails(file("m.nii", b), "magic");
        assertTrue(e.getMessage().contains("\"ab1\\x00\""), e.getMessage());
        byte[] b2 = nifti2(2, 2, 2);
        b2[6] = '1'; // "n+1" inside a 540-byte header
        fails(file("m2.nii", b2), "magic");
    }

    @Test
    void impossibleSizeofHdr() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putInt(0, 349);
        NiftiException e = fails(file("s.nii", b), "sizeof_hdr");
        assertTrue(e.getMessage().contains("349"), e.getMessage());
    }

    @Test
    void truncatedHeader() {
        fails(file("h.nii", head(nifti1(2, 2, 2), 200)), "header");
        fails(file("h2.nii", head(nifti2(2, 2, 2), 539)), "header");
        fails(file("h.nii.gz", gzip(head(nifti1(2, 2, 2), 347))), "header");
        fails(file("three.nii", head(nifti1(2, 2, 2), 3)), "sizeof_hdr");
    }

    @Test
    void truncatedData() {
        byte[] b = nifti1(4, 4, 4);
        NiftiException e = fails(file("d.nii", head(b, b.length - 1)), "dim");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // the header alone is checked against the file size too
        assertThrows(NiftiException.class, () -> NiftiReader.readHeader(dir.resolve("d.nii")));
    }

    @Test
    void truncatedGzip() {
        byte[] gz = gzip(nifti1(20, 20, 20));
        NiftiException e = fails(file("t.nii.gz", head(gz, gz.length / 2)), "gzip");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // a whole deflate stream whose data is too short for the header's dims
        byte[] b = nifti1(20, 20, 20);
        e = fails(file("t2.nii.gz", gzip(head(b, b.length - 4))), "dim");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // cut inside the 8-byte trailer (CRC and length): the data is all there but the stream is unfinished
        fails(file("t3.nii.gz", head(gz, gz.length - 3)), "gzip");
    }

    @Test
    void corruptGzip() {
        byte[] gz = gzip(nifti1(20, 20, 20));
        byte[] crc = gz.clone();
        crc[crc.length - 6] ^= 0x55; // CRC32 in the trailer
        NiftiException e = fails(file("crc.nii.gz", crc), "gzip");
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        byte[] body = gz.clone();
        for (int i = body.length - 40; i < body.length - 20; i++) {
            body[i] ^= (byte) 0xA5; // deflate data near the end: bad codes or a CRC mismatch
        }
        fails(file("body.nii.gz", body), "gzip");
        byte[] header = {0x1f, (byte) 0x8b, 99, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3}; // method 99 is not deflate
        fails(file("hdr.nii.gz", header), "gzip");
    }

    @Test
    void negativeAndZeroDims() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putShort(44, (short) -5); // dim[2]
        NiftiException e = fails(file("neg.nii", b), "dim[2]");
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
        byte[] z = nifti1(2, 2, 2);
        le(z).putShort(46, (short) 0); // dim[3]
        fails(file("zero.nii", z), "dim[3]");
        byte[] n2 = nifti2(2, 2, 2);
        le(n2).putLong(24, -1); // dim[1] of NIfTI-2
        fails(file("neg2.nii", n2), "dim[1]");
    }

    @Test
    void dimCountOutOfRange() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putShort(40, (short) 0);
        fails(file("d0.nii", b), "dim[0]");
        le(b).putShort(40, (short) 8);
        fails(file("d8.nii", b), "dim[0]");
    }

    @Test
    void dimsWhoseProductOverflows() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putShort(40, (short) 7);
        for (int i = 1; i <= 7; i++) {
            le(b).putShort(40 + 2 * i, Short.MAX_VALUE); // 32767^7 > 2^63
        }
        NiftiException e = fails(file("o.nii", b), "dim");
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
        byte[] n2 = nifti2(2, 2, 2);
        le(n2).putLong(24, 1L << 40).putLong(32, 1L << 40); // 2^80 voxels
        fails(file("o2.nii", n2), "dim");
        byte[] big = nifti1(2, 2, 2);
        le(big).putShort(42, Short.MAX_VALUE).putShort(44, Short.MAX_VALUE).putShort(46, Short.MAX_VALUE);
        e = fails(file("arr.nii", big), "dim");
        assertTrue(e.getMessage().contains("Java array"), e.getMessage());
    }

    @Test
    void voxOffsetPastTheEnd() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putFloat(108, 1_000_000);
        fails(file("v.nii", b), "vox_offset");
        fails(file("v.nii.gz", gzip(b)), "vox_offset");
        byte[] n2 = nifti2(2, 2, 2);
        le(n2).putLong(168, Long.MAX_VALUE);
        fails(file("v2.nii", n2), "vox_offset");
    }

    @Test
    void voxOffsetInsideTheHeaderOrNotWhole() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putFloat(108, 100);
        fails(file("in.nii", b), "vox_offset");
        le(b).putFloat(108, 352.5f);
        fails(file("half.nii", b), "vox_offset");
        le(b).putFloat(108, Float.NaN);
        fails(file("nan.nii", b), "vox_offset");
        le(b).putFloat(108, -352);
        fails(file("negative.nii", b), "vox_offset");
    }

    @Test
    void unknownDatatype() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putShort(70, (short) 32); // complex64
        NiftiException e = fails(file("c.nii", b), "datatype");
        assertTrue(e.getMessage().contains("unsupported datatype 32"), e.getMessage());
        le(b).putShort(70, (short) 1234);
        e = fails(file("u.nii", b), "datatype");
        assertTrue(e.getMessage().contains("unsupported datatype 1234"), e.getMessage());
    }

    @Test
    void scaleInterceptNotFinite() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putFloat(112, 2).putFloat(116, Float.NaN);
        fails(file("i.nii", b), "scl_inter");
    }

    @Test
    void nonFiniteTransformsNameTheirField() throws NiftiException {
        byte[] b = nifti1(2, 2, 2); // sform_code 1
        le(b).putFloat(296 + 8, Float.NaN);
        NiftiException e = fails(file("sform.nii", b), "srow_y[2]");
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("sform"), e.getMessage());
        le(b).putFloat(296 + 8, 0).putFloat(312 + 12, Float.NEGATIVE_INFINITY);
        fails(file("sform-inf.nii", b), "srow_z[3]");
        byte[] q = nifti1(2, 2, 2);
        le(q).putShort(254, (short) 0).putShort(252, (short) 1).putFloat(260, Float.NaN); // qform only, quatern_c NaN
        e = fails(file("qform.nii", q), "quatern_c");
        assertTrue(e.getMessage().contains("qform"), e.getMessage());
        le(q).putFloat(260, 0).putFloat(272, Float.POSITIVE_INFINITY);
        fails(file("qoffset.nii", q), "qoffset_y");
        le(q).putFloat(272, 0).putFloat(76 + 4 * 2, Float.POSITIVE_INFINITY);
        fails(file("pixdim.nii", q), "pixdim[2]");
        // an unused transform (code 0) may hold anything, as in nibabel: this file reads
        byte[] unused = nifti1(2, 2, 2);
        le(unused).putFloat(256, Float.NaN);
        assertEquals(2, NiftiReader.read(file("unused.nii", unused)).nx());
    }

    @Test
    void emptyFile() {
        NiftiException e = fails(file("empty.nii", new byte[0]), "sizeof_hdr");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        fails(file("empty.nii.gz", gzip(new byte[0])), "sizeof_hdr");
    }

    @Test
    void directory() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder.nii"));
        NiftiException e = fails(d, null);
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void missingFileAndMissingImageOfAPair() {
        NiftiException e = fails(dir.resolve("absent.nii"), null);
        assertTrue(e.getMessage().contains("no such file"));
        byte[] b = nifti1(2, 2, 2);
        b[345] = 'i'; // "ni1": a header/image pair whose .img is missing
        fails(file("lonely.hdr", head(b, 348)), "magic");
        assertThrows(NiftiException.class, () -> NiftiReader.read(dir.resolve("other.img"))); // no .img, no .hdr
    }

    @Test
    void randomBytesNamedNii() {
        Random r = new Random(20240601);
        for (int k = 0; k < 20; k++) {
            byte[] b = new byte[1 + r.nextInt(5000)];
            r.nextBytes(b);
            Path f = file("random" + k + ".nii", b);
            NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(f));
            assertEquals("sizeof_hdr", e.field(), e.getMessage());
        }
        byte[] gzRandom = new byte[3000];
        r.nextBytes(gzRandom);
        gzRandom[0] = 0x1f;
        gzRandom[1] = (byte) 0x8b;
        assertThrows(NiftiException.class, () -> NiftiReader.read(file("random.nii.gz", gzRandom)));
    }

    /** A small gzip file whose header claims terabytes: refused before allocating, saying what it would need. */
    @Test
    void headerClaimingTerabytes() {
        byte[] n2 = nifti2(2, 2, 2);
        le(n2).putLong(16, 4).putLong(24, 2000).putLong(32, 2000).putLong(40, 500).putLong(48, 1000); // 2e12 voxels
        NiftiException e = fails(file("tb.nii.gz", gzip(n2)), "dim");
        assertTrue(e.getMessage().contains("needs 7.3 TiB of memory"), e.getMessage()); // 2e12 x 4 bytes as float
        NiftiException h = assertThrows(NiftiException.class, () -> NiftiReader.readHeader(dir.resolve("tb.nii.gz")));
        assertTrue(h.getMessage().contains("can hold"), h.getMessage()); // a 1 KB gzip cannot inflate to 4 TB
    }

    /**
     * A valid header with all its data present (a sparse 8 GiB file) that does not fit the heap: the header reads,
     * the data is refused before allocating, with the memory it needs.
     */
    @Test
    void validFileBiggerThanTheHeap() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max < 15L << 30, "this test needs a heap under 15 GiB");
        byte[] b = nifti1(2, 2, 2);
        le(b).putShort(70, (short) 4).putShort(72, (short) 16); // int16
        le(b).putShort(40, (short) 4).putShort(42, (short) 1024).putShort(44, (short) 1024).putShort(46, (short) 1024)
                .putShort(48, (short) 4); // 4 volumes of 1024^3
        Path f = dir.resolve("huge.nii");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(head(b, 352));
            raf.setLength(352 + (8L << 30)); // sparse: no disk space used
        } catch (IOException e) {
            assumeTrue(false, "cannot make a sparse 8 GiB file here: " + e.getMessage());
        }
        assertEquals(4, NiftiReader.readHeader(f).channels());
        NiftiException e = fails(f, "dim");
        assertTrue(e.getMessage().contains("needs 16.0 GiB of memory"), e.getMessage()); // 2^32 voxels x 4 bytes
        Files.delete(f);
    }

    @Test
    void problemsNameTheFieldAndNotAStackTrace() {
        byte[] b = nifti1(2, 2, 2);
        le(b).putShort(70, (short) 128);
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(file("rgb.nii", b)));
        assertNull(e.getCause());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }
}
