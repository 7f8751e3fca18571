package org.stratumlab.loadgen.miner;

import org.stratumlab.loadgen.grind.JobNonces;
import org.stratumlab.loadgen.record.NotifyReceiptLog;
import org.stratumlab.loadgen.schedule.SolveSchedule;
import org.stratumlab.pow.U256;

/**
 * A job as the miners received it, one instance per job for the whole fleet: every miner gets the same notify,
 * and keeping one copy of its texts and numbers instead of one per miner saves about 400 bytes per idle miner.
 *
 * @param jobIdText the job id as the notify carried it (sent back in submits)
 * @param powHashText the pow_hash as the notify carried it
 * @param powHash the pow_hash
 * @param boundary the boundary
 * @param nonces where its valid nonces come from, shared by the fleet
 * @param firstReceiptNs when the first miner received it, for notify skew
 * @param forgedPowHashText a pow_hash of the same form that the server never issued (every hex digit flipped),
 *        for stale shares
 * @param boundaryFraction the boundary divided by 2^256, for hashrate-driven schedules: computed once per job,
 *        not once per miner
 * @param receipts where the fleet's receipts of it are counted for notify-receipts.jsonl, or null when the run
 *        writes none (it is not sharded)
 */
record SharedJob(String jobIdText, String powHashText, U256 powHash, U256 boundary, JobNonces nonces,
        long firstReceiptNs, String forgedPowHashText, double boundaryFraction,
        NotifyReceiptLog.JobTally receipts) {

    /**
     * @param jobIdText the job id as the notify carried it
     * @param powHashText the pow_hash as the notify carried it
     * @param powHash the pow_hash
     * @param boundary the boundary
     * @param nonces where its valid nonces come from
     * @param firstReceiptNs when the first miner received it
     * @param receipts its tally of receipts, or null
     * @return the job, with its forged twin and boundary fraction computed once for the whole fleet
     */
    static SharedJob of(String jobIdText, String powHashText, U256 powHash, U256 boundary, JobNonces nonces,
            long firstReceiptNs, NotifyReceiptLog.JobTally receipts) {
        return new SharedJob(jobIdText, powHashText, powHash, boundary, nonces, firstReceiptNs,
                forged(powHashText), SolveSchedule.fractionOfHashSpace(boundary), receipts);
    }

    /**
     * Flips every hex digit after the "0x": the same length and form, and (but for a 2^-256 chance) not a hash
     * the server issued.
     */
    private static String forged(String hashText) {
        char[] chars = hashText.toCharArray();
        for (int i = hashText.startsWith("0x") ? 2 : 0; i < chars.length; i++) {
            int digit = Character.digit(chars[i], 16);
            if (digit >= 0) {
                chars[i] = Character.forDigit(15 - digit, 16);
            }
        }
        return new String(chars);
    }
}
