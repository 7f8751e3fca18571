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
import org.stratumlab.pow.PowHasher;
import org.stratumlab.pow.U256;

/**
 * One full PoW check (docs/protocol.md §6), as a validator does it per submit: two single-block Keccak-256 permutations,
 * the XOR, the nonce lower bound and the boundary comparison, per implementation ({@code bouncycastle} is the
 * baseline).
 *
 * <p>Run: {@code ./stratumlab bench PowCheckBenchmark}, or {@code java -jar pow-bench/target/benchmarks.jar
 * PowCheckBenchmark -t 2} for two threads. Expect a few hundred ns per check on a 2020s x86 core: {@code scalar}
 * and {@code native} (scalar C, one JNI call per check) close together, {@code bouncycastle} slower (it buffers
 * bytes and converts lanes both ways), {@code vector} slowest (it hashes a whole SIMD step for one nonce).
 *
 * <p>Inputs: 1024 random nonces from a fixed seed, cycled, so that neither the JIT can fold the input nor the
 * branch predictor learn the outcome (difficulty 4: a quarter pass).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class PowCheckBenchmark {
    private static final int NONCES = 1024;

    @Param({"bouncycastle", "scalar", "scalar-job", "vector", "native"})
    public String impl;

    private PowHasher hasher;
    private U256 problemHash;
    private U256 boundary;
    private U256[] nonces;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        hasher = BenchHashers.byName(impl);
        problemHash = U256.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        boundary = Difficulty.toBoundary(4);
        nonces = new U256[NONCES];
        for (int i = 0; i < NONCES; i++) {
            nonces[i] = U256.of(0, 0, random.nextLong(), random.nextLong());
        }
    }

    @Benchmark
    public boolean powCheck() {
        U256 nonce = nonces[next++ & (NONCES - 1)];
        return hasher.isValid(problemHash, nonce, boundary);
    }
}
