/**
 * The two spellings of Stratum that the server can speak (docs/protocol.md §4, "The documented dialect"):
 * {@code conflux}, the node's exact bytes, and {@code doc}, the shape of the public documentation. They differ
 * only in the notify line and in how results are spelled; JSON-RPC framing and errors are the same.
 */
package org.stratumlab.protocol.dialect;
