package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;

/**
 * Turns each server line ({@link ByteBuf}, as framed by {@code LineFrameDecoder}) into a
 * {@link ServerMessage} with {@link ServerMessageParser}, and releases the line. Stateless and
 * {@link Sharable}: use {@link #INSTANCE}.
 */
@Sharable
public final class ServerMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    /** The shared instance. */
    public static final ServerMessageDecoder INSTANCE = new ServerMessageDecoder();

    private ServerMessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(ServerMessageParser.parse(line));
    }
}
