package org.stratumlab.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/** docs/protocol.md §1, transport and framing, over real loopback TCP: what each kind of line gets back. */
@Timeout(20)
class FramingTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"not json", "", "   ", "{\"id\":1}{\"id\":2}",
            "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"w\",\"\"]} {\"id\":2}", "{\"id\":1,",
            "\"a string\"", "42", "null", "[1,2]"})
    void lineThatIsNotExactlyOneRequestGetsParseErrorAndConnectionStaysOpen(String line) throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(line);

        assertArrayEquals((Wire.PARSE_ERROR + "\n").getBytes(UTF_8),
                client.readRawBytes(Wire.PARSE_ERROR.length() + 1, WAIT));
        fixture.subscribe(client, "still-served");
    }

    @Test
    void crlfLineEndIsAccepted() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.sendRaw((Wire.subscribe("1", "w", "") + "\r\n").getBytes(UTF_8));

        assertEquals(Wire.result("true", "1"), client.readLine(WAIT));
    }

    @Test
    void requestsSentTogetherAreAnsweredInOrder() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", "") + "\n{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"nope\"}\n"
                + "garbage\n" + Wire.subscribe("\"four\"", "w", ""));

        assertEquals(Wire.result("true", "1"), client.readLine(WAIT));
        assertEquals(Wire.error(-32601, "Method not found", "2"), client.readLine(WAIT));
        assertEquals(Wire.PARSE_ERROR, client.readLine(WAIT));
        assertEquals(Wire.result("true", "\"four\""), client.readLine(WAIT));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ff", "c0af", "eda080", "f4908080", "e282"})
    void invalidUtf8ClosesConnectionWithoutReply(String badBytesHex) throws IOException {
        fixture.start();
        LineClient client = fixture.connect();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":[\"w"
                .getBytes(UTF_8));
        line.writeBytes(HexFormat.of().parseHex(badBytesHex));
        line.writeBytes("\",\"\"]}\n".getBytes(UTF_8));

        client.sendRaw(line.toByteArray());

        client.assertClosed(WAIT);
        fixture.awaitMetrics("the close is counted",
                m -> m.rejectedByReason().get(Rejection.INVALID_UTF8) == 1);
        fixture.awaitMetrics("nothing stays subscribed", m -> m.subscribed() == 0 && m.connections() == 0);
    }

    @Test
    void validMultiByteUtf8IsAccepted() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("\"\u00e9t\u00e9 \u26cf \ud83d\ude80\"", "w\u00f6rker", ""));

        assertEquals(Wire.result("true", "\"\u00e9t\u00e9 \u26cf \ud83d\ude80\""), client.readLine(WAIT));
    }
}
