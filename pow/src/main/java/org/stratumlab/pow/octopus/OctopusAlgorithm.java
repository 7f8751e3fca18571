package org.stratumlab.pow.octopus;

import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;

/**
 * The {@code octopus} algorithm: light verification ({@link OctopusVerifier}) from the cache of the height's stage,
 * taken from a shared {@link LightCacheStore}. A call for a stage whose cache is not built yet blocks while it is
 * built (about a second): a server prepares the next stage ahead with {@link LightCacheStore#prepare}.
 *
 * <p>Not thread-safe (it owns a verifier): use one per thread, all on one store.
 */
public final class OctopusAlgorithm implements PowAlgorithm {
    private final LightCacheStore caches;
    private final OctopusVerifier verifier = new OctopusVerifier();

    /**
     * Makes the algorithm for one thread.
     *
     * @param caches the process's shared cache store
     */
    public OctopusAlgorithm(LightCacheStore caches) {
        this.caches = caches;
    }

    @Override
    public String name() {
        return PowAlgorithms.OCTOPUS;
    }

    @Override
    public U256 hash(U256 problemHash, long height, U256 nonce) {
        return verifier.hash(caches.get(height), problemHash, nonce.w0());
    }

    @Override
    public boolean isValid(U256 problemHash, long height, U256 nonce, U256 boundary) {
        return verifier.isValid(caches.get(height), problemHash, nonce, boundary);
    }
}
