package org.stratumlab.pow.octopus;

import org.stratumlab.pow.keccak.Keccak512;
import org.stratumlab.pow.keccak.KeccakF1600;
import org.stratumlab.pow.keccak.Lanes;

/**
 * The Octopus light cache of one stage: {@link OctopusStage#cacheNodes()} nodes of 16 little-endian 32-bit words,
 * from which light verification computes dataset items on the fly (about 16 MiB at stage 0, 28 MiB at heights
 * near 10^8).
 *
 * <p>Octopus step 3 (cache): {@code node[0] = keccak512(seed)}, {@code node[i] = keccak512(node[i-1])}, then 3
 * rounds of {@code node[i] = keccak512(node[(i - 1 + n) % n] XOR node[node[i].word0 % n])} for {@code i} in
 * {@code 0..n}. Building is sequential by nature (each node depends on the one before) and takes about a second on
 * one core: build it off any event loop, ahead of the stage, through {@link LightCacheStore#prepare}.
 *
 * <p>Immutable once built, and thread-safe: every verifier of the stage reads the same instance.
 */
public final class LightCache {
    /** Words in a node. */
    static final int NODE_WORDS = 16;
    /** Keccak-512 passes over the whole cache after the sequential fill. */
    static final int CACHE_ROUNDS = 3;
    /** The original Keccak padding of a 64-byte (8-lane) message sits wholly in lane 8. */
    private static final long PAD_LANE_8_FOR_64_BYTES = 0x8000_0000_0000_0001L;

    private final OctopusStage stage;
    /** Node {@code i} is {@code words[16 * i .. 16 * i + 15]}: one flat array, no per-node objects or headers. */
    final int[] words;
    /** The node count, a prime. */
    final int nodes;
    private final long buildTimeNs;

    /** For {@link #build}, and for tests that need a cache object without its second of building. */
    LightCache(OctopusStage stage, int[] words, long buildTimeNs) {
        this.stage = stage;
        this.words = words;
        this.nodes = words.length / NODE_WORDS;
        this.buildTimeNs = buildTimeNs;
    }

    /**
     * Builds a stage's cache in the calling thread (about a second, about {@code cacheBytes} of memory).
     *
     * @param stage the stage
     * @return the cache
     */
    public static LightCache build(OctopusStage stage) {
        long startNs = System.nanoTime();
        int[] words = new int[stage.cacheNodes() * NODE_WORDS];
        long[] state = new long[KeccakF1600.LANES];
        fillSequentially(words, stage.seedBytes(), state);
        for (int round = 0; round < CACHE_ROUNDS; round++) {
            mixRound(words, state);
        }
        return new LightCache(stage, words, System.nanoTime() - startNs);
    }

    /**
     * Builds the cache of a height's stage in the calling thread.
     *
     * @param height a block height
     * @return the cache of its stage
     * @throws IllegalArgumentException if the height is out of range ({@link OctopusStage#ofHeight})
     */
    public static LightCache buildForHeight(long height) {
        return build(OctopusStage.ofHeight(height));
    }

    /** @return the stage this cache belongs to */
    public OctopusStage stage() {
        return stage;
    }

    /** @return the cache size in bytes, as {@link OctopusStage#cacheBytes()} */
    public long cacheBytes() {
        return stage.cacheBytes();
    }

    /** @return how long {@link #build} took, in nanoseconds */
    public long buildTimeNs() {
        return buildTimeNs;
    }

    /**
     * Reads one word of the cache, for tests and diagnostics.
     *
     * @param node the node index, 0 to {@code stage().cacheNodes() - 1}
     * @param word the word index, 0 to 15
     * @return the word as stored (little-endian bytes {@code 4 * word .. 4 * word + 3} of the node)
     */
    public int word(int node, int word) {
        java.util.Objects.checkIndex(node, nodes);
        java.util.Objects.checkIndex(word, NODE_WORDS);
        return words[node * NODE_WORDS + word];
    }

    /**
     * The sequential fill. The digest of node {@code i - 1} is still in lanes 0..7 of the state, which is exactly
     * the message of node {@code i}: only the padding lanes need resetting, nothing is read back from the array.
     */
    private static void fillSequentially(int[] words, byte[] seed, long[] state) {
        Keccak512.absorbPadding(state, 4);
        for (int lane = 0; lane < 4; lane++) {
            state[lane] = Lanes.readLittleEndian(seed, 8 * lane);
        }
        KeccakF1600.permute(state);
        storeNode(state, words, 0);
        for (int offset = NODE_WORDS; offset < words.length; offset += NODE_WORDS) {
            padAfterEightLanes(state);
            KeccakF1600.permute(state);
            storeNode(state, words, offset);
        }
    }

    /** One round of the RandMemoHash-style mix, in place, as the node does it (later nodes see updated ones). */
    private static void mixRound(int[] words, long[] state) {
        int n = words.length / NODE_WORDS;
        int previous = (n - 1) * NODE_WORDS;
        for (int i = 0, offset = 0; i < n; i++, offset += NODE_WORDS) {
            int other = Integer.remainderUnsigned(words[offset], n) * NODE_WORDS;
            for (int lane = 0; lane < 8; lane++) {
                state[lane] = lane(words, previous + 2 * lane) ^ lane(words, other + 2 * lane);
            }
            padAfterEightLanes(state);
            KeccakF1600.permute(state);
            storeNode(state, words, offset);
            previous = offset;
        }
    }

    private static void padAfterEightLanes(long[] state) {
        state[8] = PAD_LANE_8_FOR_64_BYTES;
        for (int lane = 9; lane < KeccakF1600.LANES; lane++) {
            state[lane] = 0;
        }
    }

    /** Two little-endian words as one Keccak lane (the low word holds the lower-addressed bytes). */
    static long lane(int[] words, int index) {
        return (words[index] & 0xFFFF_FFFFL) | ((long) words[index + 1] << 32);
    }

    private static void storeNode(long[] state, int[] words, int offset) {
        for (int lane = 0; lane < 8; lane++) {
            long value = state[lane];
            words[offset + 2 * lane] = (int) value;
            words[offset + 2 * lane + 1] = (int) (value >>> 32);
        }
    }
}
