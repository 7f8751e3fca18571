package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.stratumlab.protocol.jsonrpc.JsonRpcBatch;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcError;
import org.stratumlab.protocol.jsonrpc.JsonRpcResponseWriter;
import org.stratumlab.protocol.jsonrpc.ParsedLine;
import org.stratumlab.protocol.mining.MiningMethods;
import org.stratumlab.server.notify.NotifyWriter;

/**
 * Answers each parsed line with exactly one line (SPEC.md §1–2): the response, an error object, a batch array,
 * or an empty line for notifications. The Stratum methods themselves are {@link MiningCalls}' job.
 *
 * <p>Stateful (one per channel, it knows the channel's {@link NotifyWriter}). Writes in {@code channelRead},
 * flushes in {@code channelReadComplete}, on the channel's event loop.
 */
final class StratumRequestHandler extends SimpleChannelInboundHandler<ParsedLine> {
    private final MiningCalls calls;
    private final NotifyWriter notifyWriter;
    private boolean subscribedInLine;

    StratumRequestHandler(MiningCalls calls, NotifyWriter notifyWriter) {
        this.calls = calls;
        this.notifyWriter = notifyWriter;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ParsedLine line) {
        if (!ctx.channel().isActive()) {
            return; // closed by a defence while lines of the same read were still queued
        }
        ByteBuf out = ctx.alloc().buffer(160);
        subscribedInLine = false;
        switch (line.kind()) {
            case PARSE_ERROR -> {
                calls.metrics().protocolError(JsonRpcError.PARSE_ERROR.code());
                JsonRpcResponseWriter.writeParseErrorLine(out);
            }
            case SINGLE -> {
                respond(ctx, (JsonRpcCall) line, out);
                JsonRpcResponseWriter.writeLineEnd(out);
            }
            case BATCH -> respondToBatch(ctx, (JsonRpcBatch) line, out);
        }
        ctx.write(out, ctx.voidPromise());
        if (subscribedInLine) {
            calls.notifyAfterSubscribe(notifyWriter); // SPEC.md §7: the reply first, then the job
        }
    }

    /** SPEC.md §1: one array of responses; calls without id are left out; nothing left is an empty line. */
    private void respondToBatch(ChannelHandlerContext ctx, JsonRpcBatch batch, ByteBuf out) {
        int start = out.writerIndex();
        out.writeByte('[');
        boolean any = false;
        for (JsonRpcCall call : batch.calls()) {
            int before = out.writerIndex();
            if (any) {
                out.writeByte(',');
            }
            if (respond(ctx, call, out)) {
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
    private boolean respond(ChannelHandlerContext ctx, JsonRpcCall call, ByteBuf out) {
        if (!call.isValid()) {
            calls.metrics().protocolError(JsonRpcError.INVALID_REQUEST.code());
            JsonRpcResponseWriter.writeError(out, call.hasJsonrpc(), JsonRpcError.INVALID_REQUEST,
                    call.responseId());
            return true;
        }
        if (!call.expectsResponse()) {
            return false; // SPEC.md §2: a notification is not executed
        }
        calls.metrics().request(call.method());
        switch (call.method()) {
            case MiningMethods.SUBSCRIBE ->
                subscribedInLine |= calls.subscribe(ctx.channel(), notifyWriter, call, out);
            case MiningMethods.SUBMIT -> calls.submit(call, out, ctx.executor().ticker());
            default -> {
                calls.metrics().protocolError(JsonRpcError.METHOD_NOT_FOUND.code());
                JsonRpcResponseWriter.writeError(out, call.hasJsonrpc(), JsonRpcError.METHOD_NOT_FOUND,
                        call.responseId());
            }
        }
        return true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }
}
