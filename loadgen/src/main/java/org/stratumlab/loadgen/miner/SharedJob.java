package org.stratumlab.loadgen.miner;

import org.stratumlab.pow.U256;

/**
 * A job as the miners received it, one instance per job for the whole fleet: every miner gets the same notify,
 * and keeping one copy of its texts and numbers instead of one per miner saves about 400 bytes per idle miner.
 *
 * @param jobIdText the job id as the notify carried it (sent back in submits)
 * @param powHashText the pow_hash as the notify carried it
 * @param powHash the pow_hash
 * @param boundary the boundary
 * @param firstReceiptNs when the first miner received it, for notify skew
 */
record SharedJob(String jobIdText, String powHashText, U256 powHash, U256 boundary, long firstReceiptNs) {
}
