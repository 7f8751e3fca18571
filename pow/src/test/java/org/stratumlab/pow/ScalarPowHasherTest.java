package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScalarPowHasherTest {
    @Test
    void matchesBouncyCastleOnTenThousandRandomProblemsAndNonces() {
        TestRandom random = new TestRandom();
        ScalarPowHasher scalar = new ScalarPowHasher();
        BouncyCastlePow reference = new BouncyCastlePow();
        for (int i = 0; i < 10_000; i++) {
            U256 problem = U256.fromBigEndian(random.bytes(32), 0);
            U256 nonce = random.u256();
            U256 expected = reference.hash(problem, nonce);
            String context = "problem " + problem.toPaddedHex() + " nonce " + nonce + "; "
                    + random.seedMessage();
            assertEquals(expected, scalar.hash(problem, nonce), context);
            U256 boundary = random.u256();
            assertEquals(PowRule.meetsBoundary(expected, nonce, boundary),
                    scalar.isValid(problem, nonce, boundary),
                    context + " boundary " + boundary);
        }
    }

    @Test
    void reusingTheInstanceLeavesNoStateBehind() {
        ScalarPowHasher scalar = new ScalarPowHasher();
        U256 problem = U256.parseHex("0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae");
        U256 first = scalar.hash(problem, U256.ofLong(1));
        scalar.hash(U256.MAX, U256.MAX);
        assertEquals(first, scalar.hash(problem, U256.ofLong(1)));
    }
}
