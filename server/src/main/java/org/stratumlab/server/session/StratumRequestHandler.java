package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.stratumlab.protocol.jsonrpc.CanonicalSubmit;
import org.stratumlab.protocol.jsonrpc.JsonRpcBatch;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcError;
import org.stratumlab.protocol.jsonrpc.JsonRpcResponseWriter;
import org.stratumlab.protocol.jsonrpc.ParsedLine;
import org.stratumlab.protocol.mining.MiningMethods;
import org.stratumlab.server.notify.NotifyWriter;

/**
 * Answers each parsed line with exactly one line (docs/protocol.md §1–2): the response, an error object, a batch array,
 * or an empty line for notifications. The Stratum methods themselves are {@link MiningCalls}' job.
 *
 * <p>With Octopus a submit's check runs on a pool; its reply, and every reply after it, waits its turn in
 * {@link OrderedReplies}, so that a connection's replies keep request order (docs/protocol.md §1).
 *
 * <p>Stateful (one per channel, it knows the channel's {@link NotifyWriter}). Writes in {@code channelRead},
 * flushes in {@code channelReadComplete}, on the channel's event loop.
 */
final class StratumRequestHandler extends SimpleChannelInboundHandler<ParsedLine> {
    private final MiningCalls calls;
    private final NotifyWriter notifyWriter;
    private final OrderedReplies replies;
    private boolean subscribedInLine;
    /** The line's reply so far; replaced when an Octopus submit in it leaves for the pool. */
    private ByteBuf out;

    StratumRequestHandler(MiningCalls calls, NotifyWriter notifyWriter) {
        this.calls = calls;
        this.notifyWriter = notifyWriter;
        this.replies = new OrderedReplies(calls, notifyWriter);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        replies.attach(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        replies.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ParsedLine line) {
        if (!ctx.channel().isActive()) {
            return; // closed by a defence while lines of the same read were still queued
        }
        out = ctx.alloc().buffer(160);
        subscribedInLine = false;
        switch (line.kind()) {
            case PARSE_ERROR -> {
                calls.metrics().protocolError(JsonRpcError.PARSE_ERROR.code());
                JsonRpcResponseWriter.writeParseErrorLine(out);
            }
            case SINGLE -> {
                respond(ctx, (JsonRpcCall) line);
                JsonRpcResponseWriter.writeLineEnd(out);
            }
            case BATCH -> respondToBatch(ctx, (JsonRpcBatch) line);
            case CANONICAL_SUBMIT -> {
                submitCanonical(ctx, (CanonicalSubmit) line);
                JsonRpcResponseWriter.writeLineEnd(out);
            }
        }
        replies.write(out);
        out = null;
        if (subscribedInLine) {
            replies.notifyAfterSubscribe(); // docs/protocol.md §7: the reply first, then the job
        }
    }

    /** docs/protocol.md §1: one array of responses; calls without id are left out; nothing left is an empty line. */
    private void respondToBatch(ChannelHandlerContext ctx, JsonRpcBatch batch) {
        int start = out.writerIndex();
        out.writeByte('[');
        boolean any = false;
        for (JsonRpcCall call : batch.calls()) {
            int before = out.writerIndex();
            if (any) {
                out.writeByte(',');
            }
            if (respond(ctx, call)) {
                any = true;
            } else {
                out.writerIndex(before);
            }
        }
        if (any) {
            out.writeByte(']');
        } else {
            out.writerIndex(start);
        }
        JsonRpcResponseWriter.writeLineEnd(out);
    }

    /** @return whether a response object was written (notifications get none) */
    private boolean respond(ChannelHandlerContext ctx, JsonRpcCall call) {
        if (!call.isValid()) {
            calls.metrics().protocolError(JsonRpcError.INVALID_REQUEST.code());
            JsonRpcResponseWriter.writeError(out, call.hasJsonrpc(), JsonRpcError.INVALID_REQUEST,
                    call.responseId());
            return true;
        }
        if (!call.expectsResponse()) {
            return false; // docs/protocol.md §2: a notification is not executed
        }
        calls.metrics().request(call.method());
        switch (call.method()) {
            case MiningMethods.SUBSCRIBE ->
                subscribedInLine |= calls.subscribe(ctx.channel(), notifyWriter, call, out);
            case MiningMethods.SUBMIT -> submit(ctx, call);
            default -> {
                calls.metrics().protocolError(JsonRpcError.METHOD_NOT_FOUND.code());
                JsonRpcResponseWriter.writeError(out, call.hasJsonrpc(), JsonRpcError.METHOD_NOT_FOUND,
                        call.responseId());
            }
        }
        return true;
    }

    /** The fast case of {@link #respond}; an Octopus check outlives the line, so it takes the strict call. */
    private void submitCanonical(ChannelHandlerContext ctx, CanonicalSubmit submit) {
        if (calls.checksOffLoop()) {
            respond(ctx, submit.toCall());
        } else {
            calls.submit(submit, out, ctx.executor().ticker());
        }
    }

    private void submit(ChannelHandlerContext ctx, JsonRpcCall call) {
        if (!calls.checksOffLoop()) {
            calls.submit(call, out, ctx.executor().ticker());
            return;
        }
        PendingSubmit pending = calls.submitOffLoop(call, out, ctx.executor(), replies.drainTask);
        if (pending != null) {
            replies.write(out); // what the line holds before this submit's response
            replies.check(pending);
            out = ctx.alloc().buffer(160); // what comes after it
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        replies.keepPausedIfBackedUp();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }
}
