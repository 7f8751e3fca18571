package org.stratumlab.protocol.miner;

import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;

/**
 * A {@code mining.notify} in either dialect (docs/protocol.md §4): {@code [job_id, height, pow_hash, boundary]} from
 * the node, {@code [job_id, pow_hash, boundary]} from the documented dialect (no height).
 *
 * <p>
 * A miner works on the last job received and submits {@link #jobId()} and {@link #powHashText()} exactly as
 * received (they already carry their {@code 0x}).
 *
 * @param id the notify's id as sent (the node sends a number although no reply is expected), or {@code null}
 *        when it had none or an unusable one
 * @param jobId the job id as received
 * @param height the block height, or {@link #NO_HEIGHT} when the dialect has none
 * @param powHashText the problem hash as received
 * @param powHash the problem hash
 * @param boundary the boundary: a valid nonce's hash is below it
 */
public record JobNotify(JsonRpcId id, String jobId, long height, String powHashText, U256 powHash,
        U256 boundary)
        implements
            ServerMessage {
    /** The {@link #height()} of a notify without one. */
    public static final long NO_HEIGHT = -1;

    @Override
    public Kind kind() {
        return Kind.NOTIFY;
    }

    /** @return whether the notify carried a height */
    public boolean hasHeight() {
        return height != NO_HEIGHT;
    }
}
