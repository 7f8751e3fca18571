package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;

/**
 * Turns each line ({@link ByteBuf}, as framed by {@code LineFrameDecoder} and checked by
 * {@code Utf8ValidationHandler}) into a {@link ParsedLine} with {@link JsonRpcRequestParser}, and releases the
 * line. Stateless and {@link Sharable}: use {@link #INSTANCE}.
 */
@Sharable
public final class JsonRpcRequestDecoder extends MessageToMessageDecoder<ByteBuf> {
    /** The shared instance. */
    public static final JsonRpcRequestDecoder INSTANCE = new JsonRpcRequestDecoder();

    private JsonRpcRequestDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(JsonRpcRequestParser.parse(line));
    }
}
