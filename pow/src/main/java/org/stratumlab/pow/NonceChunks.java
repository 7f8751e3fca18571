package org.stratumlab.pow;

/**
 * Splits a nonce range into chunks in which only the lowest word changes, so that scan loops step one
 * {@code long} and treat the upper three words (and with them the nonce's lower bound, docs/protocol.md §6) as constants.
 * A range crosses a chunk border once in 2^64 nonces.
 */
final class NonceChunks {
    /** Scans one chunk: nonces (n3, n2, n1, n0 + i) for i below count, where n0 + count does not pass 2^64. */
    @FunctionalInterface
    interface ChunkScan {
        /** @return the offset of the first valid nonce in the chunk, or -1 */
        long scan(long n3, long n2, long n1, long n0, long count);
    }

    private NonceChunks() {
    }

    static void requirePositive(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }

    /**
     * Scans {@code count} nonces from {@code start}, chunk by chunk.
     *
     * @return the offset of the first valid nonce, or -1
     */
    static long scan(U256 start, long count, ChunkScan chunkScan) {
        requirePositive(count);
        long n3 = start.w3(), n2 = start.w2(), n1 = start.w1(), n0 = start.w0();
        long done = 0;
        while (done < count) {
            long chunk = count - done;
            long room = -n0; // 2^64 - n0 nonces before n0 wraps; 0 stands for 2^64
            if (room != 0 && Long.compareUnsigned(room, chunk) < 0) {
                chunk = room;
            }
            long found = chunkScan.scan(n3, n2, n1, n0, chunk);
            if (found >= 0) {
                return done + found;
            }
            done += chunk;
            n0 += chunk;
            if (n0 == 0 && ++n1 == 0 && ++n2 == 0) {
                ++n3;
            }
        }
        return -1;
    }
}
