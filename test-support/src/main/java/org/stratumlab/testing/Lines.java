package org.stratumlab.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Converting between test strings and buffers. */
public final class Lines {
    private Lines() {
    }

    /** @return a direct buffer holding the UTF-8 bytes of {@code text}, as a socket would deliver them */
    public static ByteBuf direct(String text) {
        return direct(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a direct buffer holding {@code bytes} */
    public static ByteBuf direct(byte... bytes) {
        ByteBuf buf = Unpooled.directBuffer(Math.max(1, bytes.length));
        return buf.writeBytes(bytes);
    }

    /** @return a heap buffer holding the UTF-8 bytes of {@code text} */
    public static ByteBuf heap(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    /** @return the readable bytes of {@code buf} decoded as UTF-8, without consuming them */
    public static String text(ByteBuf buf) {
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs a writer against a fresh buffer and returns what it wrote.
     *
     * @param writer writes into the buffer
     * @return the bytes written, as UTF-8 text
     */
    public static String written(Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        try {
            writer.accept(out);
            return text(out);
        } finally {
            out.release();
        }
    }
}
