/**
 * The meaning of the two server methods (docs/protocol.md §3, §5), shared by both dialects: how their params are read
 * and the outcomes a submit can have. How outcomes are spelled on the wire is the dialect's business
 * ({@link org.stratumlab.protocol.dialect}).
 */
package org.stratumlab.protocol.mining;
