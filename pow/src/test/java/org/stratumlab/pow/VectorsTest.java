package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stratumlab.pow.keccak.Keccak256;

/** Every case of the shared vectors, through every implementation. */
class VectorsTest {
    private static final List<PowHasher> HASHERS = java.util.stream.Stream
            .concat(PowHashers.available().stream().map(PowHashers::create), java.util.stream.Stream.of(
                    new BouncyCastlePow()))
            .toList();

    @TestFactory
    List<DynamicTest> keccak256Vectors() {
        return Vectors.keccak().stream().map(c -> DynamicTest.dynamicTest(c.input().length + " bytes",
                () -> assertEquals(c.digestHex(), HexFormat.of().formatHex(Keccak256.hash(c.input())))))
                .toList();
    }

    @TestFactory
    List<DynamicTest> boundaryVectors() {
        return Vectors.boundaries().stream()
                .map(c -> DynamicTest.dynamicTest("difficulty " + c.difficulty(), () -> {
                    U256 boundary = Difficulty.toBoundary(new BigInteger(c.difficulty()));
                    assertEquals(c.boundary(), boundary.toMinimalHex());
                    assertEquals(boundary, U256.parseHex(c.boundary()));
                })).toList();
    }

    @TestFactory
    List<DynamicTest> powVectors() {
        return Vectors.pow().stream().flatMap(c -> HASHERS.stream().map(hasher -> DynamicTest.dynamicTest(
                hasher.name() + " " + c.powHash().substring(0, 10) + " nonce " + c.nonce(), () -> {
                    U256 problem = U256.parseHex(c.powHash());
                    U256 nonce = U256.parseHex(c.nonce());
                    assertEquals("0x" + c.hash(), hasher.hash(problem, nonce).toPaddedHex());
                    assertEquals(c.lowerBound(), PowRule.lowerBound(nonce).toMinimalHex());
                    c.validByDifficulty().forEach((difficulty, valid) -> assertEquals(valid,
                            hasher.isValid(problem, nonce, Difficulty.toBoundary(new BigInteger(difficulty))),
                            "difficulty " + difficulty));
                }))).toList();
    }
}
