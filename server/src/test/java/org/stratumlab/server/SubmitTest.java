package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stratumlab.pow.ScalarPowHasher;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.chain.Job;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Solutions;
import org.stratumlab.server.testing.Wire;

/**
 * docs/protocol.md §5, {@code mining.submit}: each row of the result table in both dialects, the window and duplicate
 * rules. Submits come from connections that never subscribed: the node accepts them (docs/protocol.md §3).
 */
@Timeout(20)
class SubmitTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.conflux(), Dialect.doc());
    }

    /** Malformed params; {@code $H} is the current pow_hash, {@code $N} a valid nonce's hex digits. */
    static Stream<Arguments> malformedSubmits() {
        Stream<String[]> cases = Stream.of(
                new String[]{"three strings", "[\"w\",\"$H\",\"0x$N\"]"},
                new String[]{"five strings", "[\"w\",\"$H\",\"0x$N\",\"$H\",\"x\"]"},
                new String[]{"a number in place of the job id", "[\"w\",1,\"0x$N\",\"$H\"]"},
                new String[]{"non-hex nonce", "[\"w\",\"$H\",\"0x$Nz\",\"$H\"]"},
                new String[]{"nonce of 65 digits", "[\"w\",\"$H\",\"0x$65\",\"$H\"]"},
                new String[]{"pow_hash of 63 digits", "[\"w\",\"$H\",\"0x$N\",\"$63\"]"},
                new String[]{"pow_hash of 65 digits", "[\"w\",\"$H\",\"0x$N\",\"$H0\"]"},
                new String[]{"non-hex pow_hash", "[\"w\",\"$H\",\"0x$N\",\"$Hg\"]"},
                new String[]{"object params", "{\"worker\":\"w\"}"}, new String[]{"null params", "null"},
                new String[]{"no params", null});
        return cases.flatMap(c -> dialects().map(d -> Arguments.of(d, c[0], c[1])));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("malformedSubmits")
    void malformedSubmitIsBareFalse(Dialect dialect, String description, String paramsTemplate)
            throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        LineClient client = fixture.connect();
        Job job = server.chain().current();
        String hash = job.powHash().toPaddedHex();
        U256 nonce = Solutions.validNonce(job);
        String params = paramsTemplate == null
                ? ""
                : ",\"params\":" + paramsTemplate
                        .replace("$H", hash).replace("$N", nonce.toMinimalHex().substring(2))
                        .replace("$65", "0" + nonce.toPaddedHex().substring(2))
                        .replace("$63", "0x" + hash.substring(3));

        client.send("{\"id\":4,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\"" + params + "}");

        assertEquals(Wire.result(Wire.submitResult(dialect, false), "4"), client.readLine(WAIT));
        assertEquals(1, fixture.metrics().submitsByOutcome().get(SubmitOutcome.MALFORMED));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void validSolutionFromConnectionThatNeverSubscribedIsAccepted(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        LineClient client = fixture.connect();
        Job job = server.chain().current();

        client.send(Wire.submit("1", "w1", job, Solutions.validNonce(job).toMinimalHex()));

        assertEquals(Wire.result(Wire.submitResult(dialect, true), "1"), client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void acceptedSpellingsOfNonceAndPowHash(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect).newJobOnSolution(false));
        LineClient client = fixture.connect();
        Job job = server.chain().current();
        String hashDigits = job.powHash().toPaddedHex().substring(2);
        U256 nonce = Solutions.validNonce(job);
        U256 other = Solutions.validNonceAfter(job, nonce);

        // No 0x, upper-case digits, a padded nonce; a job id the node ignores.
        client.send(
                Wire.submit("1", "w", "anything", nonce.toMinimalHex().substring(2).toUpperCase(Locale.ROOT),
                        hashDigits.toUpperCase(Locale.ROOT)));
        client.send(Wire.submit("2", "w", "", "0X" + other.toPaddedHex().substring(2), "0X" + hashDigits));

        assertEquals(Wire.result(Wire.submitResult(dialect, true), "1"), client.readLine(WAIT));
        assertEquals(Wire.result(Wire.submitResult(dialect, true), "2"), client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nonStringElementsAreDroppedBeforeCountingArity(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        LineClient client = fixture.connect();
        Job job = server.chain().current();
        String hash = job.powHash().toPaddedHex();

        client.send("{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[\"w\",7,\"" + hash
                + "\",null,\"" + Solutions.validNonce(job).toMinimalHex() + "\",{},\"" + hash + "\"]}");

        assertEquals(Wire.result(Wire.submitResult(dialect, true), "1"), client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void emptyNonceIsZero(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        LineClient client = fixture.connect();
        Job job = server.chain().current();
        boolean zeroSolves = new ScalarPowHasher().isValid(job.powHash(), U256.ZERO, job.boundary());

        client.send(Wire.submit("1", "w", job, ""));

        String expected = zeroSolves
                ? Wire.submitResult(dialect, true)
                : Wire.submitRejected(dialect, "Incorrect Nonce! worker_id = w!");
        assertEquals(Wire.result(expected, "1"), client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void staleSubmitIsRejectedWithReason(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        LineClient client = fixture.connect();
        Job old = server.chain().current();
        server.blocks().newJobNow();
        fixture.awaitMetrics("a new job after the first", m -> m.jobs() == 2);

        client.send(Wire.submit("1", "rig-7", old, Solutions.validNonce(old).toMinimalHex()));

        assertEquals(
                Wire.result(Wire.submitRejected(dialect, "Solution for a stale job! worker_id = rig-7"), "1"),
                client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void wrongNonceIsRejectedWithReason(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect));
        LineClient client = fixture.connect();
        Job job = server.chain().current();

        client.send(Wire.submit("1", "rig \\\"7\\\"", job, Solutions.invalidNonce(job).toMinimalHex()));

        assertEquals(
                Wire.result(Wire.submitRejected(dialect, "Incorrect Nonce! worker_id = rig \\\"7\\\"!"), "1"),
                client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void secondSubmitOfSameNonceInAnotherSpellingIsDuplicate(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect).newJobOnSolution(false));
        LineClient client = fixture.connect();
        Job job = server.chain().current();
        U256 nonce = Solutions.validNonce(job);
        String digits = nonce.toMinimalHex().substring(2);

        client.send(Wire.submit("1", "w1", job, "0x00" + digits));
        client.send(Wire.submit("2", "w1", job, "0x" + digits.toUpperCase(Locale.ROOT)));

        assertEquals(Wire.result(Wire.submitResult(dialect, true), "1"), client.readLine(WAIT));
        assertEquals(Wire.result(Wire.submitRejected(dialect,
                "Problem already solved with nonce = " + nonce.toBigInteger() + "! worker_id = w1"), "2"),
                client.readLine(WAIT));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void duplicateIsDetectedAfterTheWindowSlides(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect).window(2));
        LineClient client = fixture.connect();
        Job job = server.chain().current();
        String submit = Wire.submit("1", "w1", job, Solutions.validNonce(job).toMinimalHex());

        client.send(submit);
        assertEquals(Wire.result(Wire.submitResult(dialect, true), "1"), client.readLine(WAIT));
        fixture.awaitMetrics("the solution made a job after the first", m -> m.jobs() == 2);
        client.send(submit);

        assertEquals(Wire.result(Wire.submitRejected(dialect, "Problem already solved with nonce = "
                + Solutions.validNonce(job).toBigInteger() + "! worker_id = w1"), "1"),
                client.readLine(WAIT));
    }

    /**
     * The node clears its job after a solution to any problem still in the window, not only the newest: with a
     * window of three, solutions to the third-latest, the second-latest and the latest problem are each accepted
     * and each followed by a new job; a problem that has left the window is stale.
     */
    @ParameterizedTest
    @MethodSource("dialects")
    void solutionToAnyProblemInTheWindowIsAcceptedAndMakesANewJob(Dialect dialect) throws IOException {
        StratumServer server = fixture.start(b -> b.dialect(dialect).window(3));
        LineClient miner = fixture.subscribed("w");
        List<Job> jobs = fixture.predictedJobs(6);
        server.blocks().newJobNow();
        server.blocks().newJobNow();
        assertEquals(Wire.notify(dialect, 17, jobs.get(1)), miner.readLine(WAIT));
        assertEquals(Wire.notify(dialect, 18, jobs.get(2)), miner.readLine(WAIT));

        // The window is newest first: [2, 1, 0], then [3, 2, 1], then [4, 3, 2].
        int[] solved = {0, 2, 4};
        for (int i = 0; i < solved.length; i++) {
            Job job = jobs.get(solved[i]);
            String id = Integer.toString(10 + i);
            miner.send(Wire.submit(id, "w", job, Solutions.validNonce(job).toMinimalHex()));
            assertEquals(Wire.result(Wire.submitResult(dialect, true), id), miner.readLine(WAIT));
            assertEquals(Wire.notify(dialect, 19 + i, jobs.get(3 + i)), miner.readLine(WAIT));
        }

        Job left = jobs.get(2); // the window is now [5, 4, 3]
        miner.send(Wire.submit("20", "w", left, Solutions.validNonceAfter(left, Solutions.validNonce(left))
                .toMinimalHex()));
        assertEquals(
                Wire.result(Wire.submitRejected(dialect, "Solution for a stale job! worker_id = w"), "20"),
                miner.readLine(WAIT));
        fixture.assertNothingPending(miner);
        assertEquals(6, fixture.metrics().jobs(), "the first job, two asked for and three after solutions");
    }
}
