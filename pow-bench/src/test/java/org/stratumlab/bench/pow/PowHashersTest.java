package org.stratumlab.bench.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.PowHasher;
import org.stratumlab.pow.PowHashers;
import org.stratumlab.pow.U256;

/** A benchmark of a wrong hash measures nothing: every benchmarked implementation agrees with the vectors. */
class PowHashersTest {
    private static final U256 PROBLEM = U256
            .parseHex("0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae");

    @Test
    void bouncyCastleBaselineMatchesTheVectorAndEveryAvailableImplementation() {
        PowHasher bc = BenchHashers.byName("bouncycastle");
        assertEquals("0x23b84db68a2dbff05fa293a2e34cb6efef30e17a6d31446dd0174f919e3bb402",
                bc.hash(PROBLEM, U256.ofLong(1)).toPaddedHex());
        for (String name : PowHashers.available()) {
            PowHasher other = BenchHashers.byName(name);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 2_000; i++) {
                U256 nonce = U256.of(random.nextLong(), random.nextLong(), random.nextLong(),
                        random.nextLong());
                U256 boundary = U256.of(random.nextLong() >>> 1, random.nextLong(), 0, 0);
                assertEquals(bc.hash(PROBLEM, nonce), other.hash(PROBLEM, nonce), name + " nonce " + nonce);
                assertEquals(bc.isValid(PROBLEM, nonce, boundary), other.isValid(PROBLEM, nonce, boundary),
                        name);
            }
            U256 start = U256.of(0, 0, 5, -300);
            U256 boundary = org.stratumlab.pow.Difficulty.toBoundary(50);
            assertEquals(bc.scan(PROBLEM, boundary, start, 2_000),
                    other.scan(PROBLEM, boundary, start, 2_000), name);
        }
    }

    @Test
    void everyBenchmarkedNameIsKnown() {
        for (String name : BenchHashers.NAMES) {
            if (!name.equals("bouncycastle")) {
                assertEquals(true, PowHashers.NAMES.contains(name), name);
            }
        }
    }
}
