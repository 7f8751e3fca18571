package org.stratumlab.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/**
 * The defences the node lacks: over-long lines, the connection limit, and parser
 * limits on deeply nested or huge values. Each closed connection is counted by reason. The idle timeout is
 * tested in virtual time, in {@code session.IdleTimeoutTest}.
 */
@Timeout(20)
class DefenceTest {
    private static final byte[] LINE_TOO_LONG = (Wire.LINE_TOO_LONG + "\n").getBytes(UTF_8);

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @ParameterizedTest(name = "[{index}] {0} bytes")
    @ValueSource(ints = {1025, 5000})
    void overLongLineWithoutLineEndIsAnsweredAndClosed(int length) throws IOException {
        fixture.start(b -> b.maxLineBytes(1024));
        LineClient client = fixture.connect();

        client.sendRaw("x".repeat(length).getBytes(UTF_8));

        assertArrayEquals(LINE_TOO_LONG, client.readRawBytes(LINE_TOO_LONG.length, WAIT));
        client.assertClosed(WAIT);
        fixture.awaitMetrics("the close is counted",
                m -> m.rejectedByReason().get(Rejection.LINE_TOO_LONG) == 1);
    }

    @Test
    void overLongLineWithLineEndIsAnsweredAndClosed() throws IOException {
        fixture.start(b -> b.maxLineBytes(1024));
        LineClient client = fixture.connect();

        client.send(
                "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"" + "w".repeat(2000) + "\",\"\"]}");

        assertArrayEquals(LINE_TOO_LONG, client.readRawBytes(LINE_TOO_LONG.length, WAIT));
        client.assertClosed(WAIT);
        fixture.awaitMetrics("the close is counted",
                m -> m.rejectedByReason().get(Rejection.LINE_TOO_LONG) == 1);
        assertEquals(0, fixture.metrics().subscribed());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\n", "\r\n"})
    void lineOfExactlyTheLimitIsServed(String lineEnd) throws IOException {
        fixture.start(b -> b.maxLineBytes(1024));
        LineClient client = fixture.connect();
        String request = Wire.subscribe("1", "w", "");
        String padded = request.substring(0, request.length() - 1) + " ".repeat(1024 - request.length())
                + "}";

        client.sendRaw((padded + lineEnd).getBytes(UTF_8));

        assertEquals(1024, padded.length());
        assertEquals(Wire.result("true", "1"), client.readLine(WAIT));
    }

    @Test
    void connectionOverTheLimitIsClosedAtOnceAndCounted() throws IOException {
        fixture.start(b -> b.maxConnections(2));
        LineClient first = fixture.subscribed("first");
        LineClient second = fixture.subscribed("second");

        LineClient third = fixture.connect();

        third.assertClosed(WAIT);
        fixture.awaitMetrics("the rejection is counted", m -> m.rejectedByReason().get(Rejection.LIMIT) == 1);
        assertEquals(2, fixture.metrics().connections());
        fixture.subscribe(first, "first");
        fixture.subscribe(second, "second");
        second.close();
        fixture.awaitMetrics("the second is gone", m -> m.connections() == 1);
        fixture.subscribed("fourth");
    }

    @ParameterizedTest(name = "[{index}] {0} levels")
    @ValueSource(ints = {128, 100_000})
    void deeplyNestedJsonIsParseErrorAndServerGoesOn(int depth) throws IOException {
        fixture.start(b -> b.maxLineBytes(1_000_000));
        LineClient hostile = fixture.connect();
        LineClient other = fixture.connect();

        hostile.send("[".repeat(depth));
        hostile.send(callWithParamsNested(depth));

        assertEquals(Wire.PARSE_ERROR, hostile.readLine(WAIT));
        assertEquals(Wire.PARSE_ERROR, hostile.readLine(WAIT));
        fixture.subscribe(other, "other");
        fixture.subscribe(hostile, "still-served");
    }

    @Test
    void nestingUpToTheNodesDepthIsAccepted() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(callWithParamsNested(127));

        assertEquals("{\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}",
                client.readLine(WAIT));
    }

    /** @return a call whose nesting, the call object included, is {@code depth} levels */
    private static String callWithParamsNested(int depth) {
        int inner = depth - 2;
        return "{\"id\":1,\"method\":\"nope\",\"params\":[" + "[".repeat(inner) + "]".repeat(inner) + "]}";
    }

    @Test
    void deeplyNestedJsonOverTheLineLimitIsLineTooLong() throws IOException {
        fixture.start();
        LineClient hostile = fixture.connect();
        LineClient other = fixture.connect();

        hostile.send("[".repeat(20_000));

        assertArrayEquals(LINE_TOO_LONG, hostile.readRawBytes(LINE_TOO_LONG.length, WAIT));
        hostile.assertClosed(WAIT);
        fixture.subscribe(other, "other");
    }

    @Test
    void hugeStringIsParseErrorNotMemoryExhaustion() throws IOException {
        fixture.start(b -> b.maxLineBytes(4_000_000));
        LineClient hostile = fixture.connect();

        hostile.send("{\"id\":\"" + "s".repeat(1_100_000) + "\",\"method\":\"mining.subscribe\"}");
        hostile.send("{\"id\":1,\"method\":\"nope\",\"params\":[" + "9".repeat(1_500) + "]}");

        assertEquals(Wire.PARSE_ERROR, hostile.readLine(WAIT));
        assertEquals(Wire.PARSE_ERROR, hostile.readLine(WAIT));
        fixture.subscribe(hostile, "still-served");
    }
}
