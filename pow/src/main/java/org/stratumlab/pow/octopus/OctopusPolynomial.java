package org.stratumlab.pow.octopus;

/**
 * Octopus step 5, the polynomial part: 1024 coefficients from SipHash-2-4 keyed by the pow_hash, evaluated by
 * Horner's rule modulo the prime 1032193 at 32 points that depend on the pow_hash and the nonce. The 32 values
 * steer the dataset accesses (step 6) and their FNV-64 fold goes into the mix seed.
 *
 * <p>Not thread-safe: it keeps the coefficients and the 32 values in reused arrays (one per verifier).
 */
final class OctopusPolynomial {
    static final long MOD = 1032193;
    static final long BASE = 11;
    static final int COEFFICIENTS = 1024;
    static final int WARP = 32;
    static final int PER_THREAD = COEFFICIENTS / WARP;
    static final long FNV_PRIME = 0x01000193L;

    private final int[] coefficients = new int[COEFFICIENTS];
    private final int[] results = new int[PER_THREAD];

    /** @return the 32 values of the last {@link #evaluate}, each below {@link #MOD} */
    int[] results() {
        return results;
    }

    /**
     * Evaluates the polynomial for one nonce.
     *
     * @return the FNV-64 fold of the 32 values, starting from 0
     */
    long evaluate(long v0, long v1, long v2, long v3, long nonce) {
        long a = remap(v0);
        long b = remap(v1);
        long w = remap(v3);
        long c = nonDegenerateC(a, b, v2);
        fillCoefficients(v0, v1, v2, v3, nonce & -WARP);
        int t = (int) (nonce & (WARP - 1));
        long w2 = w * w % MOD;
        long wPow = power(w, t);
        long w2Pow = power(w2, t);
        long fullWPow = power(w, WARP);
        long fullW2Pow = power(w2, WARP);
        long result = 0;
        for (int i = 0; i < PER_THREAD; i++) {
            long x = (a * w2Pow + b * wPow + c) % MOD;
            int value = horner(x);
            results[i] = value;
            result = result * FNV_PRIME ^ value;
            wPow = wPow * fullWPow % MOD;
            w2Pow = w2Pow * fullW2Pow % MOD;
        }
        return result;
    }

    /** The first {@code c = remap(v2 + k)}, k = 0, 1, ..., for which {@code b^2 != 4ac} (mod MOD). */
    private static long nonDegenerateC(long a, long b, long v2) {
        long bSquared = b * b % MOD;
        for (long h = v2;; h++) {
            long c = remap(h);
            if (bSquared != 4 * a % MOD * c % MOD) {
                return c;
            }
        }
    }

    /** {@code e = h mod (MOD - 2) + 1} (h unsigned), stripped of common factors with MOD - 1, then {@code 11^e}. */
    static long remap(long h) {
        long e = Long.remainderUnsigned(h, MOD - 2) + 1;
        for (long g = gcd(e, MOD - 1); g != 1; g = gcd(e, MOD - 1)) {
            e /= g;
        }
        return power(BASE, e);
    }

    static long power(long base, long exponent) {
        long result = 1;
        long square = base % MOD;
        for (long e = exponent; e > 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result = result * square % MOD;
            }
            square = square * square % MOD;
        }
        return result;
    }

    private static long gcd(long x, long y) {
        long a = x;
        long b = y;
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** {@code sum d[j] x^j mod MOD}, from {@code d[1023]} down: every step stays below 2^41, no overflow. */
    private int horner(long x) {
        int[] d = coefficients;
        long value = 0;
        for (int j = COEFFICIENTS - 1; j >= 0; j--) {
            value = (value * x + d[j]) % MOD;
        }
        return (int) value;
    }

    /**
     * SipHash-2-4 keyed by the pow_hash words as the initial state: lane {@code i} hashes {@code base + i} and then
     * squeezes one word per further round, coefficient {@code j * 32 + i} (the GPU warp layout of the miner).
     */
    private void fillCoefficients(long k0, long k1, long k2, long k3, long base) {
        int[] d = coefficients;
        for (int lane = 0; lane < WARP; lane++) {
            long m = base + lane;
            long s0 = k0;
            long s1 = k1;
            long s2 = k2;
            long s3 = k3 ^ m;
            // Two compression rounds, then four finalisation rounds, each written out (a round updates 4 words).
            for (int r = 0; r < 2 + 4; r++) {
                if (r == 2) {
                    s0 ^= m;
                    s2 ^= 0xFF;
                }
                s0 += s1;
                s2 += s3;
                s1 = Long.rotateLeft(s1, 13);
                s3 = Long.rotateLeft(s3, 16);
                s1 ^= s0;
                s3 ^= s2;
                s0 = Long.rotateLeft(s0, 32);
                s2 += s1;
                s0 += s3;
                s1 = Long.rotateLeft(s1, 17);
                s3 = Long.rotateLeft(s3, 21);
                s1 ^= s2;
                s3 ^= s0;
                s2 = Long.rotateLeft(s2, 32);
            }
            for (int j = 0; j < PER_THREAD; j++) {
                s0 += s1;
                s2 += s3;
                s1 = Long.rotateLeft(s1, 13);
                s3 = Long.rotateLeft(s3, 16);
                s1 ^= s0;
                s3 ^= s2;
                s0 = Long.rotateLeft(s0, 32);
                s2 += s1;
                s0 += s3;
                s1 = Long.rotateLeft(s1, 17);
                s3 = Long.rotateLeft(s3, 21);
                s1 ^= s2;
                s3 ^= s0;
                s2 = Long.rotateLeft(s2, 32);
                d[j * WARP + lane] = (int) (((s0 ^ s1 ^ s2 ^ s3) & 0xFFFF_FFFFL) % MOD);
            }
        }
    }
}
