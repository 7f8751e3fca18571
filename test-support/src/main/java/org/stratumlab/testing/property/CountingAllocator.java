package org.stratumlab.testing.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that keeps every buffer it hands out, so that a test can check each one was released: exact and
 * immediate where Netty's leak detector is statistical, waits for the garbage collector, and at its paranoid level
 * costs a stack trace per access. Give it to a channel ({@code channel.config().setAllocator(...)}) and everything
 * the pipeline allocates through {@code ctx.alloc()} is counted. Unpooled; not thread-safe (one channel's loop).
 */
public final class CountingAllocator extends AbstractByteBufAllocator {
    private final List<ByteBuf> allocated = new ArrayList<>();

    /** An allocator of heap buffers by default, like Netty's unpooled one. */
    public CountingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return keep(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return keep(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private ByteBuf keep(ByteBuf buf) {
        allocated.add(buf);
        return buf;
    }

    /** @return how many buffers were handed out */
    public int allocatedCount() {
        return allocated.size();
    }

    /** Fails unless every buffer handed out has been released. */
    public void assertAllReleased() {
        long held = allocated.stream().filter(buf -> buf.refCnt() != 0).count();
        assertEquals(0, held, held + " of " + allocated.size() + " allocated buffers are still referenced");
    }
}
