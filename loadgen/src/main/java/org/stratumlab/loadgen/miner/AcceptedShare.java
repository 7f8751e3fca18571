package org.stratumlab.loadgen.miner;

import org.stratumlab.pow.U256;

/**
 * A share the server accepted, as it was sent: what a deliberately duplicate share (and a duplicate-flood
 * attacker) repeats.
 *
 * @param jobIdText the job id it was sent with
 * @param powHashText the pow_hash it was sent with
 * @param nonce its nonce
 */
public record AcceptedShare(String jobIdText, String powHashText, U256 nonce) {
}
