package org.stratumlab.pow.octopus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The optimised cache builder against the straightforward one at stage 0: the first and last nodes (each depends,
 * through the three mix rounds, on the whole cache), and hashes from the reference cache against the vectors.
 */
class LightCacheTest {
    private static final int NODES_COMPARED = 64;

    @Test
    void firstAndLastNodesMatchTheStraightforwardBuilder() {
        LightCache cache = SharedCaches.stage(0);
        ReferenceOctopus reference = SharedCaches.referenceStage0();
        int n = cache.stage().cacheNodes();
        assertEquals(reference.nodes, n);
        for (int i = 0; i < NODES_COMPARED; i++) {
            assertNodeEquals(reference, cache, i);
            assertNodeEquals(reference, cache, n - 1 - i);
        }
    }

    @Test
    void theStraightforwardVerifierAgreesWithTheVectors() {
        ReferenceOctopus reference = SharedCaches.referenceStage0();
        OctopusVectors.all().stream().filter(c -> c.height() < OctopusStage.STAGE_LENGTH_BLOCKS).limit(3)
                .forEach(c -> assertEquals(c.hash().toPaddedHex(), "0x" + java.util.HexFormat.of().formatHex(
                        reference.hash(c.powHash().toBigEndian(), c.nonce().w0())), c.toString()));
    }

    @Test
    void buildRecordsItsTimeAndSize() {
        LightCache cache = SharedCaches.stage(0);
        assertEquals(16_776_896L, cache.cacheBytes());
        assertEquals(true, cache.buildTimeNs() > 0);
    }

    private static void assertNodeEquals(ReferenceOctopus reference, LightCache cache, int node) {
        for (int j = 0; j < LightCache.NODE_WORDS; j++) {
            assertEquals(ReferenceOctopus.word(reference.cache, node * ReferenceOctopus.NODE + 4 * j),
                    cache.word(node, j), "node " + node + " word " + j);
        }
    }
}
