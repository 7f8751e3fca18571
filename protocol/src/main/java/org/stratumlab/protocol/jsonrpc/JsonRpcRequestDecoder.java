package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;

/**
 * Turns each line ({@link ByteBuf}, as framed by {@code LineFrameDecoder} and checked by
 * {@code Utf8ValidationHandler}) into a {@link ParsedLine} with {@link JsonRpcRequestParser}, and releases the
 * line. A canonical {@code mining.submit} line comes out as this channel's one {@link CanonicalSubmit}, refilled
 * for each such line: the next handler reads it while handling the line (lines go down the pipeline one at a
 * time, on the channel's event loop) and keeps nothing of it, or keeps {@link CanonicalSubmit#toCall()}.
 *
 * <p>
 * Stateful (it owns that flyweight): one instance per channel, never shared.
 */
public final class JsonRpcRequestDecoder extends MessageToMessageDecoder<ByteBuf> {
    /** {@code null} when every line goes to the strict reader. */
    private final CanonicalSubmit submit;

    private JsonRpcRequestDecoder(CanonicalSubmit submit) {
        super(ByteBuf.class);
        this.submit = submit;
    }

    /** @return a decoder for one channel, with the allocation-free reading of canonical submits */
    public static JsonRpcRequestDecoder create() {
        return new JsonRpcRequestDecoder(new CanonicalSubmit());
    }

    /**
     * @return a decoder for one channel that reads every line with the strict reader alone (the reference the fast
     *         reading is tested against)
     */
    public static JsonRpcRequestDecoder strict() {
        return new JsonRpcRequestDecoder(null);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(submit == null ? JsonRpcRequestParser.parse(line) : JsonRpcRequestParser.parse(line, submit));
    }
}
