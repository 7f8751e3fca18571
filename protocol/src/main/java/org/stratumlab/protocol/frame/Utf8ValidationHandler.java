package org.stratumlab.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.CharsetUtil;

/**
 * Passes on lines that are valid UTF-8 and reports the others with an {@link InvalidUtf8Exception} through
 * {@code exceptionCaught}, releasing them. The node decodes each line as UTF-8 before parsing it and drops the
 * connection when that fails (docs/protocol.md §1), so the check covers the whole line, not only JSON strings.
 *
 * <p>
 * Validity is RFC 3629's (as Rust's {@code str::from_utf8}): overlong forms, surrogates and code points above
 * U+10FFFF are invalid. Place it right after {@link LineFrameDecoder}. Stateless and {@link Sharable}: use
 * {@link #INSTANCE}.
 */
@Sharable
public final class Utf8ValidationHandler extends ChannelInboundHandlerAdapter {
    /** The shared instance. */
    public static final Utf8ValidationHandler INSTANCE = new Utf8ValidationHandler();

    /** The high bit of each of 8 bytes: zero for 8 ASCII bytes. */
    private static final long ASCII_MASK = 0x8080808080808080L;

    private Utf8ValidationHandler() {
    }

    /**
     * @param line the bytes of one line, from its reader index to its writer index
     * @return true if they are valid UTF-8 (an empty line is)
     */
    public static boolean isValidUtf8(ByteBuf line) {
        // Requests are ASCII in practice: skip 8 ASCII bytes at a time, then let Netty check the rest from
        // the first block with a high bit set (a character boundary, since everything before it is ASCII).
        int index = line.readerIndex();
        int end = line.writerIndex();
        while (end - index >= Long.BYTES && (line.getLong(index) & ASCII_MASK) == 0) {
            index += Long.BYTES;
        }
        return ByteBufUtil.isText(line, index, end - index, CharsetUtil.UTF_8);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf line && !isValidUtf8(line)) {
            line.release();
            ctx.fireExceptionCaught(new InvalidUtf8Exception());
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
