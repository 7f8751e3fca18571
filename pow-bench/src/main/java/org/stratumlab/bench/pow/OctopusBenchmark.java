package org.stratumlab.bench.pow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.PowRule;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.pow.keccak.Keccak512;
import org.stratumlab.pow.octopus.LightCache;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.pow.octopus.OctopusVerifier;

/**
 * Octopus light verification, as an Octopus endpoint does it per submit ({@code verify}: one hash from the light
 * cache, dataset items computed on the fly, and the boundary check), and the per-stage light cache build
 * ({@code buildCache}), per implementation: {@code java} is {@link OctopusVerifier} and {@link LightCache};
 * {@code reference} the straightforward version below (byte arrays, the general Keccak functions, one dataset item
 * after the other). {@code keccakRule} is the baseline: the test-mode rule's check through the same interface.
 *
 * <p>Run: {@code java -jar pow-bench/target/benchmarks.jar OctopusBenchmark -prof gc} (add {@code -p stage=190}
 * for mainnet-height sizes: a 28 MiB cache). Expect on one 2020s x86 core: {@code verify} a few ms for
 * {@code java} (memory-latency bound; the C reference miner takes about 6.5 ms) and about 0 B/op beyond the
 * cache, {@code reference} several times slower and allocating; {@code buildCache} about a second for {@code java},
 * allocating the cache's 16 MiB; {@code keccakRule} under a microsecond. Each {@code buildCache} call is one
 * single-shot build, so few iterations are enough.
 *
 * <p>Inputs: 64 (pow_hash, nonce) pairs from a fixed seed, cycled; difficulty 4, so that a quarter pass.
 */
@Fork(value = 2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OctopusBenchmark {
    private static final int INPUTS = 64;
    /** A light-verification vector of height 0 (nonce 0), checked once per trial so that a wrong build fails loudly. */
    private static final U256 KNOWN_POW_HASH = U256.parseHex(
            "0xf4a3cc3052800e0423eb71643ac5c72715d25341edc5fe85e427f474114d9fce");
    private static final U256 KNOWN_HASH = U256.parseHex(
            "0x53ffd21b956ff0b5b379fe1f5aa00a8d1d9df864ba7d5ea991d6720c7be59c08");

    /** The cache and verifier of one implementation for one stage, built once per trial. */
    @State(Scope.Thread)
    public static class Octopus {
        @Param({"reference", "java"})
        public String impl;

        @Param({"0"})
        public long stage;

        OctopusStage octopusStage;
        LightCache cache;
        Straightforward reference;
        OctopusVerifier verifier;
        Inputs inputs;

        @Setup(Level.Trial)
        public void setUp() {
            octopusStage = OctopusStage.ofStage(stage);
            inputs = new Inputs();
            switch (impl) {
                case "java" -> {
                    cache = LightCache.build(octopusStage);
                    verifier = new OctopusVerifier();
                }
                case "reference" -> reference = Straightforward.build(octopusStage);
                default -> throw new IllegalArgumentException("unknown impl " + impl);
            }
            if (stage == 0 && !hash(KNOWN_POW_HASH, 0).equals(KNOWN_HASH)) {
                throw new IllegalStateException(impl + " hashes the known stage-0 case wrong");
            }
        }

        private U256 hash(U256 powHash, long nonce) {
            return verifier != null
                    ? verifier.hash(cache, powHash, nonce)
                    : U256.fromBigEndian(reference.hash(powHash.toBigEndian(), nonce), 0);
        }

        boolean verify() {
            int i = inputs.next();
            U256 powHash = inputs.powHashes[i];
            U256 nonce = inputs.nonces[i];
            if (verifier != null) {
                return verifier.isValid(cache, powHash, nonce, inputs.boundary);
            }
            return PowRule.meetsBoundary(hash(powHash, nonce.w0()), nonce, inputs.boundary);
        }

        Object buildCache() {
            return verifier != null ? LightCache.build(octopusStage) : Straightforward.build(octopusStage);
        }
    }

    /** The baseline's algorithm and the same inputs. */
    @State(Scope.Thread)
    public static class KeccakRule {
        PowAlgorithm keccak;
        Inputs inputs;

        @Setup(Level.Trial)
        public void setUp() {
            keccak = PowAlgorithms.keccak();
            inputs = new Inputs();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean verify(Octopus octopus) {
        return octopus.verify();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Object buildCache(Octopus octopus) {
        return octopus.buildCache();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean keccakRule(KeccakRule state) {
        int i = state.inputs.next();
        return state.keccak.isValid(state.inputs.powHashes[i], 0, state.inputs.nonces[i],
                state.inputs.boundary);
    }

    /** Random jobs and 64-bit nonces from a fixed seed, cycled so that neither the JIT nor the predictor learns them. */
    static final class Inputs {
        final U256[] powHashes = new U256[INPUTS];
        final U256[] nonces = new U256[INPUTS];
        final U256 boundary = Difficulty.toBoundary(4);
        private int next;

        Inputs() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < INPUTS; i++) {
                powHashes[i] = U256.of(random.nextLong(), random.nextLong(), random.nextLong(),
                        random.nextLong());
                nonces[i] = U256.ofLong(random.nextLong());
            }
        }

        int next() {
            return next++ & (INPUTS - 1);
        }
    }

    /**
     * Octopus light verification written as plainly as the algorithm reads (steps 3 to 7), the yardstick for the
     * optimised code: the cache in a byte array, every Keccak through the general byte-array functions, one dataset
     * item after the other, new arrays everywhere. Sizes and seed come from {@link OctopusStage}.
     */
    static final class Straightforward {
        private static final int NODE = 64;
        private static final int MIX = 256;
        private static final long MOD = 1032193;
        private static final int N = 1024;
        private static final int WARP = 32;
        private static final int PER_THREAD = N / WARP;
        private static final int FNV_PRIME = 0x01000193;

        private final byte[] cache;
        private final int nodes;
        private final long pages;

        private Straightforward(byte[] cache, long datasetBytes) {
            this.cache = cache;
            this.nodes = cache.length / NODE;
            this.pages = datasetBytes / MIX;
        }

        static Straightforward build(OctopusStage stage) {
            int n = stage.cacheNodes();
            byte[] cache = new byte[n * NODE];
            System.arraycopy(Keccak512.hash(stage.seed()), 0, cache, 0, NODE);
            for (int i = 1; i < n; i++) {
                System.arraycopy(Keccak512.hash(node(cache, i - 1)), 0, cache, i * NODE, NODE);
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < n; i++) {
                    byte[] a = node(cache, (i - 1 + n) % n);
                    byte[] b = node(cache, (int) (Integer.toUnsignedLong(word(cache, i * NODE)) % n));
                    for (int j = 0; j < NODE; j++) {
                        a[j] ^= b[j];
                    }
                    System.arraycopy(Keccak512.hash(a), 0, cache, i * NODE, NODE);
                }
            }
            return new Straightforward(cache, stage.datasetBytes());
        }

        byte[] hash(byte[] powHash, long nonce) {
            long[] v = new long[4];
            ByteBuffer.wrap(powHash).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
            int[] res = new int[PER_THREAD];
            long result = polynomial(v, nonce, res);
            byte[] seed64 = Keccak512.hash(
                    ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).put(powHash).putLong(result)
                            .array());
            int[] mix = new int[64];
            for (int i = 0; i < 64; i++) {
                mix[i] = word(seed64, 4 * (i % 16));
            }
            for (int i = 0; i < 32; i++) {
                long idx = Integer.toUnsignedLong(fnv(word(seed64, 0) ^ i ^ res[i], mix[i % 64])) % pages;
                for (int m = 0; m < 4; m++) {
                    int[] item = item((int) (idx * 4 + m));
                    for (int j = 0; j < 16; j++) {
                        mix[m * 16 + j] = fnv(mix[m * 16 + j], item[j]);
                    }
                }
            }
            ByteBuffer last = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN).put(seed64);
            for (int i = 0; i < 8; i++) {
                int r1 = fnv(fnv(fnv(mix[4 * i], mix[4 * i + 1]), mix[4 * i + 2]), mix[4 * i + 3]);
                int k = 4 * (8 + i);
                int r2 = fnv(fnv(fnv(mix[k], mix[k + 1]), mix[k + 2]), mix[k + 3]);
                last.putInt(fnv(r1, r2));
            }
            return Keccak256.hash(last.array());
        }

        private int[] item(int k) {
            byte[] r = node(cache, (int) (Integer.toUnsignedLong(k) % nodes));
            putWord(r, 0, word(r, 0) ^ k);
            int[] w = words(Keccak512.hash(r));
            for (int i = 0; i < 256; i++) {
                int p = (int) (Integer.toUnsignedLong(fnv(k ^ i, w[i % 16])) % nodes);
                for (int j = 0; j < 16; j++) {
                    w[j] = fnv(w[j], word(cache, p * NODE + 4 * j));
                }
            }
            byte[] bytes = new byte[NODE];
            for (int j = 0; j < 16; j++) {
                putWord(bytes, 4 * j, w[j]);
            }
            return words(Keccak512.hash(bytes));
        }

        private static long polynomial(long[] v, long nonce, int[] res) {
            long a = remap(v[0]);
            long b = remap(v[1]);
            long w = remap(v[3]);
            long c;
            for (long h = v[2];; h++) {
                c = remap(h);
                if (b * b % MOD != 4 * a * c % MOD) {
                    break;
                }
            }
            long[] d = new long[N];
            long base = Long.divideUnsigned(nonce, WARP) * WARP;
            for (int i = 0; i < WARP; i++) {
                long[] s = {v[0], v[1], v[2], v[3]};
                long m = base + i;
                s[3] ^= m;
                sipRound(s);
                sipRound(s);
                s[0] ^= m;
                s[2] ^= 0xff;
                for (int r = 0; r < 4; r++) {
                    sipRound(s);
                }
                for (int j = 0; j < PER_THREAD; j++) {
                    sipRound(s);
                    d[j * WARP + i] = Integer.toUnsignedLong((int) (s[0] ^ s[1] ^ s[2] ^ s[3])) % MOD;
                }
            }
            long t = Long.remainderUnsigned(nonce, WARP);
            long wpow = power(w, t);
            long w2pow = power(w * w % MOD, t);
            long fullWpow = power(w, WARP);
            long fullW2pow = power(w * w % MOD, WARP);
            long result = 0;
            for (int i = 0; i < PER_THREAD; i++) {
                long x = (a * w2pow + b * wpow + c) % MOD;
                long pv = 0;
                for (int j = N - 1; j >= 0; j--) {
                    pv = (pv * x + d[j]) % MOD;
                }
                res[i] = (int) pv;
                result = result * FNV_PRIME ^ pv;
                wpow = wpow * fullWpow % MOD;
                w2pow = w2pow * fullW2pow % MOD;
            }
            return result;
        }

        private static long remap(long h) {
            long e = Long.remainderUnsigned(h, MOD - 2) + 1;
            long g;
            while ((g = gcd(e, MOD - 1)) != 1) {
                e /= g;
            }
            return power(11, e);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        private static long power(long base, long exponent) {
            long result = 1;
            long square = base % MOD;
            for (long e = exponent; e > 0; e >>= 1) {
                if ((e & 1) == 1) {
                    result = result * square % MOD;
                }
                square = square * square % MOD;
            }
            return result;
        }

        private static void sipRound(long[] v) {
            v[0] += v[1];
            v[2] += v[3];
            v[1] = Long.rotateLeft(v[1], 13);
            v[3] = Long.rotateLeft(v[3], 16);
            v[1] ^= v[0];
            v[3] ^= v[2];
            v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[1];
            v[0] += v[3];
            v[1] = Long.rotateLeft(v[1], 17);
            v[3] = Long.rotateLeft(v[3], 21);
            v[1] ^= v[2];
            v[3] ^= v[0];
            v[2] = Long.rotateLeft(v[2], 32);
        }

        private static int fnv(int x, int y) {
            return x * FNV_PRIME ^ y;
        }

        private static byte[] node(byte[] cache, int i) {
            byte[] node = new byte[NODE];
            System.arraycopy(cache, i * NODE, node, 0, NODE);
            return node;
        }

        private static int word(byte[] bytes, int offset) {
            return ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }

        private static void putWord(byte[] bytes, int offset, int value) {
            ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
        }

        private static int[] words(byte[] bytes) {
            int[] w = new int[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(w);
            return w;
        }
    }
}
