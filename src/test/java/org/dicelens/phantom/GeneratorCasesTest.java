package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The phantom generator as the lab's case source: q is the lesion channel, the reference rater 0's lesion voxels. */
class GeneratorCasesTest {

    static final PhantomSpec SMALL = PhantomSpec.lesion().withSize(32, 32, 16).withLesions(2, 3.5);

    @Test
    void binaryLesionCase() {
        Phantom p = PhantomGenerator.generate(SMALL.withSeed(5));
        LabCase c = new GeneratorCases(SMALL).generate(5, "x");
        assertArrayEquals(p.q()[1], c.q());
        assertArrayEquals(p.image(), c.image());
        assertArrayEquals(p.reference(), c.reference(), "lesion kind: channel index 1 is the lesion");
        assertEquals(p.expectedVolumeMl(1), c.expectedVoxels() * c.geometry().voxelMl(), 1e-9);
    }

    @Test
    void brainKindUsesItsLesionClass() {
        PhantomSpec brain = SMALL.withKind(PhantomKind.BRAIN);
        Phantom p = PhantomGenerator.generate(brain.withSeed(6));
        LabCase c = new GeneratorCases(brain).generate(6, "x");
        assertArrayEquals(p.q()[3], c.q());
        byte[] labels = p.reference();
        int lesion = 0;
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i] == 3 ? 1 : 0, c.reference()[i]);
            lesion += c.reference()[i];
        }
        assertTrue(lesion > 0);
    }

    @Test
    void controlsReachTheSpec() {
        GeneratorCases g = new GeneratorCases(SMALL).withWidth(0.5).withLesions(3, 2).withNoise(0.1).withDims(40, 40, 20);
        assertEquals(new PhantomSpec(PhantomKind.LESION, 40, 40, 20, 1.5, 1.5, 3, 3, 2, 0.5, 0.1, 0.15, 4, 1, 2), g.spec());
        assertEquals(0.5, g.widthMm());
        assertTrue(g.describe().startsWith("phantom generator, lesion kind: 40x40x20 voxels of 1.5x1.5x3 mm; 3 lesions"));
    }
}
