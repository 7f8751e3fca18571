package org.stratumlab.bench.pow;

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
import org.stratumlab.pow.octopus.LightCache;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.pow.octopus.OctopusVerifier;
import org.stratumlab.pow.octopus.ReferenceOctopus;

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
        ReferenceOctopus reference;
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
                case "reference" -> reference = ReferenceOctopus.build(stage);
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
            return verifier != null ? LightCache.build(octopusStage) : ReferenceOctopus.build(stage);
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
}
