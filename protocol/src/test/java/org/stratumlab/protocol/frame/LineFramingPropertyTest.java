package org.stratumlab.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.stratumlab.testing.EventRecorder;
import org.stratumlab.testing.property.CountingAllocator;
import org.stratumlab.testing.property.FramingModel;
import org.stratumlab.testing.property.LeakWatch;
import org.stratumlab.testing.property.Property;
import org.stratumlab.testing.property.Shrink;
import org.stratumlab.testing.property.WireBytes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Framing as a property: any byte stream, cut into any chunks, gives exactly the lines, over-long-line errors and
 * invalid-UTF-8 errors that the reference model of docs/protocol.md §1 and §7 ({@link FramingModel}, written from
 * the document, not from the decoder) predicts, and leaves no buffer referenced. Without the server's terminal
 * handler nothing closes, so the decoder's resumption after each error is checked too.
 */
class LineFramingPropertyTest {
    private static final String TOO_LONG = "!" + LineTooLongException.class.getSimpleName();
    private static final String INVALID_UTF8 = "!" + InvalidUtf8Exception.class.getSimpleName();

    /** One case: the limit, the stream, and the seed that cuts it into chunks. */
    record Case(int maxLineBytes, byte[] stream, long chunkSeed) {
        Case withStream(byte[] shorter) {
            return new Case(maxLineBytes, shorter, chunkSeed);
        }

        @Override
        public String toString() {
            return "maxLineBytes " + maxLineBytes + ", chunk seed " + chunkSeed + ", stream "
                    + Property.showBytes(stream);
        }
    }

    @Test
    void anyStreamInAnyChunksFramesAsTheModelSays() {
        try (LeakWatch leaks = LeakWatch.open()) {
            Property.forAll("framing matches the model", LineFramingPropertyTest::newCase)
                    .shrinkWith(Shrink.of(Case::stream, Case::withStream, Shrink.bytes()))
                    .tries(30_000).check(LineFramingPropertyTest::framesAsModelled);
            leaks.assertNoLeaks();
        }
    }

    private static Case newCase(SplittableRandom random) {
        int maxLineBytes = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 4 + random.nextInt(60);
        return new Case(maxLineBytes, WireBytes.stream(random, 1 + random.nextInt(12), maxLineBytes),
                random.nextLong());
    }

    private static void framesAsModelled(Case c) {
        EventRecorder recorder = new EventRecorder();
        EmbeddedChannel channel = new EmbeddedChannel();
        CountingAllocator allocator = new CountingAllocator(); // the decoder's cumulation comes from here
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast(new LineFrameDecoder(c.maxLineBytes()), Utf8ValidationHandler.INSTANCE,
                recorder);
        List<ByteBuf> inputs = new ArrayList<>();
        SplittableRandom chunks = new SplittableRandom(c.chunkSeed());
        for (int at = 0; at < c.stream().length;) {
            int size = Math.min(c.stream().length - at, 1 + chunks.nextInt(chunks.nextBoolean() ? 4 : 80));
            ByteBuf chunk = chunks.nextBoolean()
                    ? PooledByteBufAllocator.DEFAULT.directBuffer(size)
                    : PooledByteBufAllocator.DEFAULT.heapBuffer(size);
            inputs.add(chunk.writeBytes(c.stream(), at, size));
            channel.writeInbound(chunk);
            at += size;
        }
        channel.finishAndReleaseAll();
        assertEquals(FramingModel.events(c.stream(), c.maxLineBytes(), TOO_LONG, INVALID_UTF8),
                recorder.events());
        for (ByteBuf buf : inputs) {
            assertEquals(0, buf.refCnt(), "an input chunk is still referenced");
        }
        for (ByteBuf line : recorder.lines()) {
            assertEquals(0, line.refCnt(), "a line is still referenced");
        }
        allocator.assertAllReleased();
    }
}
