package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;
import org.stratumlab.server.notify.NotifyWriter;

/**
 * One connection's replies in request order while Octopus checks are pending (docs/protocol.md §1: requests on
 * one connection are answered in order). With nothing pending, a reply is written at once, exactly as before; once
 * a submit waits for its check, every later reply (a subscribe's, an error, the rest of a batch line) queues behind
 * it and is written when everything before it is.
 *
 * <p>Backpressure: when the pool's queue is full the submit is held here, reading from the connection stops
 * (counted once per stop, {@code stratum_share_check_backpressure_total}) and resumes once every pending reply of
 * the connection has been written. Held submits are offered again, in order, whenever the pool makes room.
 *
 * <p>Stateful, one per channel; every method except the wakeup runs on the channel's event loop.
 */
final class OrderedReplies {
    /** In the queue: push the current job here, after the subscribe reply before it. */
    private static final Object NOTIFY_AFTER_SUBSCRIBE = new Object();

    private final MiningCalls calls;
    private final NotifyWriter notifyWriter;
    /** Ready lines ({@link ByteBuf}), pending submits and notify markers, oldest first. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** Bound once: the pool's threads hand a connection back to its loop with these. */
    final Runnable drainTask = this::drain;
    private final Runnable offerHeldTask = this::offerHeld;
    private final Runnable wakeup = () -> ctx().executor().execute(offerHeldTask);
    private ChannelHandlerContext ctx;
    private int held;
    private boolean paused;
    private boolean waitingForRoom;
    private boolean closed;

    OrderedReplies(MiningCalls calls, NotifyWriter notifyWriter) {
        this.calls = calls;
        this.notifyWriter = notifyWriter;
    }

    void attach(ChannelHandlerContext context) {
        this.ctx = context;
    }

    private ChannelHandlerContext ctx() {
        return ctx;
    }

    /** @param bytes reply bytes, written now when nothing is pending before them; ownership passes here */
    void write(ByteBuf bytes) {
        if (!bytes.isReadable()) {
            bytes.release(); // the empty part before a pending submit
        } else if (queue.isEmpty()) {
            ctx.write(bytes, ctx.voidPromise());
        } else {
            queue.add(bytes);
        }
    }

    /** The current job is pushed after the replies so far (a subscribe reply first, then its job). */
    void notifyAfterSubscribe() {
        if (queue.isEmpty()) {
            calls.notifyAfterSubscribe(notifyWriter);
        } else {
            queue.add(NOTIFY_AFTER_SUBSCRIBE);
        }
    }

    /** @param submit a submit to check on the pool; its reply takes its place in the order */
    void check(PendingSubmit submit) {
        queue.add(submit);
        if (held > 0 || !calls.offer(submit)) {
            hold(submit); // behind others already held, or the pool is full
        }
    }

    private void hold(PendingSubmit submit) {
        submit.held = true;
        held++;
        if (!paused) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
            calls.metrics().checkBackpressure();
        }
        awaitRoom();
    }

    private void awaitRoom() {
        if (waitingForRoom) {
            return;
        }
        waitingForRoom = true;
        calls.whenRoom(wakeup);
        offerHeldInOrder(); // room may have been made between the refused offer and the registration
    }

    /** Woken by the pool: it took a check, so there is room for one more. */
    private void offerHeld() {
        waitingForRoom = false;
        if (closed || held == 0) {
            calls.passRoomOn(); // the room is someone else's
            return;
        }
        offerHeldInOrder();
    }

    private void offerHeldInOrder() {
        for (Object item : queue) {
            if (item instanceof PendingSubmit submit && submit.held) {
                if (!calls.offer(submit)) {
                    awaitRoom();
                    return;
                }
                submit.held = false;
                held--;
            }
        }
    }

    /** Writes every reply whose turn has come; the pool calls it (through the loop) after each check. */
    private void drain() {
        if (closed) {
            return;
        }
        while (!queue.isEmpty() && ready(queue.peek())) {
            Object item = queue.poll();
            if (item instanceof ByteBuf bytes) {
                ctx.write(bytes, ctx.voidPromise());
            } else if (item instanceof PendingSubmit submit) {
                ByteBuf reply = ctx.alloc().buffer(160);
                calls.finishSubmit(submit, reply);
                ctx.write(reply, ctx.voidPromise());
            } else {
                calls.notifyAfterSubscribe(notifyWriter);
            }
        }
        ctx.flush();
        if (queue.isEmpty() && paused) {
            paused = false;
            if (ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(true); // else the write backlog's own resume does it
            }
        }
    }

    private static boolean ready(Object item) {
        return !(item instanceof PendingSubmit submit) || submit.isChecked();
    }

    /** The connection's writability changed and someone resumed reading: not while checks are backed up. */
    void keepPausedIfBackedUp() {
        if (paused) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /** The connection is gone: releases what was never written, and tells the pool to skip its checks. */
    void close() {
        closed = true;
        for (Object item : queue) {
            if (item instanceof ByteBuf bytes) {
                bytes.release();
            } else if (item instanceof PendingSubmit submit) {
                submit.unwanted();
            }
        }
        queue.clear();
    }
}
