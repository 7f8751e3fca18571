package org.stratumlab.pow.octopus;

import java.util.HexFormat;
import org.stratumlab.pow.keccak.Keccak256;

/**
 * The parameters of one Octopus stage (Conflux's mainnet proof of work): a stage is {@value #STAGE_LENGTH_BLOCKS}
 * consecutive heights, and every height of a stage shares one seed, one light cache and one dataset size.
 *
 * <p>Octopus step 1 (stage and sizes): {@code stage = height / 2^19}; the cache size starts at
 * {@code 2^24 + 2^16 * stage - 64} bytes and the dataset size at {@code 2^32 + 2^24 * stage - 256} bytes, each
 * lowered by two units (nodes of 64 bytes, pages of 256 bytes) until its unit count is prime. Step 2 (seed): 32 zero
 * bytes hashed with Keccak-256 once per stage.
 *
 * <p>Immutable and thread-safe. Building the object costs a few primality tests and {@code stage} Keccak-256 hashes
 * (microseconds); the light cache itself is {@link LightCache#build}.
 */
public final class OctopusStage {
    /** Heights per stage: 2^19. */
    public static final long STAGE_LENGTH_BLOCKS = 1L << 19;
    /**
     * The highest stage supported: it keeps every node, page and item index of a stage below 2^31, so that the hot
     * loops index plain {@code int} arrays (Conflux, at two blocks a second, reaches it after about 34 years).
     */
    public static final long MAX_STAGE = 4095;
    /** The highest height supported: the last height of {@link #MAX_STAGE}. */
    public static final long MAX_HEIGHT = (MAX_STAGE + 1) * STAGE_LENGTH_BLOCKS - 1;
    /** Bytes in a cache node (16 little-endian 32-bit words). */
    public static final int NODE_BYTES = 64;
    /** Bytes in a dataset page (one mix: 4 nodes). */
    public static final int PAGE_BYTES = 256;

    static final long CACHE_INIT_BYTES = 1L << 24;
    static final long CACHE_GROWTH_BYTES = 1L << 16;
    static final long DATASET_INIT_BYTES = 1L << 32;
    static final long DATASET_GROWTH_BYTES = 1L << 24;
    static final int SEED_BYTES = 32;

    private final long stage;
    private final long cacheBytes;
    private final long datasetBytes;
    private final byte[] seed;

    private OctopusStage(long stage) {
        this.stage = stage;
        this.cacheBytes = primeUnits(CACHE_INIT_BYTES + CACHE_GROWTH_BYTES * stage - NODE_BYTES, NODE_BYTES);
        this.datasetBytes = primeUnits(DATASET_INIT_BYTES + DATASET_GROWTH_BYTES * stage - PAGE_BYTES,
                PAGE_BYTES);
        this.seed = seed(stage);
    }

    /**
     * The stage of a block height.
     *
     * @param height the block height, 0 to {@code (MAX_STAGE + 1) * STAGE_LENGTH_BLOCKS - 1}
     * @return the stage's parameters
     * @throws IllegalArgumentException if the height is negative or past {@link #MAX_STAGE}
     */
    public static OctopusStage ofHeight(long height) {
        return ofStage(stageOf(height));
    }

    /**
     * A stage by number.
     *
     * @param stage 0 to {@link #MAX_STAGE}
     * @return the stage's parameters
     * @throws IllegalArgumentException if the stage is out of range
     */
    public static OctopusStage ofStage(long stage) {
        if (stage < 0 || stage > MAX_STAGE) {
            throw new IllegalArgumentException("stage must be 0 to " + MAX_STAGE + ", got " + stage);
        }
        return new OctopusStage(stage);
    }

    /**
     * The stage number of a height, without computing its parameters.
     *
     * @param height the block height
     * @return {@code height / 2^19}
     * @throws IllegalArgumentException if the height is negative or past {@link #MAX_STAGE}
     */
    public static long stageOf(long height) {
        long stage = height / STAGE_LENGTH_BLOCKS;
        if (height < 0 || stage > MAX_STAGE) {
            throw new IllegalArgumentException(
                    "height must be 0 to " + MAX_HEIGHT + ", got " + height);
        }
        return stage;
    }

    /** @return the stage number, {@code height / 2^19} */
    public long stage() {
        return stage;
    }

    /** @return the first height of the stage */
    public long firstHeight() {
        return stage * STAGE_LENGTH_BLOCKS;
    }

    /** @return the light cache's size in bytes (16,776,896 at stage 0) */
    public long cacheBytes() {
        return cacheBytes;
    }

    /** @return the number of 64-byte nodes in the light cache, a prime */
    public int cacheNodes() {
        return (int) (cacheBytes / NODE_BYTES);
    }

    /** @return the full dataset's size in bytes (4,294,966,528 at stage 0); light verification never builds it */
    public long datasetBytes() {
        return datasetBytes;
    }

    /** @return the number of 256-byte pages in the dataset, a prime */
    public int datasetPages() {
        return (int) (datasetBytes / PAGE_BYTES);
    }

    /** @return a copy of the stage's 32-byte seed */
    public byte[] seed() {
        return seed.clone();
    }

    /** @return the seed as 64 lower-case hex digits with a {@code 0x} prefix */
    public String seedHex() {
        return "0x" + HexFormat.of().formatHex(seed);
    }

    /** The seed without a copy, for the cache builder. */
    byte[] seedBytes() {
        return seed;
    }

    @Override
    public String toString() {
        return "stage " + stage + " (cache " + cacheBytes + " bytes, dataset " + datasetBytes
                + " bytes, seed "
                + seedHex() + ")";
    }

    private static byte[] seed(long stage) {
        byte[] seed = new byte[SEED_BYTES];
        for (long i = 0; i < stage; i++) {
            seed = Keccak256.hash(seed);
        }
        return seed;
    }

    /** Lowers {@code bytes} by two units at a time until {@code bytes / unit} is prime (an odd count stays odd). */
    private static long primeUnits(long bytes, int unitBytes) {
        long size = bytes;
        while (!isPrime(size / unitBytes)) {
            size -= 2L * unitBytes;
        }
        return size;
    }

    /** Trial division: the counts stay below 2^31, so at most about 23,000 odd divisors per candidate. */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
