package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.server.chain.Job;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Solutions;
import org.stratumlab.server.testing.Wire;

/** docs/protocol.md §1–2, the JSON-RPC rules as the node applies them: versions, ids, errors, batches, notifications. */
@Timeout(20)
class JsonRpcRulesTest {
    private static final String SUBSCRIBE_PARAMS = "\"params\":[\"w\",\"\"]";

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @Test
    void requestWithoutJsonrpcGetsResponseWithoutJsonrpc() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send("{\"id\":1,\"method\":\"mining.subscribe\"," + SUBSCRIBE_PARAMS + "}");
        client.send("{\"id\":2,\"method\":\"mining.nope\"}");

        assertEquals("{\"result\":true,\"id\":1}", client.readLine(WAIT));
        assertEquals("{\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":2}",
                client.readLine(WAIT));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"jsonrpc\":\"1.0\"", "\"jsonrpc\":null", "\"jsonrpc\":2.0", "\"extra\":1",
            "\"jsonrpc\":\"2.0\",\"extra\":{}", "\"method\":5", "\"params\":\"text\""})
    void invalidRequestIsAnsweredWithItsId(String member) throws IOException {
        fixture.start();
        LineClient client = fixture.connect();
        String method = member.startsWith("\"method\"") ? "" : "\"method\":\"mining.subscribe\",";

        client.send("{\"id\":7," + method + member + "}");

        assertEquals(Wire.error(-32600, "Invalid request", "7"), client.readLine(WAIT));
        fixture.subscribe(client, "still-served");
    }

    @Test
    void unknownMethodIsMethodNotFound() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send("{\"id\":3,\"jsonrpc\":\"2.0\",\"method\":\"mining.authorize\",\"params\":[\"w\",\"\"]}");

        assertEquals(Wire.error(-32601, "Method not found", "3"), client.readLine(WAIT));
    }

    @ParameterizedTest(name = "[{index}] id {0}")
    @ValueSource(strings = {"0", "1", "1023", "1024", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "\"abc\"", "\"\"", "\"42\"", "\"quote\\\"d\"", "null"})
    void idIsEchoedInTypeAndValue(String id) throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(Wire.subscribe(id, "w", ""));
        client.send("{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"nope\"}");

        assertEquals(Wire.result("true", id), client.readLine(WAIT));
        assertEquals(Wire.error(-32601, "Method not found", id), client.readLine(WAIT));
    }

    @ParameterizedTest(name = "[{index}] id {0}")
    @ValueSource(strings = {"18446744073709551616", "-1", "1.5", "1e3", "true", "[1]", "{}"})
    void idTheNodeCannotReadIsParseError(String id) throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(Wire.subscribe(id, "w", ""));

        assertEquals(Wire.PARSE_ERROR, client.readLine(WAIT));
    }

    @Test
    void batchGetsOneArrayLineWithoutNotifications() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(
                "[" + Wire.subscribe("1", "w", "") + ",{\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\","
                        + SUBSCRIBE_PARAMS + "},{\"id\":\"b\",\"jsonrpc\":\"2.0\",\"method\":\"nope\"},"
                        + "{\"id\":3,\"method\":\"mining.subscribe\"," + SUBSCRIBE_PARAMS
                        + "},{\"id\":4,\"bad\":1}]");

        assertEquals("[" + Wire.result("true", "1") + "," + Wire.error(-32601, "Method not found", "\"b\"")
                + ",{\"result\":true,\"id\":3}," + Wire.error(-32600, "Invalid request", "4") + "]",
                client.readLine(WAIT));
    }

    @Test
    void batchOfNotificationsOnlyGetsEmptyLine() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send("[{\"jsonrpc\":\"2.0\",\"method\":\"nope\"},{\"method\":\"mining.subscribe\","
                + SUBSCRIBE_PARAMS + "}]");

        assertEquals("", client.readLine(WAIT));
        assertEquals(0, fixture.metrics().subscribed());
    }

    @Test
    void emptyBatchIsInvalidRequestWithNullId() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send("[]");

        assertEquals(Wire.error(-32600, "Invalid request", "null"), client.readLine(WAIT));
    }

    @Test
    void subscribeSentAsNotificationGetsEmptyLineAndDoesNotRegister() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\"," + SUBSCRIBE_PARAMS + "}");

        assertEquals("", client.readLine(WAIT));
        assertEquals(0, fixture.metrics().subscribed());
        LineClient witness = fixture.subscribed("witness");
        fixture.server().blocks().newJobNow();
        assertEquals(Wire.notify(fixture.server().config().dialect(), 17, fixture.predictedJobs(2).get(1)),
                witness.readLine(WAIT));
        fixture.assertNothingPending(client);
    }

    @Test
    void submitSentAsNotificationGetsEmptyLineAndIsNotExecuted() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();
        Job job = fixture.server().chain().current();
        String solution = Wire.submit("1", "w", job, Solutions.validNonce(job).toMinimalHex());

        client.send(solution.replace("{\"id\":1,", "{"));

        assertEquals("", client.readLine(WAIT));
        assertEquals(0, fixture.metrics().submitsTotal());
        client.send(solution);
        assertEquals(Wire.result("[true]", "1"), client.readLine(WAIT), "the nonce was not used up");
    }
}
