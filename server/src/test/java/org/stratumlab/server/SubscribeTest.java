package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.chain.Job;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/** docs/protocol.md §3, {@code mining.subscribe}: params, the password check, and who is registered for notifies. */
@Timeout(20)
class SubscribeTest {
    private static final Pattern INVALID_PARAMS = Pattern
            .compile(
                    "\\{\"jsonrpc\":\"2\\.0\",\"error\":\\{\"code\":-32602,\"message\":\"Invalid params: [^\"]+\"},\"id\":9}");

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.conflux(), Dialect.doc());
    }

    @ParameterizedTest(name = "[{index}] params {0}")
    @ValueSource(strings = {"[\"w\"]", "[]", "[\"w\",\"\",\"\"]", "[1,\"\"]", "[\"w\",null]", "{\"a\":\"w\"}",
            "null"})
    void subscribeWithWrongParamsIsInvalidParams(String params) throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(
                "{\"id\":9,\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":" + params + "}");

        String reply = client.readLine(WAIT);
        assertTrue(INVALID_PARAMS.matcher(reply).matches(), reply);
        assertEquals(0, fixture.metrics().subscribed());
    }

    @Test
    void subscribeWithoutParamsIsInvalidParams() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send("{\"id\":9,\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\"}");

        String reply = client.readLine(WAIT);
        assertTrue(INVALID_PARAMS.matcher(reply).matches(), reply);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void wrongPasswordIsRefusedAndReceivesNoNotifies(Dialect dialect) throws IOException {
        fixture.start(b -> b.dialect(dialect).secret(ServerSecret.ofPassword("pw")));
        LineClient refused = fixture.connect();

        refused.send(Wire.subscribe("1", "w", "PW"));

        assertEquals(Wire.result(Wire.bool(dialect, false), "1"), refused.readLine(WAIT));
        assertEquals(0, fixture.metrics().subscribed());
        LineClient witness = fixture.connect();
        witness.send(Wire.subscribe("2", "witness", "pw"));
        assertEquals(Wire.result(Wire.bool(dialect, true), "2"), witness.readLine(WAIT));
        fixture.server().blocks().newJobNow();
        assertTrue(Wire.isNotify(witness.readLine(WAIT)));
        fixture.assertNothingPending(refused);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rightPasswordIsAcceptedAndReceivesNotifies(Dialect dialect) throws IOException {
        fixture.start(b -> b.dialect(dialect).secret(ServerSecret.ofPassword("p\u00e4ssw\u00f6rd")));
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", "p\u00e4ssw\u00f6rd"));

        assertEquals(Wire.result(Wire.bool(dialect, true), "1"), client.readLine(WAIT));
        fixture.server().blocks().newJobNow();
        assertEquals(Wire.notify(dialect, 17, fixture.predictedJobs(2).get(1)), client.readLine(WAIT));
    }

    @Test
    void secretGivenAsHexChecksTheKeccakOfThePassword() throws IOException {
        String hex = "0x" + keccakHex("pw");
        fixture.start(b -> b.secret(ServerSecret.ofHex(hex)));
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", hex));
        client.send(Wire.subscribe("2", "w", "pw"));

        assertEquals(Wire.result("false", "1"), client.readLine(WAIT));
        assertEquals(Wire.result("true", "2"), client.readLine(WAIT));
    }

    @Test
    void anyPasswordPassesWithoutSecret() throws IOException {
        fixture.start();
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", "whatever"));

        assertEquals(Wire.result("true", "1"), client.readLine(WAIT));
        assertEquals(1, fixture.metrics().subscribed());
    }

    @Test
    void subscribeReplyCarriesNoJob() throws IOException {
        fixture.start();
        LineClient client = fixture.subscribed("w");

        fixture.assertNothingPending(client);
    }

    @Test
    void subscribingAgainRenamesRatherThanRegisteringTwice() throws IOException {
        fixture.start();
        LineClient client = fixture.subscribed("first");

        fixture.subscribe(client, "second");

        assertEquals(1, fixture.metrics().subscribed());
        fixture.server().blocks().newJobNow();
        Job job = fixture.predictedJobs(2).get(1);
        assertEquals(Wire.notify(Dialect.conflux(), 17, job), client.readLine(WAIT));
        fixture.assertNothingPending(client);
    }

    @Test
    void closedSubscriberIsForgotten() throws IOException {
        fixture.start();
        LineClient client = fixture.subscribed("w");

        client.close();

        fixture.awaitMetrics("the subscriber is gone", m -> m.subscribed() == 0 && m.connections() == 0);
    }

    @Test
    void secretNeverAppearsInText() throws IOException {
        String hex = keccakHex("pw");
        ServerSecret fromPassword = ServerSecret.ofPassword("pw");
        ServerSecret fromHex = ServerSecret.ofHex(hex);

        StratumServer server = fixture.start(b -> b.secret(fromPassword));

        for (String text : new String[]{fromPassword.toString(), fromHex.toString(),
                server.config().toString(),
                server.describe()}) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains(hex), text);
            assertFalse(text.contains("pw\""), text);
        }
        assertTrue(fromHex.matches("pw"));
    }

    private static String keccakHex(String password) {
        return HexFormat.of().formatHex(Keccak256.hash(password.getBytes(StandardCharsets.UTF_8)));
    }
}
