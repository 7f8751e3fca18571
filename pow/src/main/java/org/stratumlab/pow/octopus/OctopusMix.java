package org.stratumlab.pow.octopus;

import org.stratumlab.pow.keccak.Keccak512;
import org.stratumlab.pow.keccak.KeccakF1600;

/**
 * Octopus step 6, the mix: 32 accesses to pseudo-random dataset pages, each page 4 dataset items computed on the
 * fly from the light cache (step 4) and folded into the 64-word mix with FNV.
 *
 * <p>Where the time goes: an item is a chain of 256 dependent random reads of the cache (16-28 MiB, far larger
 * than any core cache), so one item costs 256 memory latencies. The 4 items of one page depend on each other only
 * through the next access, so this computes them interleaved, one parent of each per step: the CPU then has 4 cache
 * misses in flight instead of 1, which the node's and the reference miner's code (one item after the other) do not
 * exploit.
 *
 * <p>Not thread-safe: it keeps the 4 items and a Keccak state in reused arrays (one per verifier).
 */
final class OctopusMix {
    static final int MIX_WORDS = 64;
    static final int ACCESSES = 32;
    static final int ITEMS_PER_PAGE = 4;
    static final int DATASET_PARENTS = 256;
    static final int FNV_PRIME = 0x01000193;
    private static final int W = LightCache.NODE_WORDS;

    /** Item {@code m} of the current page is {@code items[16 * m .. 16 * m + 15]}. */
    private final int[] items = new int[ITEMS_PER_PAGE * W];
    private final long[] state = new long[KeccakF1600.LANES];

    static int fnv(int x, int y) {
        return x * FNV_PRIME ^ y;
    }

    /**
     * Runs the 32 accesses.
     *
     * @param cache the stage's cache
     * @param seed64 a state whose lanes 0..7 hold the mix seed; read only
     * @param mix the 64 mix words, written
     * @param results the 32 polynomial values of step 5
     */
    void mix(LightCache cache, long[] seed64, int[] mix, int[] results) {
        for (int lane = 0; lane < 8; lane++) {
            for (int copy = 0; copy < ITEMS_PER_PAGE; copy++) {
                mix[copy * W + 2 * lane] = (int) seed64[lane];
                mix[copy * W + 2 * lane + 1] = (int) (seed64[lane] >>> 32);
            }
        }
        int first = mix[0];
        int pages = cache.stage().datasetPages();
        for (int i = 0; i < ACCESSES; i++) {
            int page = Integer.remainderUnsigned(fnv(first ^ i ^ results[i], mix[i % MIX_WORDS]), pages);
            computePage(cache.words, cache.nodes, page * ITEMS_PER_PAGE);
            for (int j = 0; j < MIX_WORDS; j++) {
                mix[j] = fnv(mix[j], items[j]);
            }
        }
    }

    /** Step 4 for items {@code firstItem .. firstItem + 3} at once, into {@link #items}. */
    private void computePage(int[] cache, int nodes, int firstItem) {
        int[] r = items;
        for (int m = 0; m < ITEMS_PER_PAGE; m++) {
            int item = firstItem + m;
            System.arraycopy(cache, Integer.remainderUnsigned(item, nodes) * W, r, m * W, W);
            r[m * W] ^= item;
            keccak512InPlace(r, m * W);
        }
        for (int i = 0; i < DATASET_PARENTS; i++) {
            int word = i % W;
            int p0 = parentOffset(firstItem, i, r[word], nodes);
            int p1 = parentOffset(firstItem + 1, i, r[W + word], nodes);
            int p2 = parentOffset(firstItem + 2, i, r[2 * W + word], nodes);
            int p3 = parentOffset(firstItem + 3, i, r[3 * W + word], nodes);
            fnvParents(r, cache, p0, p1, p2, p3);
        }
        for (int m = 0; m < ITEMS_PER_PAGE; m++) {
            keccak512InPlace(r, m * W);
        }
    }

    private static int parentOffset(int item, int i, int word, int nodes) {
        return Integer.remainderUnsigned(fnv(item ^ i, word), nodes) * W;
    }

    /**
     * {@code r[m].word[j] = fnv(r[m].word[j], node[p_m].word[j])} for the 4 items. The first and the last word of
     * each parent are read before any arithmetic: a node may straddle two cache lines, and so all 8 lines are
     * requested within a few instructions. Read in the order of use instead, the later lines would be requested
     * only after some 250 instructions, beyond what the core's reorder window holds while the first miss waits.
     */
    private static void fnvParents(int[] r, int[] cache, int p0, int p1, int p2, int p3) {
        int last0 = cache[p0 + W - 1];
        int last1 = cache[p1 + W - 1];
        int last2 = cache[p2 + W - 1];
        int last3 = cache[p3 + W - 1];
        int first0 = cache[p0];
        int first1 = cache[p1];
        int first2 = cache[p2];
        int first3 = cache[p3];
        r[0] = fnv(r[0], first0);
        r[W] = fnv(r[W], first1);
        r[2 * W] = fnv(r[2 * W], first2);
        r[3 * W] = fnv(r[3 * W], first3);
        for (int j = 1; j < W - 1; j++) {
            r[j] = fnv(r[j], cache[p0 + j]);
            r[W + j] = fnv(r[W + j], cache[p1 + j]);
            r[2 * W + j] = fnv(r[2 * W + j], cache[p2 + j]);
            r[3 * W + j] = fnv(r[3 * W + j], cache[p3 + j]);
        }
        r[W - 1] = fnv(r[W - 1], last0);
        r[2 * W - 1] = fnv(r[2 * W - 1], last1);
        r[3 * W - 1] = fnv(r[3 * W - 1], last2);
        r[4 * W - 1] = fnv(r[4 * W - 1], last3);
    }

    /** Replaces the 16 words at {@code at} by their Keccak-512 digest (a 64-byte single-block message). */
    private void keccak512InPlace(int[] words, int at) {
        long[] s = state;
        Keccak512.absorbPadding(s, 8);
        for (int lane = 0; lane < 8; lane++) {
            s[lane] = LightCache.lane(words, at + 2 * lane);
        }
        KeccakF1600.permute(s);
        for (int lane = 0; lane < 8; lane++) {
            words[at + 2 * lane] = (int) s[lane];
            words[at + 2 * lane + 1] = (int) (s[lane] >>> 32);
        }
    }
}
