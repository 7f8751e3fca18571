/**
 * The Stratum wire shared by the server and the load generator (docs/protocol.md §1–5).
 *
 * <ul>
 * <li>{@link org.stratumlab.protocol.frame}: Netty line framing with a length limit and UTF-8 check.</li>
 * <li>{@link org.stratumlab.protocol.jsonrpc}: parsing request lines and writing responses, as the node's
 * JSON-RPC transport does.</li>
 * <li>{@link org.stratumlab.protocol.mining}: what {@code mining.subscribe} and {@code mining.submit} params
 * mean, and the outcomes of a submit.</li>
 * <li>{@link org.stratumlab.protocol.dialect}: the exact bytes of notifies and results, {@code conflux} and
 * {@code doc}.</li>
 * <li>{@link org.stratumlab.protocol.miner}: the miner's side: requests it writes, server lines it reads.</li>
 * </ul>
 */
package org.stratumlab.protocol;
