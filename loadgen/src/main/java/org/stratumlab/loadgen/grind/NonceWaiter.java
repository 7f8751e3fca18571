package org.stratumlab.loadgen.grind;

import org.stratumlab.pow.U256;

/** A miner waiting for a valid nonce of a job, because none was ground when its solution event came. */
public interface NonceWaiter {
    /**
     * A grinding thread found a nonce for the job this waiter asked for. Called on that thread: hand the nonce
     * to the miner's own event loop and return. A waiter that no longer needs it gives it back
     * ({@link JobNonces#giveBack}).
     *
     * @param job the job it was ground for
     * @param nonce a valid nonce of that job, this waiter's alone
     */
    void nonceReady(JobNonces job, U256 nonce);
}
