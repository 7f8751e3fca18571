package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation of {@link PowHashers} against the Bouncy Castle oracle: the hash, the check and the scan,
 * including nonces whose low word wraps during a scan and scans that end inside a SIMD step.
 */
class PowHashersTest {
    private final BouncyCastlePow reference = new BouncyCastlePow();

    static List<String> available() {
        return PowHashers.available();
    }

    @ParameterizedTest
    @MethodSource("available")
    void hashAndCheckMatchBouncyCastleOnTwoThousandRandomProblemsAndNonces(String name) {
        TestRandom random = new TestRandom();
        PowHasher hasher = PowHashers.create(name);
        assertEquals(name, hasher.name());
        for (int i = 0; i < 2_000; i++) {
            U256 problem = U256.fromBigEndian(random.bytes(32), 0);
            U256 nonce = random.u256();
            U256 boundary = random.u256();
            U256 expected = reference.hash(problem, nonce);
            String context = name + " problem " + problem.toPaddedHex() + " nonce " + nonce + "; "
                    + random.seedMessage();
            assertEquals(expected, hasher.hash(problem, nonce), context);
            assertEquals(PowRule.meetsBoundary(expected, nonce, boundary),
                    hasher.isValid(problem, nonce, boundary),
                    context + " boundary " + boundary);
        }
    }

    @ParameterizedTest
    @MethodSource("available")
    void scanFindsTheFirstValidNonceAsTheOracleDoes(String name) {
        TestRandom random = new TestRandom();
        PowHasher hasher = PowHashers.create(name);
        for (int i = 0; i < 300; i++) {
            U256 problem = U256.fromBigEndian(random.bytes(32), 0);
            // Random starts, often just below a word boundary so that the scan carries into the next word.
            U256 start = random.nextInt(3) == 0
                    ? U256.of(random.u256().w3(), random.u256().w2(), -1L,
                            -1L - random.nextInt(12))
                    : random.u256();
            U256 boundary = Difficulty.toBoundary(1 + random.nextInt(40));
            int count = 1 + random.nextInt(60);
            String context = name + " problem " + problem.toPaddedHex() + " start " + start + " count "
                    + count
                    + " boundary " + boundary + "; " + random.seedMessage();
            assertEquals(referenceScan(problem, boundary, start, count),
                    hasher.scan(problem, boundary, start, count),
                    context);
        }
    }

    @ParameterizedTest
    @MethodSource("available")
    void scanThatEndsJustBeforeTheValidNonceFindsNothing(String name) {
        TestRandom random = new TestRandom();
        PowHasher hasher = PowHashers.create(name);
        U256 boundary = Difficulty.toBoundary(64);
        for (int i = 0; i < 50; i++) {
            U256 problem = U256.fromBigEndian(random.bytes(32), 0);
            U256 start = U256.of(0, 0, 0, random.nextInt(1 << 20));
            long first = referenceScan(problem, boundary, start, 2_000);
            if (first <= 0) {
                continue;
            }
            String context = name + " problem " + problem.toPaddedHex() + " start " + start + "; "
                    + random.seedMessage();
            assertEquals(-1, hasher.scan(problem, boundary, start, first), context);
            assertEquals(first, hasher.scan(problem, boundary, start, first + 1), context);
        }
    }

    @ParameterizedTest
    @MethodSource("available")
    void difficultyOneAcceptsTheFirstNonceAndAnImpossibleBoundaryNone(String name) {
        PowHasher hasher = PowHashers.create(name);
        U256 problem = U256.parseHex("0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae");
        assertEquals(0, hasher.scan(problem, U256.MAX, U256.MAX, 5));
        assertEquals(-1, hasher.scan(problem, U256.ZERO, U256.of(1, 2, 3, -2), 100));
        assertThrows(IllegalArgumentException.class, () -> hasher.scan(problem, U256.MAX, U256.ZERO, 0));
    }

    @Test
    void scalarJobKeepsNoStaleJobConstants() {
        TestRandom random = new TestRandom();
        PowHasher hasher = PowHashers.create("scalar-job");
        for (int i = 0; i < 500; i++) {
            // Alternate between two jobs and vary the upper nonce words, which the job constants depend on.
            U256 problem = U256.fromBigEndian(random.bytes(32), 0);
            U256 nonce = random.u256();
            assertEquals(reference.hash(problem, nonce), hasher.hash(problem, nonce), random.seedMessage());
            U256 other = nonce.add(1);
            assertEquals(reference.hash(problem, other), hasher.hash(problem, other), random.seedMessage());
        }
    }

    @Test
    void nativeIsBuiltWheneverTheBuildHadACompiler() {
        String status = NativePow.buildStatus();
        assertFalse(status.startsWith("failed"), "the native build failed: " + status);
        if (status.equals("built") && System.getProperty("os.arch").equals("amd64")) {
            assertEquals(List.of(), PowHashers.unavailableReason("native").stream().toList());
        }
    }

    @Test
    void nativeKeccakMatchesTheJavaOneOnEveryLengthUpToThreeBlocks() {
        if (!NativeKeccak256.isAvailable()) {
            return; // covered by nativeIsBuiltWheneverTheBuildHadACompiler
        }
        TestRandom random = new TestRandom();
        for (int length = 0; length <= 3 * 136 + 1; length++) {
            byte[] input = random.bytes(length + 3);
            byte[] digest = new byte[40];
            NativeKeccak256.hash(input, 3, length, digest, 5);
            byte[] expected = new byte[40];
            org.stratumlab.pow.keccak.Keccak256.hash(input, 3, length, expected, 5);
            assertEquals(java.util.HexFormat.of().formatHex(expected),
                    java.util.HexFormat.of().formatHex(digest),
                    "length " + length + "; " + random.seedMessage());
        }
    }

    @Test
    void unknownNamesAndUnavailableImplementationsAreExplained() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PowHashers.create("gpu"));
        assertEquals("unknown PoW implementation 'gpu': one of scalar, scalar-job, vector, native",
                unknown.getMessage());
        for (String name : PowHashers.NAMES) {
            PowHashers.unavailableReason(name).ifPresent(reason -> assertTrue(
                    PowHashers.describe(name).contains(reason), PowHashers.describe(name)));
        }
    }

    @Test
    void fastestIsAvailableAndNamesItself() {
        PowHasher fastest = PowHashers.fastest();
        assertTrue(PowHashers.available().contains(fastest.name()), fastest.name());
        NonceGrinder grinder = NonceGrinder.fastest();
        assertEquals(fastest.name(), grinder.implementationName());
    }

    private long referenceScan(U256 problem, U256 boundary, U256 start, long count) {
        for (long offset = 0; offset < count; offset++) {
            if (reference.isValid(problem, start.add(offset), boundary)) {
                return offset;
            }
        }
        return -1;
    }
}
