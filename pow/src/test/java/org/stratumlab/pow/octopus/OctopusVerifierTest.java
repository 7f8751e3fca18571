package org.stratumlab.pow.octopus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stratumlab.pow.PowRule;
import org.stratumlab.pow.U256;

/** Octopus light verification against the vectors, and the boundary rule on top of it. */
class OctopusVerifierTest {
    private final OctopusVerifier verifier = new OctopusVerifier();

    @TestFactory
    List<DynamicTest> everyVectorHashesAsTheReferenceMinerDoes() {
        return OctopusVectors.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            LightCache cache = SharedCaches.forStage(OctopusStage.ofHeight(c.height()));
            assertEquals(c.cacheBytes(), cache.cacheBytes());
            assertEquals(c.datasetBytes(), cache.stage().datasetBytes());
            assertEquals(c.hash(), verifier.hash(cache, c.powHash(), c.nonce().w0()));
        })).toList();
    }

    @Test
    void onlyTheLowSixtyFourBitsOfTheNonceAreHashed() {
        OctopusVectors.Case c = OctopusVectors.all().get(0);
        LightCache cache = SharedCaches.forStage(OctopusStage.ofHeight(c.height()));
        U256 highNonce = U256.of(0, 1, 0, c.nonce().w0());
        assertTrue(verifier.isValid(cache, c.powHash(), c.nonce(), c.hash().add(1)));
        assertFalse(verifier.isValid(cache, c.powHash(), c.nonce(), c.hash()));
        // Bit 128 set: the same H, less the lower bound 2^128, so a boundary of H + 1 - 2^128 still passes.
        U256 lowered = c.hash().subtract(PowRule.lowerBound(highNonce));
        assertTrue(verifier.isValid(cache, c.powHash(), highNonce, lowered.add(1)));
        assertFalse(verifier.isValid(cache, c.powHash(), highNonce, lowered));
    }

    @Test
    void difficultyOneAcceptsEveryNonce() {
        OctopusVectors.Case c = OctopusVectors.all().get(1);
        LightCache cache = SharedCaches.forStage(OctopusStage.ofHeight(c.height()));
        assertTrue(verifier.isValid(cache, c.powHash(), c.nonce(), U256.MAX));
    }
}
