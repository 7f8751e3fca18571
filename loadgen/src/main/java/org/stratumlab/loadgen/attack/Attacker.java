package org.stratumlab.loadgen.attack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One attacker connection: sends what its kind sends, at its rate, reads and classifies what comes back (except
 * no-read, which never reads), and counts how the connection ended. Not sharable: one per channel, run on the
 * channel's event loop.
 */
final class Attacker extends SimpleChannelInboundHandler<ByteBuf> {
    private final AttackSettings settings;
    private final AttackCounters counters;
    private final ShareFlood flood;
    private final byte[] lineAtLimit;
    private final byte[] lineOverLimit;
    private long openNs;
    private ScheduledFuture<?> ticks;
    private boolean lastLineWasError;
    private boolean reset;
    /** Set before the generator closes the connection: how it then ended. */
    private AttackEnd closingAs;
    private ChannelHandlerContext context;

    Attacker(AttackSettings settings, AttackCounters counters, ShareFlood flood, byte[] lineAtLimit,
            byte[] lineOverLimit) {
        this.settings = settings;
        this.counters = counters;
        this.flood = flood;
        this.lineAtLimit = lineAtLimit;
        this.lineOverLimit = lineOverLimit;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        openNs = System.nanoTime();
        counters.countOpened();
        AttackKind kind = settings.kind();
        if (kind == AttackKind.CHURN) {
            closeAs(ctx, AttackEnd.CLOSED_BY_US);
            return;
        }
        first(ctx, kind);
        if (repeats(kind)) {
            long intervalNs = settings.intervalNs();
            ticks = ctx.executor().scheduleAtFixedRate(() -> tick(ctx), intervalNs, intervalNs,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** What a connection sends as it opens. */
    private void first(ChannelHandlerContext ctx, AttackKind kind) {
        switch (kind) {
            case SLOWLORIS -> send(ctx, AttackPayloads.SLOW_START, 0);
            case NO_READ -> send(ctx, AttackPayloads.SUBSCRIBE, 1);
            case LINE_OVER_LIMIT -> send(ctx, lineOverLimit, 1);
            case LINE_MEGABYTES -> send(ctx, AttackPayloads.MEGABYTES, 1);
            case INVALID_UTF8 -> send(ctx, AttackPayloads.INVALID_UTF8, 1);
            case TLS_HELLO -> send(ctx, AttackPayloads.TLS_HELLO, 0);
            case DUPLICATE_FLOOD, STALE_FLOOD, INVALID_FLOOD -> send(ctx, AttackPayloads.SUBSCRIBE, 1);
            default -> tick(ctx);
        }
    }

    /** @return whether the kind sends again at its rate while the connection lasts (the others send once) */
    private static boolean repeats(AttackKind kind) {
        return switch (kind) {
            case SLOWLORIS, LINE_AT_LIMIT, DEEP_NESTING, HUGE_NUMBERS, GIANT_BATCH, HTTP_REQUEST,
                    MALFORMED_FLOOD,
                    DUPLICATE_FLOOD, STALE_FLOOD, INVALID_FLOOD ->
                true;
            default -> false;
        };
    }

    private void tick(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            return; // the endpoint does not read: piling up more here would measure our own buffers
        }
        switch (settings.kind()) {
            case SLOWLORIS -> send(ctx, AttackPayloads.SLOW_BYTE, 0);
            case LINE_AT_LIMIT -> send(ctx, lineAtLimit, 1);
            case DEEP_NESTING -> send(ctx, AttackPayloads.DEEP_NESTING, 1);
            case HUGE_NUMBERS -> send(ctx, AttackPayloads.HUGE_NUMBERS, 1);
            case GIANT_BATCH -> send(ctx, AttackPayloads.GIANT_BATCH, 1);
            case HTTP_REQUEST -> send(ctx, AttackPayloads.HTTP_REQUEST, AttackPayloads.HTTP_LINES);
            case MALFORMED_FLOOD -> send(ctx, AttackPayloads.MALFORMED, 1);
            case DUPLICATE_FLOOD, STALE_FLOOD, INVALID_FLOOD -> {
                byte[] submit = flood.nextSubmit(settings.kind());
                if (submit != null) {
                    send(ctx, submit, 1);
                }
            }
            default -> {
            }
        }
    }

    private void send(ChannelHandlerContext ctx, byte[] payload, int lines) {
        counters.sent(lines, payload.length);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(payload), ctx.voidPromise());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        String text = line.toString(StandardCharsets.UTF_8);
        String kind = Answers.kindOf(text);
        counters.answered(kind);
        lastLineWasError = kind.startsWith(Answers.ERROR_PREFIX);
        if (kind.equals(Answers.NOTIFY) && flood != null) {
            flood.notified(text);
        }
    }

    /**
     * Closes the connection from this side, counted as {@code end} unless it had already ended. Called on the
     * channel's event loop.
     *
     * @param end how the connection counts as ended
     */
    void closeAs(AttackEnd end) {
        closeAs(context, end);
    }

    private void closeAs(ChannelHandlerContext ctx, AttackEnd end) {
        if (closingAs == null) {
            closingAs = end;
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ticks != null) {
            ticks.cancel(false);
        }
        AttackEnd end = closingAs != null
                ? closingAs
                : reset
                        ? AttackEnd.RESET
                        : lastLineWasError ? AttackEnd.CLOSED_AFTER_ERROR : AttackEnd.CLOSED_SILENTLY;
        counters.ended(end, System.nanoTime() - openNs);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            reset = true; // a reset or a broken pipe: the endpoint dropped the connection hard
        } else {
            counters.answered(Answers.OTHER); // an answer line too long even for us
        }
        ctx.close();
    }
}
