package org.stratumlab.pow;

/**
 * {@code native}: the PoW hash in C through JNI ({@link NativePow}). {@link #isValid} and {@link #hash} run the
 * scalar C code, one JNI call per nonce; {@link #scan} makes one JNI call per chunk and scans it with the widest
 * path the CPU has (AVX-512 8 nonces at once, AVX2 4, else scalar), so the call overhead disappears.
 *
 * <p>Keeps a scratch array: one instance per thread.
 */
final class NativePowHasher implements PowHasher {
    /** JNI calls per scan are bounded so that a huge count still returns to Java now and then. */
    private static final long MAX_NONCES_PER_CALL = 1 << 20;

    private final long[] digestLanes = new long[4];
    private final int width;

    /**
     * @param width 0 for the widest path this CPU runs, else 1 (scalar C), 4 (AVX2) or 8 (AVX-512)
     * @throws IllegalStateException if the library is not loaded or the CPU lacks the path
     */
    NativePowHasher(int width) {
        if (!NativePow.isLoaded()) {
            throw new IllegalStateException(NativePow.unavailableReason());
        }
        int widest = NativePow.widestPath();
        if (width > widest) {
            throw new IllegalStateException(
                    "this CPU runs at most " + widest + " nonces at once, not " + width);
        }
        this.width = width == 0 ? widest : width;
    }

    @Override
    public String name() {
        return "native";
    }

    /** @return nonces hashed at once by {@link #scan}: 8 (AVX-512), 4 (AVX2) or 1 */
    int width() {
        return width;
    }

    @Override
    public U256 hash(U256 problemHash, U256 nonce) {
        long[] lanes = digestLanes;
        NativePow.hash(Long.reverseBytes(problemHash.w3()), Long.reverseBytes(problemHash.w2()),
                Long.reverseBytes(problemHash.w1()), Long.reverseBytes(problemHash.w0()), nonce.w3(),
                nonce.w2(),
                nonce.w1(), nonce.w0(), lanes);
        return U256.of(Long.reverseBytes(lanes[0]), Long.reverseBytes(lanes[1]), Long.reverseBytes(lanes[2]),
                Long.reverseBytes(lanes[3]));
    }

    @Override
    public boolean isValid(U256 problemHash, U256 nonce, U256 boundary) {
        return NativePow.isValid(Long.reverseBytes(problemHash.w3()), Long.reverseBytes(problemHash.w2()),
                Long.reverseBytes(problemHash.w1()), Long.reverseBytes(problemHash.w0()), nonce.w3(),
                nonce.w2(),
                nonce.w1(), nonce.w0(), boundary.w3(), boundary.w2(), boundary.w1(), boundary.w0());
    }

    @Override
    public long scan(U256 problemHash, U256 boundary, U256 start, long count) {
        long p0 = Long.reverseBytes(problemHash.w3());
        long p1 = Long.reverseBytes(problemHash.w2());
        long p2 = Long.reverseBytes(problemHash.w1());
        long p3 = Long.reverseBytes(problemHash.w0());
        return NonceChunks.scan(start, count, (n3, n2, n1, n0, chunk) -> {
            for (long done = 0; done < chunk; done += MAX_NONCES_PER_CALL) {
                long found = NativePow.scan(p0, p1, p2, p3, n3, n2, n1, n0 + done,
                        Math.min(MAX_NONCES_PER_CALL, chunk - done), boundary.w3(), boundary.w2(),
                        boundary.w1(),
                        boundary.w0(), width);
                if (found >= 0) {
                    return done + found;
                }
            }
            return -1;
        });
    }
}
