package org.stratumlab.server.notify;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.atomic.AtomicLong;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.chain.Job;

/**
 * Turns jobs into notify lines: takes the next id from the one global counter (docs/protocol.md §4: starts at 16,
 * incremented before each push, even when nobody is subscribed), encodes the line once, and hands it to the
 * registry or to one connection.
 *
 * <p>Thread-safe: the chain thread broadcasts, event loops push single notifies after a subscribe.
 */
public final class NotifyBroadcaster {
    /** The counter's value before the first push: the first notify has id 17. */
    public static final long INITIAL_NOTIFY_ID = 16;

    private final AtomicLong notifyIds = new AtomicLong(INITIAL_NOTIFY_ID);
    private final Dialect dialect;
    private final SubscriberRegistry registry;
    private final ByteBufAllocator alloc;

    /**
     * @param dialect how notifies are spelled
     * @param registry the subscribers
     * @param alloc where notify lines are allocated
     */
    public NotifyBroadcaster(Dialect dialect, SubscriberRegistry registry, ByteBufAllocator alloc) {
        this.dialect = dialect;
        this.registry = registry;
        this.alloc = alloc;
    }

    /** @param job the job every subscriber gets */
    public void broadcast(Job job) {
        ByteBuf line = encode(job);
        try {
            registry.broadcast(line);
        } finally {
            line.release();
        }
    }

    /**
     * Sends a job to one connection ({@code --notify-on-subscribe}). Call on the connection's event loop.
     *
     * @param job the job
     * @param writer the connection's notify writer
     */
    public void pushTo(Job job, NotifyWriter writer) {
        ByteBuf line = encode(job);
        try {
            writer.push(line);
        } finally {
            line.release();
        }
    }

    private ByteBuf encode(Job job) {
        return dialect.encodeNotify(alloc, notifyIds.incrementAndGet(), job.powHash(), job.height(),
                job.boundary());
    }
}
