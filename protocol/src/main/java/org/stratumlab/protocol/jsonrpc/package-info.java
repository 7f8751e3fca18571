/**
 * JSON-RPC as the node's transport applies it (docs/protocol.md §1–2): parsing a request line into a
 * {@link org.stratumlab.protocol.jsonrpc.ParsedLine} with Jackson's streaming parser straight from the line's
 * bytes, and writing responses and errors as exact, compact bytes into a Netty {@code ByteBuf}.
 *
 * <p>
 * Server calling pattern, per line:
 *
 * <pre>{@code
 * ParsedLine parsed = JsonRpcRequestParser.parse(line, canonicalSubmit); // one CanonicalSubmit per channel
 * switch (parsed.kind()) {
 *     case PARSE_ERROR -> JsonRpcResponseWriter.writeParseErrorLine(out);
 *     case SINGLE -> { JsonRpcCall call = (JsonRpcCall) parsed; ...answer it, or write "\n" for a notification... }
 *     case BATCH -> { ...answer each call that expectsResponse(), "[a,b]\n", or "\n" when none does... }
 *     case CANONICAL_SUBMIT -> { ...the submit's words and worker, read before the next line... }
 * }
 * }</pre>
 *
 * Where the node's behaviour comes from its libraries (jsonrpc-core over serde_json) rather than from docs/protocol.md,
 * the class that implements it says so.
 */
package org.stratumlab.protocol.jsonrpc;
