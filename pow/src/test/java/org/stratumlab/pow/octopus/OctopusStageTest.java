package org.stratumlab.pow.octopus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Octopus stage and size rules, at the first stage boundary and against a BigInteger primality version. */
class OctopusStageTest {
    private static final long STAGE_LENGTH = 1L << 19;

    @Test
    void lastHeightOfStageZeroHasStageZeroSizes() {
        OctopusStage stage = OctopusStage.ofHeight(STAGE_LENGTH - 1);
        assertEquals(0, stage.stage());
        assertEquals(16_776_896L, stage.cacheBytes());
        assertEquals(4_294_966_528L, stage.datasetBytes());
        assertEquals("0x" + "00".repeat(32), stage.seedHex());
    }

    @Test
    void firstHeightOfStageOneGrowsBothSizesAndHashesTheSeedOnce() {
        OctopusStage stage = OctopusStage.ofHeight(STAGE_LENGTH);
        assertEquals(1, stage.stage());
        assertEquals(STAGE_LENGTH, stage.firstHeight());
        assertEquals(16_842_688L, stage.cacheBytes());
        assertEquals(4_311_744_256L, stage.datasetBytes());
        // keccak256 of 32 zero bytes.
        assertEquals("0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563", stage.seedHex());
    }

    @Test
    void everyVectorsSizesMatch() {
        for (OctopusVectors.Case c : OctopusVectors.all()) {
            OctopusStage stage = OctopusStage.ofHeight(c.height());
            assertEquals(c.cacheBytes(), stage.cacheBytes(), c.toString());
            assertEquals(c.datasetBytes(), stage.datasetBytes(), c.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 7, 190, 1000, 4095})
    void sizesAndSeedMatchTheStraightforwardRule(long number) {
        OctopusStage stage = OctopusStage.ofStage(number);
        assertEquals(ReferenceOctopus.cacheBytes(number), stage.cacheBytes());
        assertEquals(ReferenceOctopus.datasetBytes(number), stage.datasetBytes());
        assertArrayEquals(ReferenceOctopus.seed(number), stage.seed());
        assertTrue(OctopusStage.isPrime(stage.cacheNodes()) && OctopusStage.isPrime(stage.datasetPages()));
    }

    @Test
    void heightsOutsideTheSupportedStagesAreRejectedWithTheRange() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> OctopusStage.ofHeight(-1));
        assertEquals("height must be 0 to 2147483647, got -1", negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OctopusStage.ofHeight(1L << 31));
        assertEquals(OctopusStage.MAX_STAGE, OctopusStage.ofHeight((1L << 31) - 1).stage());
        assertThrows(IllegalArgumentException.class, () -> OctopusStage.ofStage(OctopusStage.MAX_STAGE + 1));
    }
}
