package org.stratumlab.server.testing;

import org.stratumlab.pow.NonceGrinder;
import org.stratumlab.pow.ScalarPowHasher;
import org.stratumlab.pow.U256;
import org.stratumlab.server.chain.Job;

/** Nonces that do and do not solve a job, found with the pow module's hasher (difficulty 4: a few tries). */
public final class Solutions {
    private Solutions() {
    }

    /** @return the first nonce from 0 that solves {@code job} */
    public static U256 validNonce(Job job) {
        return validNonceAfter(job, null);
    }

    /** @return the first nonce above {@code previous} (from 0 when {@code null}) that solves {@code job} */
    public static U256 validNonceAfter(Job job, U256 previous) {
        U256 start = previous == null ? U256.ZERO : previous.add(1);
        U256 nonce = new NonceGrinder().next(job.powHash(), job.boundary(), start, 1_000_000);
        if (nonce == null) {
            throw new IllegalStateException("no solution of " + job + " in a million nonces");
        }
        return nonce;
    }

    /** @return the first nonce from 0 that does not solve {@code job} */
    public static U256 invalidNonce(Job job) {
        ScalarPowHasher hasher = new ScalarPowHasher();
        U256 nonce = U256.ZERO;
        while (hasher.isValid(job.powHash(), nonce, job.boundary())) {
            nonce = nonce.add(1);
        }
        return nonce;
    }
}
