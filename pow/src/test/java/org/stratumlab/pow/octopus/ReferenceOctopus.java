package org.stratumlab.pow.octopus;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.pow.keccak.Keccak512;

/**
 * Octopus light verification written as plainly as the algorithm reads, step by step, for differential tests of the
 * optimised code: byte arrays, the general Keccak functions, one dataset item after the other, sizes from
 * {@link BigInteger#isProbablePrime}. Slow (several times the optimised code) and allocating; never for production.
 */
public final class ReferenceOctopus {
    static final int NODE = 64;
    static final int MIX = 256;
    static final long MOD = 1032193;
    static final int N = 1024;
    static final int WARP = 32;
    static final int PER_THREAD = N / WARP;
    static final int FNV_PRIME = 0x01000193;

    /** The cache: node {@code i} is bytes {@code 64 i .. 64 i + 63}. */
    final byte[] cache;
    final int nodes;
    final long datasetBytes;

    private ReferenceOctopus(byte[] cache, long datasetBytes) {
        this.cache = cache;
        this.nodes = cache.length / NODE;
        this.datasetBytes = datasetBytes;
    }

    static long cacheBytes(long stage) {
        long size = (1L << 24) + (1L << 16) * stage - NODE;
        while (!BigInteger.valueOf(size / NODE).isProbablePrime(64)) {
            size -= 2 * NODE;
        }
        return size;
    }

    static long datasetBytes(long stage) {
        long size = (1L << 32) + (1L << 24) * stage - MIX;
        while (!BigInteger.valueOf(size / MIX).isProbablePrime(64)) {
            size -= 2 * MIX;
        }
        return size;
    }

    static byte[] seed(long stage) {
        byte[] seed = new byte[32];
        for (long i = 0; i < stage; i++) {
            seed = Keccak256.hash(seed);
        }
        return seed;
    }

    /**
     * @param stage the stage number
     * @return its cache, built the plain way
     */
    public static ReferenceOctopus build(long stage) {
        int n = (int) (cacheBytes(stage) / NODE);
        byte[] cache = new byte[n * NODE];
        System.arraycopy(Keccak512.hash(seed(stage)), 0, cache, 0, NODE);
        for (int i = 1; i < n; i++) {
            System.arraycopy(Keccak512.hash(node(cache, i - 1)), 0, cache, i * NODE, NODE);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < n; i++) {
                byte[] a = node(cache, (i - 1 + n) % n);
                byte[] b = node(cache, (int) (Integer.toUnsignedLong(word(cache, i * NODE)) % n));
                byte[] x = new byte[NODE];
                for (int j = 0; j < NODE; j++) {
                    x[j] = (byte) (a[j] ^ b[j]);
                }
                System.arraycopy(Keccak512.hash(x), 0, cache, i * NODE, NODE);
            }
        }
        return new ReferenceOctopus(cache, datasetBytes(stage));
    }

    /** The Octopus hash as 32 bytes, in the order a Keccak digest is printed. */
    /**
     * @param powHash the problem hash, 32 bytes big-endian
     * @param nonce the nonce's low 64 bits
     * @return the Octopus hash, 32 bytes big-endian
     */
    public byte[] hash(byte[] powHash, long nonce) {
        long[] v = new long[4];
        ByteBuffer.wrap(powHash).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
        int[] res = new int[PER_THREAD];
        long result = polynomial(v, nonce, res);
        byte[] seedInput = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).put(powHash).putLong(result)
                .array();
        byte[] seed64 = Keccak512.hash(seedInput);
        int[] mix = new int[64];
        for (int i = 0; i < 64; i++) {
            mix[i] = word(seed64, 4 * (i % 16));
        }
        long pages = datasetBytes / MIX;
        for (int i = 0; i < 32; i++) {
            long idx = Integer.toUnsignedLong(fnv(word(seed64, 0) ^ i ^ res[i], mix[i % 64])) % pages;
            for (int m = 0; m < 4; m++) {
                int[] item = item((int) (idx * 4 + m));
                for (int j = 0; j < 16; j++) {
                    mix[m * 16 + j] = fnv(mix[m * 16 + j], item[j]);
                }
            }
        }
        ByteBuffer last = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN).put(seed64);
        for (int i = 0; i < 8; i++) {
            int r1 = fnv(fnv(fnv(mix[4 * i], mix[4 * i + 1]), mix[4 * i + 2]), mix[4 * i + 3]);
            int k = 4 * (8 + i);
            int r2 = fnv(fnv(fnv(mix[k], mix[k + 1]), mix[k + 2]), mix[k + 3]);
            last.putInt(fnv(r1, r2));
        }
        return Keccak256.hash(last.array());
    }

    /** One dataset item, as 16 words. */
    int[] item(int k) {
        byte[] r = node(cache, (int) (Integer.toUnsignedLong(k) % nodes));
        putWord(r, 0, word(r, 0) ^ k);
        int[] w = words(Keccak512.hash(r));
        for (int i = 0; i < 256; i++) {
            int p = (int) (Integer.toUnsignedLong(fnv(k ^ i, w[i % 16])) % nodes);
            for (int j = 0; j < 16; j++) {
                w[j] = fnv(w[j], word(cache, p * NODE + 4 * j));
            }
        }
        byte[] bytes = new byte[NODE];
        for (int j = 0; j < 16; j++) {
            putWord(bytes, 4 * j, w[j]);
        }
        return words(Keccak512.hash(bytes));
    }

    static long polynomial(long[] v, long nonce, int[] res) {
        long a = remap(v[0]);
        long b = remap(v[1]);
        long w = remap(v[3]);
        long c;
        for (long h = v[2];; h++) {
            c = remap(h);
            if (b * b % MOD != 4 * a * c % MOD) {
                break;
            }
        }
        long[] d = new long[N];
        long base = Long.divideUnsigned(nonce, WARP) * WARP;
        for (int i = 0; i < WARP; i++) {
            long[] s = {v[0], v[1], v[2], v[3]};
            long m = base + i;
            s[3] ^= m;
            sipRound(s);
            sipRound(s);
            s[0] ^= m;
            s[2] ^= 0xff;
            for (int r = 0; r < 4; r++) {
                sipRound(s);
            }
            for (int j = 0; j < PER_THREAD; j++) {
                sipRound(s);
                d[j * WARP + i] = Integer.toUnsignedLong((int) (s[0] ^ s[1] ^ s[2] ^ s[3])) % MOD;
            }
        }
        long t = Long.remainderUnsigned(nonce, WARP);
        BigInteger bigMod = BigInteger.valueOf(MOD);
        long wpow = BigInteger.valueOf(w).modPow(BigInteger.valueOf(t), bigMod).longValue();
        long w2pow = BigInteger.valueOf(w * w % MOD).modPow(BigInteger.valueOf(t), bigMod).longValue();
        long fullWpow = BigInteger.valueOf(w).modPow(BigInteger.valueOf(WARP), bigMod).longValue();
        long fullW2pow = BigInteger.valueOf(w * w % MOD).modPow(BigInteger.valueOf(WARP), bigMod).longValue();
        long result = 0;
        for (int i = 0; i < PER_THREAD; i++) {
            long x = (a * w2pow + b * wpow + c) % MOD;
            long pv = 0;
            for (int j = N - 1; j >= 0; j--) {
                pv = (pv * x + d[j]) % MOD;
            }
            res[i] = (int) pv;
            result = result * FNV_PRIME ^ pv;
            wpow = wpow * fullWpow % MOD;
            w2pow = w2pow * fullW2pow % MOD;
        }
        return result;
    }

    static long remap(long h) {
        long e = Long.remainderUnsigned(h, MOD - 2) + 1;
        long g;
        while ((g = BigInteger.valueOf(e).gcd(BigInteger.valueOf(MOD - 1)).longValue()) != 1) {
            e /= g;
        }
        return BigInteger.valueOf(11).modPow(BigInteger.valueOf(e), BigInteger.valueOf(MOD)).longValue();
    }

    static void sipRound(long[] v) {
        v[0] += v[1];
        v[2] += v[3];
        v[1] = Long.rotateLeft(v[1], 13);
        v[3] = Long.rotateLeft(v[3], 16);
        v[1] ^= v[0];
        v[3] ^= v[2];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[1];
        v[0] += v[3];
        v[1] = Long.rotateLeft(v[1], 17);
        v[3] = Long.rotateLeft(v[3], 21);
        v[1] ^= v[2];
        v[3] ^= v[0];
        v[2] = Long.rotateLeft(v[2], 32);
    }

    static int fnv(int x, int y) {
        return x * FNV_PRIME ^ y;
    }

    static byte[] node(byte[] cache, int i) {
        byte[] node = new byte[NODE];
        System.arraycopy(cache, i * NODE, node, 0, NODE);
        return node;
    }

    static int word(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    static void putWord(byte[] bytes, int offset, int value) {
        ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
    }

    static int[] words(byte[] bytes) {
        int[] w = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(w);
        return w;
    }
}
