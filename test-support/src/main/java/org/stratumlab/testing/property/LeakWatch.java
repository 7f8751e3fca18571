package org.stratumlab.testing.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects the leaks Netty's {@link ResourceLeakDetector} reports for buffers while it is open, so that a test can
 * assert there were none rather than hope someone reads the log. Netty reports a leaked buffer only after the
 * garbage collector has found it unreachable and another buffer is tracked; {@link #assertNoLeaks()} makes both
 * happen. Meaningful with {@code -Dio.netty.leakDetection.level=paranoid} (the build's setting), which tracks every
 * buffer.
 *
 * <pre>
 * try (LeakWatch leaks = LeakWatch.open()) { ...; leaks.assertNoLeaks(); }
 * </pre>
 *
 * Netty tracks the buffers of its pooled allocator and unpooled direct buffers, not unpooled heap buffers: a test
 * that wants its own buffers watched allocates them from {@link PooledByteBufAllocator#DEFAULT}. One open at a time
 * per JVM (Netty has one listener per detector).
 */
public final class LeakWatch implements AutoCloseable {
    private static final int COLLECTIONS = 5;

    private final ResourceLeakDetector<ByteBuf> detector;
    private final List<String> leaks = new CopyOnWriteArrayList<>();

    private LeakWatch(ResourceLeakDetector<ByteBuf> detector) {
        this.detector = detector;
        detector.setLeakListener((type, records) -> leaks.add(type + records));
    }

    /** @return a watch on every buffer Netty's allocators make from now on */
    public static LeakWatch open() {
        return new LeakWatch(byteBufDetector());
    }

    /** Collects garbage until the leaks so far have been reported, then fails if there were any. */
    public void assertNoLeaks() {
        ByteBufAllocator[] allocators = {UnpooledByteBufAllocator.DEFAULT, PooledByteBufAllocator.DEFAULT};
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            for (ByteBufAllocator allocator : allocators) {
                allocator.buffer(1).release(); // tracking a new buffer drains the detector's queue of leaks
                allocator.directBuffer(1).release();
            }
        }
        assertEquals(List.of(), leaks, "Netty reported leaked buffers");
    }

    @Override
    public void close() {
        detector.setLeakListener(null);
    }

    /**
     * Netty keeps the buffers' detector in a package-private field of {@code AbstractByteBuf}; the detector's
     * listener is public API, the field is not, hence the reflection.
     */
    @SuppressWarnings("unchecked")
    private static ResourceLeakDetector<ByteBuf> byteBufDetector() {
        try {
            var field = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
            field.setAccessible(true);
            return (ResourceLeakDetector<ByteBuf>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach Netty's buffer leak detector", e);
        }
    }
}
