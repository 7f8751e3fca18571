package org.stratumlab.loadgen.grind;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.stratumlab.pow.U256;

/**
 * One job's nonces for the whole fleet: valid ones ground ahead, invalid ones found on the way (Octopus only,
 * where proving a nonce invalid costs a full hash), and the miners waiting for a valid one. Every nonce is handed
 * out once: the endpoint keeps one set of accepted nonces per job, whoever sends them, so two miners must never
 * send the same one.
 *
 * <p>Thread-safe: the state is guarded by the owning {@link ShareSource}'s lock.
 */
public final class JobNonces {
    final ShareSource source;
    final U256 powHash;
    final long height;
    final U256 boundary;
    final NonceSupply supply;
    final CompletableFuture<?> ready;
    // Guarded by source.
    final ArrayDeque<U256> valid = new ArrayDeque<>();
    final ArrayDeque<U256> invalid = new ArrayDeque<>();
    final ArrayDeque<NonceWaiter> waiters = new ArrayDeque<>();
    /** Grinding it failed (its Octopus cache could not be built): no longer ground. */
    boolean broken;

    JobNonces(ShareSource source, U256 powHash, long height, U256 boundary, NonceSupply supply,
            CompletableFuture<?> ready) {
        this.source = source;
        this.ready = ready;
        this.powHash = powHash;
        this.height = height;
        this.boundary = boundary;
        this.supply = supply;
    }

    /**
     * @return done once the job can be ground: at once, but for an Octopus job whose stage's light cache is still
     *         being built (about a second), as a real miner builds its dataset before it mines; done
     *         exceptionally if the build failed
     */
    public CompletableFuture<?> ready() {
        return ready;
    }

    /** @return how this job's valid nonces are had */
    public NonceSupply supply() {
        return supply;
    }

    /**
     * Takes a valid nonce ground ahead, or, when there is none, enrols the waiter, which a grinding thread calls
     * back with the next one. Only for a {@link NonceSupply#POOL} job, or an {@link NonceSupply#INLINE} one whose
     * nonce was not found inline.
     *
     * @param waiter who to call back when none is ready
     * @return a nonce, or null when the waiter was enrolled
     */
    public U256 takeValid(NonceWaiter waiter) {
        return source.takeValid(this, waiter);
    }

    /**
     * Withdraws a waiter (its miner moved to a new job, or its connection closed). A nonce already on its way to
     * it still arrives, and is then given back.
     *
     * @param waiter the waiter
     */
    public void cancel(NonceWaiter waiter) {
        source.cancel(this, waiter);
    }

    /**
     * Returns a valid nonce a waiter no longer needs: the next waiter, or the next miner to ask, gets it.
     *
     * @param nonce a nonce this job handed out and nobody sent
     */
    public void giveBack(U256 nonce) {
        source.offerValid(this, nonce);
    }

    /** @return a nonce proven invalid for this job while grinding, or null when none is left */
    public U256 takeInvalid() {
        return source.takeInvalid(this);
    }
}
