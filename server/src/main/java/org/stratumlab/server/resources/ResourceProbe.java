package org.stratumlab.server.resources;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import com.sun.management.GcInfo;
import com.sun.management.UnixOperatingSystemMXBean;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.LongSupplier;

/**
 * Reads the simulator's resources ({@link ResourceReading}) and exposes the cheap ones as Prometheus gauges.
 *
 * <p>A reading runs {@code System.gc()} first, so that the heap it reports is the live heap, exact from one
 * reading to the next; that full collection pauses the server (tens of milliseconds for a few thousand
 * connections), which is the price of a heap curve that a leak cannot hide in. A scrape never collects: its
 * {@code stratum_heap_after_last_gc_bytes} is what the JVM's most recent collection left, whatever kind it was.
 *
 * <p>{@link #read} is called from a thread that is not an event loop (the run's, or a child JVM's main thread);
 * the gauges from the scrape's thread.
 */
public final class ResourceProbe {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final LongSupplier connections;
    private final LongSupplier subscribers;
    private final LongSupplier openChannels;
    private final LongSupplier heldConnections;

    /**
     * @param connections open connections, as counted
     * @param subscribers entries of the subscriber registry
     * @param openChannels channels in the group that shutdown closes
     * @param heldConnections connections held for a place (0 without {@code --node-limits})
     */
    public ResourceProbe(LongSupplier connections, LongSupplier subscribers, LongSupplier openChannels,
            LongSupplier heldConnections) {
        this.connections = connections;
        this.subscribers = subscribers;
        this.openChannels = openChannels;
        this.heldConnections = heldConnections;
    }

    /** @return the resources now, after a full collection */
    public ResourceReading read() {
        System.gc();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        return new ResourceReading(heap.getUsed(), heap.getCommitted(), openFds(), connections.getAsLong(),
                subscribers.getAsLong(), openChannels.getAsLong(), heldConnections.getAsLong(),
                directBytes());
    }

    /** @return the direct memory of Netty's default allocator (the servers' buffers), or -1 if it cannot tell */
    static long directBytes() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider metered
                ? metered.metric().usedDirectMemory()
                : -1;
    }

    /** @return the open file descriptors, or -1 where the JVM does not count them */
    public long openFds() {
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /**
     * Registers {@code stratum_process_open_fds}, {@code stratum_heap_committed_bytes} and
     * {@code stratum_heap_after_last_gc_bytes}, each read at scrape time without collecting.
     *
     * @param registry the server's registry
     */
    public void register(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("stratum_process_open_fds")
                .help("File descriptors the server's process has open (-1 where the JVM cannot tell).")
                .callback(point -> point.call(openFds())).register(registry);
        GaugeWithCallback.builder().name("stratum_heap_committed_bytes")
                .help("Heap the server's JVM has reserved from the operating system.")
                .callback(point -> point.call(memory.getHeapMemoryUsage().getCommitted())).register(registry);
        GaugeWithCallback.builder().name("stratum_heap_after_last_gc_bytes")
                .help("Heap used after the JVM's most recent collection of any kind (a scrape never collects; "
                        + "a young collection leaves old garbage in place, so this is an upper bound of the "
                        + "live heap).")
                .callback(point -> point.call(heapAfterLastGc())).register(registry);
    }

    /** @return the heap the latest collection left, summed over the heap's pools, or -1 before any */
    static long heapAfterLastGc() {
        GcInfo latest = null;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof com.sun.management.GarbageCollectorMXBean gc) {
                GcInfo info = gc.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return -1;
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP
                    ? latest.getMemoryUsageAfterGc().get(pool.getName())
                    : null;
            used += after == null ? 0 : after.getUsed();
        }
        return used;
    }
}
