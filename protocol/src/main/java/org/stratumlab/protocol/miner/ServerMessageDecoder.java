package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;

/**
 * Turns each server line ({@link ByteBuf}, as framed by {@code LineFrameDecoder}) into a
 * {@link ServerMessage} with {@link ServerMessageParser}, and releases the line. Stateless and
 * {@link Sharable}: use {@link #INSTANCE}, or one decoder per fleet of connections made with
 * {@link #sharing(NotifyLineCache)}, so that a notify line the fleet has read already is not parsed again.
 */
@Sharable
public final class ServerMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    /** The shared instance: every line parsed. */
    public static final ServerMessageDecoder INSTANCE = new ServerMessageDecoder(null);

    private final NotifyLineCache notifies;

    private ServerMessageDecoder(NotifyLineCache notifies) {
        super(ByteBuf.class);
        this.notifies = notifies;
    }

    /**
     * @param notifies the notify lines the fleet's connections share (thread-safe)
     * @return a decoder for every connection of the fleet
     */
    public static ServerMessageDecoder sharing(NotifyLineCache notifies) {
        return new ServerMessageDecoder(notifies);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(notifies == null ? ServerMessageParser.parse(line) : notifies.read(line));
    }
}
