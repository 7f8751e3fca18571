package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;
import org.stratumlab.testing.LineClient;
import org.stratumlab.testing.property.FramingModel;
import org.stratumlab.testing.property.Property;
import org.stratumlab.testing.property.Shrink;
import org.stratumlab.testing.property.WireBytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Framing over real TCP, as a property: random byte streams in random chunks to a real server. The connection
 * answers one line per line the framing model ({@link FramingModel}) delivers, and at the model's first over-long
 * line writes the documented error line and closes, at its first line that is not UTF-8 closes without a word
 * (docs/protocol.md §1, §7); a stream without either is still served afterwards. The server counts no unexpected
 * error.
 */
class SocketFramingPropertyTest {
    private static final int MAX_LINE_BYTES = 64; // the least the server accepts
    private static final String TOO_LONG = "too long";
    private static final String INVALID_UTF8 = "invalid UTF-8";
    private static final String INVALID_REQUEST = Wire.error(-32600, "Invalid request", "null");

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    /** A stream, always ending with a line end, and the seed that cuts it into writes. */
    record Case(byte[] stream, long chunkSeed) {
        Case withStream(byte[] shorter) {
            return new Case(shorter, chunkSeed);
        }

        @Override
        public String toString() {
            return "chunk seed " + chunkSeed + ", stream " + Property.showBytes(stream);
        }
    }

    @Test
    @Timeout(120)
    void aRealConnectionAnswersOrClosesAsTheModelSays() throws IOException {
        StratumServer server = fixture.start(b -> b.maxLineBytes(MAX_LINE_BYTES).subscribeTimeoutNs(0));
        Property.forAll("a real connection frames as the model says", random -> {
            byte[] stream = WireBytes.stream(random, 1 + random.nextInt(10), MAX_LINE_BYTES);
            byte[] ended = java.util.Arrays.copyOf(stream, stream.length + 1);
            ended[stream.length] = '\n'; // no unfinished line: the model then fixes every byte's fate
            return new Case(ended, random.nextLong());
        }).shrinkWith(Shrink.of(Case::stream, Case::withStream, Shrink.bytes())).tries(300).check(c -> {
            try {
                servedAsModelled(server, c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals(Map.of(), server.metrics().unexpectedErrors().snapshot());
    }

    private static void servedAsModelled(StratumServer server, Case c) throws IOException {
        List<Object> events = FramingModel.events(c.stream(), MAX_LINE_BYTES, TOO_LONG, INVALID_UTF8);
        int closing = events.indexOf(TOO_LONG);
        int invalid = events.indexOf(INVALID_UTF8);
        if (invalid >= 0 && (closing < 0 || invalid < closing)) {
            closing = invalid;
        }
        try (LineClient client = LineClient.connect(server.localAddress())) {
            send(client, closing < 0 ? c.stream() : upToTheClose(c.stream()), c.chunkSeed());
            int answered = closing < 0 ? events.size() : closing;
            for (int i = 0; i < answered; i++) {
                String reply = client.readLine(ServerFixture.WAIT);
                String line = (String) events.get(i);
                if (!startsLikeARequest(line)) {
                    assertEquals(Wire.PARSE_ERROR, reply, "line " + (i + 1) + ": " + line);
                }
            }
            if (closing < 0) {
                client.send("[]"); // still served, in order
                assertEquals(INVALID_REQUEST, client.readLine(ServerFixture.WAIT));
                return;
            }
            if (events.get(closing) == TOO_LONG) {
                assertEquals(Wire.LINE_TOO_LONG, client.readLine(ServerFixture.WAIT));
            }
            client.assertClosed(ServerFixture.WAIT);
        }
    }

    /**
     * The stream up to the point where the server must close: the bytes that make the first over-long line too
     * long, or the first invalid line's end. Nothing is sent after it, so that the close is a clean one (bytes
     * arriving after a close would make it a reset, which may discard the replies in flight).
     */
    private static byte[] upToTheClose(byte[] stream) {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        int lineStart = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] != '\n') {
                continue;
            }
            byte[] line = java.util.Arrays.copyOfRange(stream, lineStart, i + 1);
            List<Object> event = FramingModel.events(line, MAX_LINE_BYTES, TOO_LONG, INVALID_UTF8);
            if (event.get(0) == TOO_LONG) {
                sent.write(line, 0, Math.min(line.length - 1, MAX_LINE_BYTES + 2));
                return sent.toByteArray();
            }
            sent.write(line, 0, line.length);
            if (event.get(0) == INVALID_UTF8) {
                return sent.toByteArray();
            }
            lineStart = i + 1;
        }
        throw new IllegalStateException("no closing line");
    }

    private static void send(LineClient client, byte[] bytes, long chunkSeed) throws IOException {
        SplittableRandom chunks = new SplittableRandom(chunkSeed);
        for (int at = 0; at < bytes.length;) {
            int size = Math.min(bytes.length - at, 1 + chunks.nextInt(40));
            client.sendRaw(java.util.Arrays.copyOfRange(bytes, at, at + size));
            at += size;
        }
    }

    /** A line whose first non-blank character opens an object or array may be anything; others are parse errors. */
    private static boolean startsLikeARequest(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }
}
