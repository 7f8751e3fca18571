package org.stratumlab.bench.pow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
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
import org.stratumlab.pow.NativeKeccak256;
import org.stratumlab.pow.keccak.Keccak256;

/**
 * Keccak-256 of 32 and 64 bytes, the two single-block inputs of the PoW check, as a general byte-array hash.
 * {@code jdk-sha3-256} is a yardstick only: the JDK's {@code SHA3-256} runs the same permutation but pads with
 * {@code 0x06}, so it is <em>not</em> a Conflux (Keccak-256) hash (docs/protocol.md §6). Every implementation writes into
 * a reused 32-byte buffer (Bouncy Castle and the JDK through their reusable digest objects).
 *
 * <p>Run: {@code ./stratumlab bench KeccakBenchmark}. Expect about one permutation each (a few hundred ns).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class KeccakBenchmark {
    private static final int INPUTS = 256;

    @Param({"bouncycastle", "scalar", "native", "jdk-sha3-256"})
    public String impl;

    private byte[][] inputs32;
    private byte[][] inputs64;
    private byte[] digest;
    private int next;
    private KeccakDigest bouncyCastle;
    private MessageDigest sha3;
    private KeccakFunction function;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        SplittableRandom random = new SplittableRandom(42);
        inputs32 = new byte[INPUTS][32];
        inputs64 = new byte[INPUTS][64];
        for (int i = 0; i < INPUTS; i++) {
            random.nextBytes(inputs32[i]);
            random.nextBytes(inputs64[i]);
        }
        digest = new byte[32];
        bouncyCastle = new KeccakDigest(256);
        sha3 = MessageDigest.getInstance("SHA3-256");
        if (impl.equals("native") && !NativeKeccak256.isAvailable()) {
            throw new IllegalStateException("native: " + org.stratumlab.pow.PowHashers.describe("native"));
        }
        function = function(impl);
    }

    @Benchmark
    public byte[] keccak32() {
        return hash(inputs32[next++ & (INPUTS - 1)]);
    }

    @Benchmark
    public byte[] keccak64() {
        return hash(inputs64[next++ & (INPUTS - 1)]);
    }

    private byte[] hash(byte[] input) {
        function.hash(input, digest);
        return digest;
    }

    /** One implementation, chosen once per trial: the call site sees one class, as a real caller's would. */
    @FunctionalInterface
    private interface KeccakFunction {
        void hash(byte[] input, byte[] digest);
    }

    private KeccakFunction function(String name) {
        return switch (name) {
            case "bouncycastle" -> (input, out) -> {
                bouncyCastle.update(input, 0, input.length);
                bouncyCastle.doFinal(out, 0);
            };
            case "scalar" -> (input, out) -> Keccak256.hash(input, 0, input.length, out, 0);
            case "native" -> (input, out) -> NativeKeccak256.hash(input, 0, input.length, out, 0);
            case "jdk-sha3-256" -> (input, out) -> {
                sha3.update(input);
                try {
                    sha3.digest(out, 0, out.length);
                } catch (java.security.DigestException e) {
                    throw new IllegalStateException(e);
                }
            };
            default -> throw new IllegalArgumentException("unknown impl " + name);
        };
    }
}
