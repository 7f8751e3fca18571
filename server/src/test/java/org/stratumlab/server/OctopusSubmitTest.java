package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.octopus.LightCache;
import org.stratumlab.pow.octopus.OctopusVerifier;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.chain.Job;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/**
 * A server with {@code --pow octopus} (docs/protocol.md §6b): solutions are judged by Octopus on the check pool,
 * replies keep request order behind a pending check (§1), and one connection's flood of invalid shares neither
 * silences another connection nor goes uncounted when it fills the pool's queue. Difficulty 2: half of all nonces
 * solve a job, so finding a valid and an invalid one costs a few hashes of a few milliseconds.
 */
@Timeout(120)
class OctopusSubmitTest {
    private static final String INCORRECT = Wire.result(
            Wire.submitRejected(Dialect.conflux(), "Incorrect Nonce! worker_id = w!"), "%s");
    /** More than the pool's queue holds on any machine this runs on (64 per core), so that it fills. */
    private static final int FLOOD_SUBMITS = 64 * Runtime.getRuntime().availableProcessors() + 200;

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    /** The cache of the stage of the jobs' heights (stage 0: the server starts at height 1). */
    private static LightCache cache;

    @BeforeAll
    static void buildCache() {
        cache = LightCache.buildForHeight(1);
    }

    private StratumServer start() throws IOException {
        return start(b -> b);
    }

    private StratumServer start(UnaryOperator<ServerConfig.Builder> more) throws IOException {
        return fixture.start(b -> more.apply(b.pow(PowAlgorithms.OCTOPUS).startHeight(1).difficulty(
                BigInteger.TWO)));
    }

    @Test
    void aCorrectSolutionIsAcceptedAndAWrongNonceIsIncorrect() throws IOException {
        Job job = start(b -> b.newJobOnSolution(false)).chain().current();
        LineClient client = fixture.connect();

        client.send(Wire.submit("1", "w", job, nonce(job, true).toMinimalHex()));
        client.send(Wire.submit("2", "w", job, nonce(job, false).toMinimalHex()));

        assertEquals(Wire.result(Wire.submitResult(Dialect.conflux(), true), "1"), client.readLine(WAIT));
        assertEquals(INCORRECT.formatted("2"), client.readLine(WAIT));
        fixture.awaitMetrics("both counted", m -> m.submitsByOutcome().get(SubmitOutcome.ACCEPTED) == 1
                && m.submitsByOutcome().get(SubmitOutcome.INCORRECT_NONCE) == 1);
    }

    @Test
    void theSecondOfTwoEqualSolutionsIsTheDuplicate() throws IOException {
        Job job = start(b -> b.newJobOnSolution(false)).chain().current();
        LineClient client = fixture.connect();
        String nonce = nonce(job, true).toMinimalHex();

        client.send(Wire.submit("1", "w", job, nonce) + "\n" + Wire.submit("2", "w", job, nonce));

        assertEquals(Wire.result(Wire.submitResult(Dialect.conflux(), true), "1"), client.readLine(WAIT));
        assertTrue(client.readLine(WAIT).contains("Problem already solved with nonce = "));
    }

    @Test
    void repliesKeepRequestOrderBehindAPendingCheck() throws IOException {
        Job job = start().chain().current();
        LineClient client = fixture.connect();
        String bad = nonce(job, false).toMinimalHex();

        // One write: the subscribe, the parse error and the batch are read while the first check is pending.
        client.send(Wire.submit("1", "w", job, bad) + "\n" + Wire.subscribe("2", "w", "") + "\nnonsense\n["
                + Wire.subscribe("3", "w", "") + "," + Wire.submit("4", "w", job, bad) + ","
                + "{\"id\":5,\"jsonrpc\":\"2.0\",\"method\":\"nope\"}]");

        assertEquals(INCORRECT.formatted("1"), client.readLine(WAIT));
        assertEquals(Wire.result("true", "2"), client.readLine(WAIT));
        assertEquals(Wire.PARSE_ERROR, client.readLine(WAIT));
        assertEquals("[" + Wire.result("true", "3") + "," + INCORRECT.formatted("4") + ","
                + Wire.error(-32601, "Method not found", "5") + "]", client.readLine(WAIT));
    }

    @Test
    void aFloodThatFillsTheQueueIsCountedAndAnotherConnectionIsStillAnswered() throws IOException {
        Job job = start().chain().current();
        LineClient flooder = fixture.connect();
        LineClient other = fixture.connect();

        floodUntilTheQueueIsFull(flooder, job);
        other.send(Wire.subscribe("1", "rig", "") + "\nnonsense");

        assertEquals(Wire.result("true", "1"), other.readLine(WAIT));
        assertEquals(Wire.PARSE_ERROR, other.readLine(WAIT));
        for (int i = 1; i <= FLOOD_SUBMITS; i++) {
            assertEquals(INCORRECT.formatted(Integer.toString(i)), flooder.readLine(WAIT));
        }
        // Read again once its replies are out: a request after the flood is answered.
        flooder.send(Wire.subscribe("0", "w", ""));
        assertEquals(Wire.result("true", "0"), flooder.readLine(WAIT));
    }

    @Test
    void aConnectionClosedWithChecksPendingLeavesTheOthersServed() throws IOException {
        Job job = start().chain().current();
        LineClient flooder = fixture.connect();
        floodUntilTheQueueIsFull(flooder, job);
        flooder.close();
        fixture.awaitMetrics("the flooder is gone", m -> m.connections() == 0);

        LineClient other = fixture.connect();
        other.send(Wire.submit("1", "w", job, nonce(job, false).toMinimalHex()));
        assertEquals(INCORRECT.formatted("1"), other.readLine(WAIT));
    }

    /** Sends {@link #FLOOD_SUBMITS} invalid submits in one write, numbered from 1, and waits for the queue. */
    private void floodUntilTheQueueIsFull(LineClient flooder, Job job) throws IOException {
        String bad = nonce(job, false).toMinimalHex();
        StringBuilder flood = new StringBuilder();
        for (int i = 1; i <= FLOOD_SUBMITS; i++) {
            flood.append(Wire.submit(Integer.toString(i), "w", job, bad)).append('\n');
        }
        flooder.sendRaw(flood.toString().getBytes(StandardCharsets.US_ASCII));
        Await.until("the flood filled the queue",
                () -> fixture.server().metrics().checkBackpressureCount() >= 1, WAIT);
    }

    /** The first nonce from 0 that does (or does not) solve the job under Octopus. */
    private static U256 nonce(Job job, boolean valid) {
        OctopusVerifier verifier = new OctopusVerifier();
        U256 nonce = U256.ZERO;
        while (verifier.isValid(cache, job.powHash(), nonce, job.boundary()) != valid) {
            nonce = nonce.add(1);
        }
        return nonce;
    }
}
