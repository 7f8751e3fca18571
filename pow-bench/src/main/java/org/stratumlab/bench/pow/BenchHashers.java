package org.stratumlab.bench.pow;

import org.stratumlab.pow.PowHasher;
import org.stratumlab.pow.ScalarPowHasher;

/** The implementations a benchmark's {@code impl} parameter names. */
final class PowHashers {
    private PowHashers() {
    }

    static PowHasher byName(String impl) {
        return switch (impl) {
            case "scalar" -> new ScalarPowHasher();
            case "bouncycastle" -> new BouncyCastlePowHasher();
            default ->
                throw new IllegalArgumentException("unknown impl '" + impl + "': scalar, bouncycastle");
        };
    }
}
