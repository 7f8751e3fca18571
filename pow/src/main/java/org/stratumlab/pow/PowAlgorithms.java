package org.stratumlab.pow;

import java.util.List;
import java.util.Objects;
import org.stratumlab.pow.octopus.LightCacheStore;
import org.stratumlab.pow.octopus.OctopusAlgorithm;

/**
 * The proof-of-work algorithms by name: {@code keccak} (the node's test and dev mode rule) and {@code octopus}
 * (the mainnet rule). Every method is thread-safe; every algorithm returned is new and for one thread, while the
 * Octopus caches it reads are shared through one {@link LightCacheStore} per process.
 */
public final class PowAlgorithms {
    /** The name of the Keccak rule. */
    public static final String KECCAK = "keccak";
    /** The name of Octopus. */
    public static final String OCTOPUS = "octopus";
    /** Every name {@link #create} knows. */
    public static final List<String> NAMES = List.of(KECCAK, OCTOPUS);

    private PowAlgorithms() {
    }

    /**
     * Checks an algorithm name, as configuration parsing should before anything starts.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not one of {@link #NAMES}; the message lists them
     */
    public static String requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "unknown PoW algorithm '" + name + "': one of " + String.join(", ", NAMES));
        }
        return name;
    }

    /**
     * Makes an algorithm by name.
     *
     * @param name one of {@link #NAMES}
     * @param octopusCaches the shared cache store, used by {@code octopus} only
     * @return a new algorithm for one thread
     * @throws IllegalArgumentException if the name is unknown
     */
    public static PowAlgorithm create(String name, LightCacheStore octopusCaches) {
        return switch (requireKnown(name)) {
            case KECCAK -> keccak();
            default -> octopus(octopusCaches);
        };
    }

    /** @return the Keccak rule on the {@code scalar} hasher, the fastest for one check at a time */
    public static PowAlgorithm keccak() {
        return keccak(PowHashers.create("scalar"));
    }

    /**
     * The Keccak rule on a given hasher.
     *
     * @param hasher the hasher, owned by the returned algorithm from now on
     * @return the algorithm, thread-safe only as far as the hasher is
     */
    public static PowAlgorithm keccak(PowHasher hasher) {
        return new KeccakAlgorithm(Objects.requireNonNull(hasher, "hasher"));
    }

    /**
     * Octopus light verification from shared caches.
     *
     * @param caches the process's cache store
     * @return a new algorithm for one thread
     */
    public static PowAlgorithm octopus(LightCacheStore caches) {
        return new OctopusAlgorithm(Objects.requireNonNull(caches, "caches"));
    }
}
