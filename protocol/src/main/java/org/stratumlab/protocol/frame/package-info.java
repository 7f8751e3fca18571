/**
 * Line framing (docs/protocol.md §1, §7): one JSON value per {@code \n}-terminated line, with a byte limit per line and
 * a strict UTF-8 check.
 *
 * <p>
 * Pipeline order: {@link org.stratumlab.protocol.frame.LineFrameDecoder} then
 * {@link org.stratumlab.protocol.frame.Utf8ValidationHandler}. Both report problems as exceptions through
 * {@code exceptionCaught} (Netty's convention for framing errors); one terminal handler maps them to a reply
 * and decides whether to close:
 * <ul>
 * <li>{@link org.stratumlab.protocol.frame.LineTooLongException}: the server replies with the SPEC §7 error
 * and closes.</li>
 * <li>{@link org.stratumlab.protocol.frame.InvalidUtf8Exception}: the server closes without a reply, as the
 * node does.</li>
 * </ul>
 * Both handlers keep going after reporting, so lines after a bad one in the same read are still delivered;
 * a server that closes on the error should ignore reads once the channel is no longer active.
 */
package org.stratumlab.protocol.frame;
