package org.stratumlab.bench.pow;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stratumlab.pow.PowHasher;
import org.stratumlab.pow.U256;

/**
 * Nonce scanning, a miner's inner loop: {@link PowHasher#scan} over a batch of {@value #BATCH} consecutive nonces
 * of one job, reported per nonce ({@code @OperationsPerInvocation}), so the score is ns per nonce per thread and
 * its inverse the hash rate. The batch is the unit of work because that is how the batch APIs are called (one
 * JNI call, whole SIMD steps). The boundary is 1, so no nonce passes and every batch is scanned to its end.
 *
 * <p>Run: {@code ./stratumlab bench ScanNoncesBenchmark} (1 and 2 threads), or {@code java -jar
 * pow-bench/target/benchmarks.jar ScanNoncesBenchmark -t 2}. Expect {@code native} (AVX-512, 8 nonces per step)
 * and {@code vector} several times faster per nonce than {@code scalar}; {@code scalar-job} a little faster than
 * {@code scalar}. Each invocation continues where the last stopped, so no batch repeats.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScanNoncesBenchmark {
    static final int BATCH = 512;

    @Param({"bouncycastle", "scalar", "scalar-job", "vector", "native"})
    public String impl;

    private PowHasher hasher;
    private U256 problemHash;
    private U256 boundary;
    private U256 start;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        hasher = BenchHashers.byName(impl);
        problemHash = U256.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        boundary = U256.ofLong(1);
        start = U256.of(0, 0, random.nextLong(), random.nextLong() >>> 1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scanNonces() {
        long found = hasher.scan(problemHash, boundary, start, BATCH);
        start = start.add(BATCH);
        return found;
    }
}
