package org.stratumlab.pow.octopus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;

/** The {@code octopus} algorithm by name, through the interface, on the shared caches. */
class OctopusAlgorithmTest {
    private final LightCacheStore store = new LightCacheStore(Runnable::run, 2, SharedCaches::forStage);

    @Test
    void octopusByNameHashesTheVectorsAcrossStages() {
        PowAlgorithm octopus = PowAlgorithms.create("octopus", store);
        assertEquals("octopus", octopus.name());
        for (OctopusVectors.Case c : OctopusVectors.all()) {
            assertEquals(c.hash(), octopus.hash(c.powHash(), c.height(), c.nonce()), c.toString());
        }
    }

    @Test
    void octopusChecksTheBoundaryStrictly() {
        PowAlgorithm octopus = PowAlgorithms.octopus(store);
        OctopusVectors.Case c = OctopusVectors.all().get(2);
        assertTrue(octopus.isValid(c.powHash(), c.height(), c.nonce(), c.hash().add(1)));
        assertFalse(octopus.isValid(c.powHash(), c.height(), c.nonce(), c.hash()));
    }
}
