package org.stratumlab.server.share;

import org.stratumlab.pow.ScalarPowHasher;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.chain.JobWindow;
import org.stratumlab.server.chain.SimulatedChain;

/**
 * Judges a well-formed submit (SPEC.md §5) in the node's order: is the problem hash in the window (else stale),
 * does the nonce solve it (else incorrect), was the nonce accepted before for that problem (else duplicate).
 *
 * <p>Thread-safe and lock-free: it reads the chain's published window and keeps one hasher per thread. Runs on
 * the connection's event loop; a check is about a microsecond of CPU.
 */
public final class ShareValidator {
    private static final ThreadLocal<ScalarPowHasher> HASHERS = ThreadLocal.withInitial(ScalarPowHasher::new);

    private final SimulatedChain chain;

    /** @param chain whose window decides staleness */
    public ShareValidator(SimulatedChain chain) {
        this.chain = chain;
    }

    /**
     * @param powHash the problem hash the submit names
     * @param nonce the nonce
     * @return {@code ACCEPTED}, {@code STALE_JOB}, {@code INCORRECT_NONCE} or {@code DUPLICATE}
     */
    public SubmitOutcome validate(U256 powHash, U256 nonce) {
        JobWindow.Entry entry = chain.window().find(powHash);
        if (entry == null) {
            return SubmitOutcome.STALE_JOB;
        }
        if (!HASHERS.get().isValid(powHash, nonce, entry.job().boundary())) {
            return SubmitOutcome.INCORRECT_NONCE;
        }
        return entry.accept(nonce) ? SubmitOutcome.ACCEPTED : SubmitOutcome.DUPLICATE;
    }
}
