package org.stratumlab.server.notify;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * Who receives notifies, and the fan-out to them (docs/protocol.md §3–4).
 *
 * <p>Subscribers are kept per event loop, and each loop's set is touched only by that loop's thread: subscribe
 * and unsubscribe run on the channel's loop, and a broadcast hands each loop one task that walks its own set. So
 * there are no locks, and a job costs one task per loop rather than one per channel (compare Netty's
 * {@code DefaultChannelGroup.write}, which writes channel by channel from the caller).
 *
 * <p>Subscribing again renames (the worker id is replaced). The node keys subscribers by remote address; a TCP
 * connection is unique by that address, so keying by channel is the same.
 */
public final class SubscriberRegistry {
    /** The worker id a connection subscribed with, for logs and tests. */
    public static final AttributeKey<String> WORKER_ID = AttributeKey.valueOf("stratumlab.workerId");

    private final Map<EventExecutor, Map<Channel, NotifyWriter>> subscribersByLoop = new ConcurrentHashMap<>();
    private final ServerMetrics metrics;

    /** @param metrics where the subscribed gauge lives */
    public SubscriberRegistry(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Registers or renames a subscriber. Call on the channel's event loop.
     *
     * @param channel the connection
     * @param writer its notify writer
     * @param workerId the worker id it subscribed with
     */
    public void subscribe(Channel channel, NotifyWriter writer, String workerId) {
        channel.attr(WORKER_ID).set(workerId);
        Map<Channel, NotifyWriter> local = subscribersByLoop.computeIfAbsent(channel.eventLoop(),
                l -> new HashMap<>());
        if (local.put(channel, writer) == null) {
            metrics.subscribedChanged(1);
        }
    }

    /**
     * Forgets a connection, if it had subscribed. Call on the channel's event loop when it closes.
     *
     * @param channel the connection
     */
    public void unsubscribe(Channel channel) {
        Map<Channel, NotifyWriter> local = subscribersByLoop.get(channel.eventLoop());
        if (local != null && local.remove(channel) != null) {
            metrics.subscribedChanged(-1);
        }
    }

    /**
     * Counts the registry's entries, each loop's on its own thread (its map is that thread's alone). Call from a
     * thread that is not one of the loops, rarely (a resource reading): it waits for every loop in turn. A loop
     * that is shut down or does not answer within a second is counted from here; it has no writer left, or the
     * count may be a moment old.
     *
     * @return how many connections are registered, over every loop
     */
    public long size() {
        long total = 0;
        for (Map.Entry<EventExecutor, Map<Channel, NotifyWriter>> entry : subscribersByLoop.entrySet()) {
            Map<Channel, NotifyWriter> local = entry.getValue();
            io.netty.util.concurrent.Future<Integer> count;
            try {
                count = entry.getKey().submit(local::size);
            } catch (RejectedExecutionException shutDown) {
                total += local.size();
                continue;
            }
            total += count.awaitUninterruptibly(1, TimeUnit.SECONDS) && count.isSuccess()
                    ? count.getNow()
                    : local.size();
        }
        return total;
    }

    /**
     * Sends one notify line to every subscriber. Callable from any thread; does not take ownership of
     * {@code line} (each loop's task holds its own reference until it has written).
     *
     * @param line the encoded notify, written as is to every subscriber
     */
    public void broadcast(ByteBuf line) {
        subscribersByLoop.forEach((loop, local) -> {
            line.retain();
            try {
                loop.execute(() -> writeAll(local, line));
            } catch (RejectedExecutionException shuttingDown) {
                line.release();
            }
        });
    }

    private static void writeAll(Map<Channel, NotifyWriter> local, ByteBuf line) {
        try {
            for (NotifyWriter writer : local.values()) {
                writer.push(line);
            }
        } finally {
            line.release();
        }
    }
}
