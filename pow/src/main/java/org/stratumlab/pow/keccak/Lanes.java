package org.stratumlab.pow.keccak;

/**
 * Byte order of Keccak lanes: a lane is 8 message bytes read little-endian.
 */
public final class Lanes {
    private Lanes() {
    }

    /**
     * Reads 8 bytes as a little-endian lane.
     *
     * @param bytes the source
     * @param offset the first byte
     * @return the lane
     */
    public static long readLittleEndian(byte[] bytes, int offset) {
        long lane = 0;
        for (int i = 7; i >= 0; i--) {
            lane = (lane << 8) | (bytes[offset + i] & 0xff);
        }
        return lane;
    }

    /**
     * Writes a lane as 8 little-endian bytes.
     *
     * @param lane the lane
     * @param target the destination
     * @param offset the first byte written
     */
    public static void writeLittleEndian(long lane, byte[] target, int offset) {
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (lane >>> (8 * i));
        }
    }
}
