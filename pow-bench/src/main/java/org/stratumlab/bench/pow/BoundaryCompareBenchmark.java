package org.stratumlab.bench.pow;

import java.math.BigInteger;
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
import org.stratumlab.pow.PowRule;
import org.stratumlab.pow.U256;

/**
 * The boundary rule of docs/protocol.md §6 alone, {@code (H - lb) mod 2^256 < boundary}, three ways: {@code biginteger}
 * (the spec's formula with {@link BigInteger}, from the digest's bytes: the baseline), {@code four-longs} ({@link
 * PowRule#meetsBoundary(long, long, long, long, long, long, U256)}, what the hashers use) and {@code byte-wise}
 * (subtract and compare over the 32 big-endian bytes). The nonces have bits above 128, so lb is never 0.
 *
 * <p>{@code case}: {@code below} ({@code H - lb} about half the boundary: decided in the first word that
 * differs), {@code near} (just below the boundary: equal down to the lowest word) and {@code above} (a typical
 * hash, far above: decided in the top word). The boundary is the mainnet pair of docs/protocol.md §6.
 *
 * <p>Run: {@code ./stratumlab bench BoundaryCompareBenchmark}. Expect a few ns for {@code four-longs} and tens to
 * a hundred for {@code biginteger} (it allocates several BigIntegers per check).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class BoundaryCompareBenchmark {
    private static final int INPUTS = 256;
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger LOWER_BOUND_MASK = BigInteger.ONE.shiftLeft(255)
            .subtract(BigInteger.ONE.shiftLeft(128));

    @Param({"biginteger", "four-longs", "byte-wise"})
    public String impl;

    @Param({"below", "near", "above"})
    public String position;

    private U256 boundary;
    private BigInteger boundaryBig;
    private byte[] boundaryBytes;
    private U256[] hashes;
    private U256[] nonces;
    private byte[][] hashBytes;
    private byte[][] nonceBytes;
    private BigInteger[] nonceBigs;
    private byte[] difference;
    private int next;
    private int kind; // impl as an int: a String switch would cost more than four-longs itself

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        boundary = Difficulty.toBoundary(1154431941698L);
        boundaryBig = boundary.toBigInteger();
        boundaryBytes = boundary.toBigEndian();
        hashes = new U256[INPUTS];
        nonces = new U256[INPUTS];
        hashBytes = new byte[INPUTS][];
        nonceBytes = new byte[INPUTS][];
        nonceBigs = new BigInteger[INPUTS];
        difference = new byte[32];
        kind = java.util.List.of("biginteger", "four-longs", "byte-wise").indexOf(impl);
        for (int i = 0; i < INPUTS; i++) {
            U256 nonce = U256.of(random.nextLong(), random.nextLong() | 1, random.nextLong(),
                    random.nextLong());
            U256 relative = switch (position) {
                case "below" ->
                    U256.of(boundaryBig.shiftRight(1).add(BigInteger.valueOf(random.nextLong(1 << 30))));
                case "near" -> boundary.subtract(U256.ofLong(1 + random.nextLong(1 << 20)));
                case "above" ->
                    U256.of(random.nextLong() | Long.MIN_VALUE, random.nextLong(), random.nextLong(),
                            random.nextLong());
                default -> throw new IllegalArgumentException("position " + position);
            };
            U256 hash = relative.subtract(U256.ZERO.subtract(PowRule.lowerBound(nonce))); // relative + lb
            boolean expected = !position.equals("above");
            if (PowRule.meetsBoundary(hash, nonce, boundary) != expected) {
                throw new AssertionError("case " + position + " built wrong at " + i);
            }
            hashes[i] = hash;
            nonces[i] = nonce;
            hashBytes[i] = hash.toBigEndian();
            nonceBytes[i] = nonce.toBigEndian();
            nonceBigs[i] = nonce.toBigInteger();
        }
    }

    @Benchmark
    public boolean boundaryCompare() {
        int i = next++ & (INPUTS - 1);
        return switch (kind) {
            case 0 -> bigInteger(i);
            case 1 -> fourLongs(i);
            default -> byteWise(i);
        };
    }

    private boolean bigInteger(int i) {
        BigInteger lowerBound = nonceBigs[i].and(LOWER_BOUND_MASK);
        return new BigInteger(1, hashBytes[i]).subtract(lowerBound).mod(TWO_POW_256)
                .compareTo(boundaryBig) < 0;
    }

    private boolean fourLongs(int i) {
        U256 hash = hashes[i];
        U256 nonce = nonces[i];
        return PowRule.meetsBoundary(hash.w3(), hash.w2(), hash.w1(), hash.w0(), nonce.w3(), nonce.w2(),
                boundary);
    }

    /** Big-endian bytes: subtract lb (bytes 1..15 of the nonce, byte 0 without its top bit) with borrow, compare. */
    private boolean byteWise(int i) {
        byte[] hash = hashBytes[i];
        byte[] nonce = nonceBytes[i];
        byte[] r = difference;
        int borrow = 0;
        for (int b = 31; b >= 0; b--) {
            int lb = b >= 16 ? 0 : (nonce[b] & (b == 0 ? 0x7f : 0xff));
            int d = (hash[b] & 0xff) - lb - borrow;
            borrow = d < 0 ? 1 : 0;
            r[b] = (byte) d;
        }
        for (int b = 0; b < 32; b++) {
            int x = r[b] & 0xff;
            int y = boundaryBytes[b] & 0xff;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }
}
