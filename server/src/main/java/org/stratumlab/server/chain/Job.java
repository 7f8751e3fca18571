package org.stratumlab.server.chain;

import org.stratumlab.pow.U256;

/**
 * One mining problem as the node announces it (docs/protocol.md §4): the problem hash (also the job id), the block height
 * and the boundary. Immutable; published to validators through {@link JobWindow} snapshots.
 *
 * @param powHash the problem hash, also sent as the job id
 * @param height the block height
 * @param boundary the boundary a solution's hash must be below
 */
public record Job(U256 powHash, long height, U256 boundary) {
}
