package org.stratumlab.bench.pow;

import java.util.List;
import org.stratumlab.pow.PowHasher;
import org.stratumlab.pow.PowHashers;

/**
 * The implementations a benchmark's {@code impl} parameter names: {@code bouncycastle}, the baseline kept here so
 * that {@code pow} needs no Bouncy Castle, and those of {@link PowHashers}. An implementation that cannot run in
 * the benchmark's JVM fails its trial with the reason (e.g. {@code vector} without
 * {@code --add-modules jdk.incubator.vector}).
 */
final class BenchHashers {
    /** Every PoW implementation, baseline first: the values of the benchmarks' {@code impl} parameter. */
    static final List<String> NAMES = List.of("bouncycastle", "scalar", "scalar-job", "vector", "native");

    private BenchHashers() {
    }

    static PowHasher byName(String impl) {
        return impl.equals("bouncycastle") ? new BouncyCastlePowHasher() : PowHashers.create(impl);
    }
}
