package org.stratumlab.loadgen.grind;

/** How a job's valid nonces are had, decided once per job from its algorithm and difficulty. */
public enum NonceSupply {
    /** Difficulty 1: every nonce is valid, nothing is hashed. */
    ANY,
    /**
     * A Keccak job so easy ({@link ShareSource#INLINE_MAX_DIFFICULTY} or less) that a miner grinds its nonce on
     * its event loop within {@link ShareSource#INLINE_ATTEMPTS} attempts, microseconds; the grinding threads
     * take over the rare nonce not found so.
     */
    INLINE,
    /** The grinding threads grind ahead; a miner takes a nonce or waits for one. */
    POOL,
    /**
     * Not grindable here: harder than the most attempts allowed per share, or an Octopus job without a height
     * (the documented dialect's notify has none). Shares are sent unground and counted so.
     */
    NONE
}
