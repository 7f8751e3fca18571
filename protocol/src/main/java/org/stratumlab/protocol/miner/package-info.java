/**
 * The miner's side of the wire, for the load generator: the request lines a miner writes
 * ({@link org.stratumlab.protocol.miner.MinerRequestWriter}) and a tolerant reading of whatever a server sends
 * back ({@link org.stratumlab.protocol.miner.ServerMessageParser}), in either dialect, from our server or a
 * real node.
 */
package org.stratumlab.protocol.miner;
