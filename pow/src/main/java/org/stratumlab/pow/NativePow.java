package org.stratumlab.pow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The JNI entry points of the native library built from {@code pow/src/main/c}, and its loading: the
 * library travels inside the jar as a resource, is copied to a temporary file and loaded once. When it is not
 * there (no C compiler at build time, another OS or CPU) or does not load, {@link #isLoaded()} is false and
 * {@link #unavailableReason()} says why; nothing else in {@code pow} needs it.
 *
 * <p>Every argument is a primitive, so that the calls pin nothing; 256-bit values travel as four words.
 */
final class NativePow {
    private static final String RESOURCE = "/org/stratumlab/pow/native/linux-x86_64/libstratumlab-pow.so";
    private static final String BUILD_STATUS = "/org/stratumlab/pow/native/native-build.txt";

    private static final String UNAVAILABLE = load();
    private static final int BEST_WIDTH = UNAVAILABLE == null ? bestWidth() : 1;

    private NativePow() {
    }

    /** @return whether the library is loaded and the native methods can be called */
    static boolean isLoaded() {
        return UNAVAILABLE == null;
    }

    /** @return why the library is not loaded, or {@code null} if it is */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** @return nonces hashed at once by the widest path this CPU runs: 8 (AVX-512), 4 (AVX2) or 1 (scalar) */
    static int widestPath() {
        return BEST_WIDTH;
    }

    /** @return the build script's outcome line ("built", "skipped: ...", "failed: ..."), or "unknown" */
    static String buildStatus() {
        try (InputStream in = NativePow.class.getResourceAsStream(BUILD_STATUS)) {
            return in == null
                    ? "unknown"
                    : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .strip();
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }

    private static String load() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "the native library is built for Linux x86-64 only, this is " + os + " " + arch;
        }
        try (InputStream in = NativePow.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "the native library was not built (" + buildStatus() + ")";
            }
            Path file = Files.createTempFile("stratumlab-pow-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            return null;
        } catch (IOException | LinkageError | SecurityException e) {
            return "the native library did not load: " + e;
        }
    }

    static native int bestWidth();

    static native void hash(long p0, long p1, long p2, long p3, long n3, long n2, long n1, long n0,
            long[] digestLanes);

    static native boolean isValid(long p0, long p1, long p2, long p3, long n3, long n2, long n1, long n0,
            long b3,
            long b2, long b1, long b0);

    static native long scan(long p0, long p1, long p2, long p3, long n3, long n2, long n1, long n0,
            long count,
            long b3, long b2, long b1, long b0, int width);

    static native void keccak256(byte[] input, int offset, int length, byte[] digest, int digestOffset);
}
