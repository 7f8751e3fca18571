package org.stratumlab.server.share;

import org.stratumlab.pow.ScalarPowHasher;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.chain.Job;
import org.stratumlab.server.chain.JobWindow;
import org.stratumlab.server.chain.SimulatedChain;

/**
 * Judges a well-formed submit (docs/protocol.md §5) in the node's order: is the problem hash in the window (else stale),
 * does the nonce solve it (else incorrect), was the nonce accepted before for that problem (else duplicate).
 *
 * <p>Thread-safe and lock-free: it reads the chain's published window and keeps one hasher per thread. Runs on
 * the connection's event loop; a Keccak check is about a microsecond of CPU. An Octopus check takes milliseconds
 * and runs on {@link OctopusCheckPool} instead, between {@link #find} and {@link #judge}.
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
        return validate(powHash.w3(), powHash.w2(), powHash.w1(), powHash.w0(), nonce.w3(), nonce.w2(),
                nonce.w1(),
                nonce.w0());
    }

    /**
     * {@link #validate(U256, U256)} for values read from the wire as words (most significant first), without
     * allocating: what a canonical submit line is judged with.
     *
     * @param h3 the problem hash's most significant 64 bits
     * @param h2 the next 64 bits
     * @param h1 the next 64 bits
     * @param h0 the least significant 64 bits
     * @param n3 the nonce's most significant 64 bits
     * @param n2 the next 64 bits
     * @param n1 the next 64 bits
     * @param n0 the least significant 64 bits
     * @return {@code ACCEPTED}, {@code STALE_JOB}, {@code INCORRECT_NONCE} or {@code DUPLICATE}
     */
    public SubmitOutcome validate(long h3, long h2, long h1, long h0, long n3, long n2, long n1, long n0) {
        JobWindow.Entry entry = chain.window().find(h3, h2, h1, h0);
        if (entry == null) {
            return SubmitOutcome.STALE_JOB;
        }
        Job job = entry.job();
        if (!HASHERS.get().isValid(job.powHash(), n3, n2, n1, n0, job.boundary())) {
            return SubmitOutcome.INCORRECT_NONCE;
        }
        return entry.accept(n3, n2, n1, n0) ? SubmitOutcome.ACCEPTED : SubmitOutcome.DUPLICATE;
    }

    /**
     * The first step alone, for a check that runs elsewhere (Octopus, {@link OctopusCheckPool}).
     *
     * @param powHash the problem hash the submit names
     * @return its job in the window, or {@code null} for a stale submit
     */
    public JobWindow.Entry find(U256 powHash) {
        return chain.window().find(powHash);
    }

    /**
     * The last two steps, once the PoW check is done.
     *
     * @param entry the submit's job
     * @param nonce the nonce
     * @param powValid whether the nonce solves the job
     * @return {@code ACCEPTED}, {@code INCORRECT_NONCE} or {@code DUPLICATE}
     */
    public static SubmitOutcome judge(JobWindow.Entry entry, U256 nonce, boolean powValid) {
        if (!powValid) {
            return SubmitOutcome.INCORRECT_NONCE;
        }
        return entry.accept(nonce) ? SubmitOutcome.ACCEPTED : SubmitOutcome.DUPLICATE;
    }
}
