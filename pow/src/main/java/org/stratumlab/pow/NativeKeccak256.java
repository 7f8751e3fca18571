package org.stratumlab.pow;

/**
 * Keccak-256 (original padding, as {@link org.stratumlab.pow.keccak.Keccak256}) computed by the native library,
 * for comparing implementations. Available only where {@link PowHashers} offers {@code native}.
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class NativeKeccak256 {
    private NativeKeccak256() {
    }

    /** @return whether the native library is loaded */
    public static boolean isAvailable() {
        return NativePow.isLoaded();
    }

    /**
     * Hashes {@code length} bytes of {@code input} from {@code offset} into 32 bytes of {@code digest} at
     * {@code digestOffset}.
     *
     * @param input the message buffer
     * @param offset the first message byte
     * @param length the message length
     * @param digest where the digest goes
     * @param digestOffset the first digest byte written
     * @throws IllegalStateException if the native library is not loaded
     */
    public static void hash(byte[] input, int offset, int length, byte[] digest, int digestOffset) {
        if (!NativePow.isLoaded()) {
            throw new IllegalStateException(NativePow.unavailableReason());
        }
        java.util.Objects.checkFromIndexSize(offset, length, input.length);
        java.util.Objects.checkFromIndexSize(digestOffset, 32, digest.length);
        NativePow.keccak256(input, offset, length, digest, digestOffset);
    }
}
