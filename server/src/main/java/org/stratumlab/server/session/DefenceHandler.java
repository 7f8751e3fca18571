package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.stratumlab.protocol.frame.InvalidUtf8Exception;
import org.stratumlab.protocol.frame.LineTooLongException;
import org.stratumlab.protocol.jsonrpc.JsonRpcResponseWriter;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;

/**
 * The terminal handler: decides what a framing failure, an idle connection or a dead peer costs the connection.
 * <ul>
 * <li>over-long line: the docs/protocol.md §7 error line, then close;
 * <li>invalid UTF-8: close without a reply, as the node does (docs/protocol.md §1), once the replies to the lines
 * before it are flushed;
 * <li>idle for {@code --idle-timeout}: close (slowloris);
 * <li>an I/O error (reset by peer): close; a peer that went away is not the server's fault, so not counted;
 * <li>anything else is a bug: counted by class and logged once per class ({@link ServerMetrics#unexpectedErrors}),
 * then close. Logging each one would let a bug hit by every connection flood the log.
 * </ul>
 * Stateless and {@code @Sharable}; runs on the channel's event loop.
 */
@Sharable
final class DefenceHandler extends ChannelInboundHandlerAdapter {
    private final ServerMetrics metrics;

    DefenceHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            ctx.close(); // the peer went away: not the server's fault, so not counted
        } else if (cause instanceof LineTooLongException || cause instanceof InvalidUtf8Exception) {
            rejectFrame(ctx, cause);
        } else {
            metrics.unexpectedErrors().record(cause); // even after the close: a bug is a bug
            ctx.close();
        }
    }

    private void rejectFrame(ChannelHandlerContext ctx, Throwable cause) {
        if (!ctx.channel().isActive()) {
            return; // already closed by an earlier frame of the same read: counted once
        }
        if (cause instanceof LineTooLongException) {
            metrics.rejected(Rejection.LINE_TOO_LONG);
            metrics.protocolError(-32600);
            ByteBuf line = ctx.alloc().buffer(96);
            JsonRpcResponseWriter.writeLineTooLongLine(line);
            ctx.writeAndFlush(line).addListener(ChannelFutureListener.CLOSE);
        } else {
            metrics.rejected(Rejection.INVALID_UTF8);
            // The replies to the lines before it in the same read are written but not flushed yet (the flush
            // comes at the read's end), and a close discards what is not yet sent: close once they are.
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            metrics.rejected(Rejection.IDLE);
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }
}
