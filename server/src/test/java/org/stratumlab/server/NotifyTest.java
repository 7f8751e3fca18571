package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.chain.Job;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Solutions;
import org.stratumlab.server.testing.Wire;

/**
 * docs/protocol.md §4 and §7, {@code mining.notify}: the exact line in each dialect, the global id counter, the
 * heartbeat, notify-on-subscribe and the new job after a solution. The block timer is off: jobs come when a test
 * asks.
 */
@Timeout(20)
class NotifyTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.conflux(), Dialect.doc());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void firstPushIsTheExactNotifyLineWithId17(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect).startHeight(1000).seed(42));
        LineClient client = fixture.subscribed("w");

        server.blocks().newJobNow();

        String line = client.readLine(WAIT);
        Job job = server.chain().current();
        assertEquals(1001, job.height());
        assertEquals(fixture.predictedJobs(2).get(1), job);
        assertEquals(Wire.notify(dialect, 17, job), line);
        assertTrue(line.matches(".*\"0x[0-9a-f]{64}\".*"), line);
        assertTrue(line.contains("\"" + Wire.BOUNDARY_OF_DIFFICULTY_4 + "\"]"), line);
        if (dialect == Dialect.conflux()) {
            assertTrue(line.startsWith("{ \"id\": 17, \"method\": \"mining.notify\", \"params\": [\"0x"),
                    line);
            assertTrue(line.contains("\", \"1001\", \"0x"), line);
        } else {
            assertTrue(line.endsWith("],\"id\":17}"), line);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void difficultyOneBoundaryIsAllOnes(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect).difficulty(BigInteger.ONE));
        LineClient client = fixture.subscribed("w");

        server.blocks().newJobNow();

        String line = client.readLine(WAIT);
        assertTrue(line.contains(",\"0x" + "f".repeat(64) + "\"]"), line);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void notifyIdIncrementsEvenWhenNobodyIsSubscribed(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        List<Job> jobs = fixture.predictedJobs(4);
        server.blocks().newJobNow();
        server.blocks().newJobNow();
        fixture.awaitMetrics("two jobs made after the first", m -> m.jobs() == 3);
        LineClient client = fixture.subscribed("late");

        server.blocks().newJobNow();

        String line = client.readLine(WAIT);
        if (line.equals(Wire.notify(dialect, 18, jobs.get(2)))) {
            line = client.readLine(WAIT); // the second push was still under way when the subscribe arrived
        }
        assertEquals(Wire.notify(dialect, 19, jobs.get(3)), line);
    }

    @Test
    void everySubscriberGetsTheSameLine() throws IOException {
        StratumServer server = fixture.start(b -> b.ioThreads(3));
        LineClient[] clients = {fixture.subscribed("a"), fixture.subscribed("b"), fixture.subscribed("c"),
                fixture.subscribed("d")};

        server.blocks().newJobNow();

        String expected = Wire.notify(Dialect.conflux(), 17, fixture.predictedJobs(2).get(1));
        for (LineClient client : clients) {
            assertEquals(expected, client.readLine(WAIT));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void notifyOnSubscribeSendsCurrentJobRightAfterReply(Dialect dialect) throws IOException {
        fixture.start(b -> b.dialect(dialect).notifyOnSubscribe(true));
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", ""));

        assertEquals(Wire.result(Wire.bool(dialect, true), "1"), client.readLine(WAIT));
        assertEquals(Wire.notify(dialect, 17, fixture.predictedJobs(1).get(0)), client.readLine(WAIT));
        client.send(Wire.subscribe("2", "w", ""));
        assertEquals(Wire.result(Wire.bool(dialect, true), "2"), client.readLine(WAIT));
        assertEquals(Wire.notify(dialect, 18, fixture.predictedJobs(1).get(0)), client.readLine(WAIT));
    }

    @Test
    void notifyOnSubscribeSendsNothingAfterRefusedSubscribe() throws IOException {
        fixture.start(b -> b.notifyOnSubscribe(true).secret(ServerSecret.ofPassword("pw")));
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", "wrong"));

        assertEquals(Wire.result("false", "1"), client.readLine(WAIT));
        fixture.assertNothingPending(client);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void heartbeatRepushesCurrentJobWithNewId(Dialect dialect) throws IOException {
        StratumServer server = fixture
                .start(b -> b.dialect(dialect).heartbeatNs(Duration.ofMillis(200).toNanos()));
        List<Job> jobs = fixture.predictedJobs(2);
        LineClient client = fixture.subscribed("w");

        server.blocks().newJobNow();

        String line = client.readLine(WAIT);
        while (line.contains(jobs.get(0).powHash().toPaddedHex())) {
            line = client.readLine(WAIT); // heartbeats of the first job, before the new one
        }
        long id = Wire.notifyId(line);
        assertEquals(Wire.notify(dialect, id, jobs.get(1)), line);
        assertEquals(Wire.notify(dialect, id + 1, jobs.get(1)), client.readLine(WAIT));
        assertEquals(Wire.notify(dialect, id + 2, jobs.get(1)), client.readLine(WAIT));
        assertEquals(2, fixture.metrics().jobs(), "a heartbeat is not a new job");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void acceptedSolutionMakesNewJobForSubscribers(Dialect dialect) throws IOException {
        fixture.start(b -> b.dialect(dialect));
        List<Job> jobs = fixture.predictedJobs(2);
        LineClient miner = fixture.subscribed("miner");
        LineClient other = fixture.subscribed("other");

        miner.send(Wire.submit("5", "miner", jobs.get(0), Solutions.validNonce(jobs.get(0)).toMinimalHex()));

        assertEquals(Wire.result(Wire.submitResult(dialect, true), "5"), miner.readLine(WAIT));
        assertEquals(Wire.notify(dialect, 17, jobs.get(1)), miner.readLine(WAIT));
        assertEquals(Wire.notify(dialect, 17, jobs.get(1)), other.readLine(WAIT));
    }

    /**
     * The node does not coalesce: each accepted solution makes its own new job, also when they arrive together.
     * The window is wide enough that every solution of the burst is still in it when it is judged.
     */
    @Test
    void burstOfAcceptedSolutionsMakesAsManyNewJobs() throws IOException {
        int burst = 5;
        fixture.start(b -> b.window(burst + 1));
        List<Job> jobs = fixture.predictedJobs(burst + 1);
        LineClient miner = fixture.subscribed("miner");
        StringBuilder submits = new StringBuilder();
        U256 nonce = null;
        for (int i = 0; i < burst; i++) {
            nonce = Solutions.validNonceAfter(jobs.get(0), nonce);
            submits.append(Wire.submit(Integer.toString(i), "miner", jobs.get(0), nonce.toMinimalHex()))
                    .append('\n');
        }

        miner.sendRaw(submits.toString().getBytes(StandardCharsets.UTF_8));

        List<String> replies = new ArrayList<>();
        List<String> notifies = new ArrayList<>();
        while (replies.size() + notifies.size() < 2 * burst) {
            String line = miner.readLine(WAIT);
            (Wire.isNotify(line) ? notifies : replies).add(line);
        }
        for (int i = 0; i < burst; i++) {
            assertEquals(Wire.result("[true]", Integer.toString(i)), replies.get(i));
            assertEquals(Wire.notify(Dialect.conflux(), 17 + i, jobs.get(1 + i)), notifies.get(i));
        }
        fixture.assertNothingPending(miner);
        assertEquals(1 + burst, fixture.metrics().jobs());
    }

    @Test
    void acceptedSolutionKeepsJobWhenNewJobOnSolutionIsOff() throws IOException {
        StratumServer server = fixture.start(b -> b.newJobOnSolution(false));
        List<Job> jobs = fixture.predictedJobs(2);
        LineClient miner = fixture.subscribed("miner");

        miner.send(Wire.submit("5", "miner", jobs.get(0), Solutions.validNonce(jobs.get(0)).toMinimalHex()));
        assertEquals(Wire.result("[true]", "5"), miner.readLine(WAIT));
        server.blocks().newJobNow();

        // Had the solution made a job, it would have come first, as id 17.
        assertEquals(Wire.notify(Dialect.conflux(), 17, jobs.get(1)), miner.readLine(WAIT));
    }

    @Test
    void blockTimerPushesNewJobs() throws IOException {
        fixture.start(b -> b.blockIntervalNs(Duration.ofMillis(100).toNanos()));
        List<Job> jobs = fixture.predictedJobs(1000);
        LineClient client = fixture.subscribed("w");

        String first = client.readLine(WAIT);
        int index = jobs
                .indexOf(jobs.stream().filter(j -> first.contains(j.powHash().toPaddedHex())).findFirst()
                        .orElseThrow(() -> new AssertionError("not a predicted job: " + first)));
        String second = client.readLine(WAIT);

        assertTrue(second.contains("\"" + jobs.get(index + 1).powHash().toPaddedHex() + "\""), second);
    }
}
