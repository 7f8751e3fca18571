package org.stratumlab.pow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PoW hash implementations of {@code pow}, by name, and which of them this JVM can run:
 *
 * <ul>
 * <li>{@code scalar}: {@link ScalarPowHasher}, pure Java, always there.
 * <li>{@code scalar-job}: pure Java specialised for scanning one job (constants of round 0 computed once).
 * <li>{@code vector}: several nonces at once with the JDK's Vector API; only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and has SIMD registers of at least 128 bits.
 * <li>{@code native}: C through JNI, with AVX2/AVX-512 scanning; only when the library was built (a C compiler at
 * build time) and loads on this OS and CPU.
 * </ul>
 *
 * <p>The Bouncy Castle baseline lives in {@code pow-bench}, so that {@code pow} needs no Bouncy Castle at run time.
 * Every method is thread-safe; every hasher returned is new and for one thread.
 */
public final class PowHashers {
    /** Every name {@link #create} knows, slowest first as a rule. */
    public static final List<String> NAMES = List.of("scalar", "scalar-job", "vector", "native");

    private static final String VECTOR_CLASS = "org.stratumlab.pow.VectorPowHasher";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private PowHashers() {
    }

    /**
     * Makes a hasher.
     *
     * @param name one of {@link #NAMES}
     * @return a new hasher for one thread
     * @throws IllegalArgumentException if the name is unknown, or the implementation cannot run here (the message
     *         says why)
     */
    public static PowHasher create(String name) {
        Optional<String> unavailable = unavailableReason(name);
        if (unavailable.isPresent()) {
            throw new IllegalArgumentException("PoW implementation '" + name + "' is not available: "
                    + unavailable.get());
        }
        return switch (name) {
            case "scalar" -> new ScalarPowHasher();
            case "scalar-job" -> new ScalarJobPowHasher();
            case "vector" -> newVector();
            default -> new NativePowHasher(0);
        };
    }

    /**
     * Says why an implementation cannot run in this JVM.
     *
     * @param name one of {@link #NAMES}
     * @return the reason, or empty if it can run
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Optional<String> unavailableReason(String name) {
        return switch (name) {
            case "scalar", "scalar-job" -> Optional.empty();
            case "vector" -> Optional.ofNullable(VectorSupport.UNAVAILABLE);
            case "native" -> Optional.ofNullable(NativeSupport.UNAVAILABLE);
            default -> throw new IllegalArgumentException(
                    "unknown PoW implementation '" + name + "': one of " + String.join(", ", NAMES));
        };
    }

    /** @return the names of the implementations that can run in this JVM, in the order of {@link #NAMES} */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        for (String name : NAMES) {
            if (unavailableReason(name).isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The fastest implementation for scanning nonces that can run here: {@code native} when it has AVX2 or
     * AVX-512, else {@code vector}, else {@code native} scalar, else {@code scalar} (the benchmarks measured this order
     * on x86-64, and {@code scalar-job} no faster than {@code scalar}; see results/pow-bench).
     *
     * @return a new hasher for one thread
     */
    public static PowHasher fastest() {
        boolean nativeLoaded = NativeSupport.UNAVAILABLE == null;
        if (nativeLoaded && NativePow.widestPath() >= 4) {
            return create("native");
        }
        if (VectorSupport.UNAVAILABLE == null) {
            return create("vector");
        }
        return create(nativeLoaded ? "native" : "scalar");
    }

    /**
     * Describes an implementation for summaries and benchmark reports, e.g. {@code native (AVX-512, 8 nonces per
     * step)} or {@code vector (unavailable: ...)}.
     *
     * @param name one of {@link #NAMES}
     * @return one line
     */
    public static String describe(String name) {
        Optional<String> unavailable = unavailableReason(name);
        if (unavailable.isPresent()) {
            return name + " (unavailable: " + unavailable.get() + ")";
        }
        return switch (name) {
            case "native" -> name + " (" + switch (NativePow.widestPath()) {
                case 8 -> "AVX-512";
                case 4 -> "AVX2";
                default -> "scalar";
            } + ", " + NativePow.widestPath() + " nonces per step when scanning)";
            case "vector" -> name + " (" + VectorSupport.lanes() + " nonces per step)";
            default -> name;
        };
    }

    private static PowHasher newVector() {
        try {
            return (PowHasher) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("vector: " + e, e);
        }
    }

    /** Whether the native implementation can run, decided once. */
    private static final class NativeSupport {
        static final String UNAVAILABLE = NativePow.isLoaded()
                ? selfTest(() -> new NativePowHasher(0))
                : NativePow.unavailableReason();
    }

    /** Whether the vector implementation can run, decided once (loading the class needs the module). */
    private static final class VectorSupport {
        static final String UNAVAILABLE = probe();

        static int lanes() {
            try {
                return (int) Class.forName(VECTOR_CLASS).getDeclaredMethod("lanes").invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                return 0;
            }
        }

        private static String probe() {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                return "the JDK module " + VECTOR_MODULE + " is not loaded (run java with --add-modules "
                        + VECTOR_MODULE + ")";
            }
            try {
                Class.forName(VECTOR_CLASS);
            } catch (ClassNotFoundException e) {
                return "this build of pow has no vector implementation";
            } catch (LinkageError e) {
                return "the vector implementation does not link against this JDK's " + VECTOR_MODULE + ": "
                        + e;
            }
            int lanes = lanes();
            if (lanes < 2) {
                return "this CPU has no SIMD registers of at least 128 bits for the Vector API";
            }
            return selfTest(PowHashers::newVector);
        }
    }

    /**
     * Hashes one known case: a class compiled against another JDK's incubator API fails only when a method is
     * first called, and a native library could be miscompiled; either then counts as unavailable.
     */
    private static String selfTest(java.util.function.Supplier<PowHasher> factory) {
        U256 problem = U256.of(0x4d99d0b41c7eb0ddL, 0x1a801c35aae2df28L, 0xae6b53bc7743f081L,
                0x8a34b6ec97f5b4aeL);
        U256 expected = U256.of(0x23b84db68a2dbff0L, 0x5fa293a2e34cb6efL, 0xef30e17a6d31446dL,
                0xd0174f919e3bb402L);
        try {
            PowHasher hasher = factory.get();
            if (!hasher.hash(problem, U256.ofLong(1)).equals(expected)
                    || hasher.scan(problem, U256.MAX, U256.ZERO,
                            3) != 0) {
                return "its self-test hashed a known case wrong";
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "its self-test failed: " + e;
        }
    }
}
