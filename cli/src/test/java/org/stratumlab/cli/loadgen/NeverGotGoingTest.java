package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.run.RunCommand;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.ScriptedPeer;
import picocli.CommandLine;

/**
 * A run in which no miner ever subscribes measured nothing: it exits {@link ExitCode#NOT_GOING} with one line
 * naming the cause, prints and records the reason counts, and renders the report with its banner. Each run asks
 * for ten minutes: that the test ends within its timeout shows the run stopped because of the cause, not at the
 * end of its duration.
 */
@Timeout(60)
class NeverGotGoingTest {
    private static final String TEN_MINUTES = "10m";

    @TempDir
    Path out;

    @Test
    void aWrongPasswordAgainstTheEmbeddedServerIsRejectedAndSaysSo() throws IOException {
        CliRun run = loadgen(null, "--server.password=secret", "--server.io-threads=1");
        Summary summary = assertNotGoing(run, "the embedded server", "subscribe rejected");
        assertTrue(run.err().contains("is the password right?"), run.err());
        assertTrue(summary.miners().subscribeRejected() > 0, summary.miners().toString());
    }

    @Test
    void aPeerThatAcceptsAndNeverAnswersIsNeverAnswered() throws IOException {
        try (ScriptedPeer silent = ScriptedPeer.start(connection -> {
            while (true) {
                connection.readLine(); // the behaviour under test: read everything, answer nothing
            }
        })) {
            CliRun run = loadgen(target(silent), "--subscribe-timeout", "1s");
            Summary summary = assertNotGoing(run, target(silent), "never answered");
            assertTrue(summary.miners().neverAnswered() > 0, summary.miners().toString());
        }
    }

    @Test
    void anHttpServerOnThePortIsNotJsonRpc() throws IOException {
        try (ScriptedPeer http = ScriptedPeer.start(connection -> {
            connection.readLine();
            connection.writeLine("HTTP/1.1 400 Bad Request\r");
            connection.writeLine("Content-Length: 0\r");
            connection.writeLine("Connection: close\r");
            connection.writeLine("\r");
        })) {
            CliRun run = loadgen(target(http));
            Summary summary = assertNotGoing(run, target(http), "not JSON-RPC");
            assertTrue(run.err().contains("does not speak Stratum's JSON-RPC"), run.err());
            assertTrue(summary.miners().notJsonRpc() > 0, summary.miners().toString());
        }
    }

    @Test
    void aTargetWhereNothingListensFailsWithinSecondsWithTheErrno() throws IOException {
        String target = "127.0.0.1:" + closedPort();
        CliRun run = loadgen(target);
        Summary summary = assertNotGoing(run, target, "connect failed: ECONNREFUSED");
        assertTrue(run.err().contains("no miner could connect"), run.err());
        assertTrue(run.err().contains("stopped after "),
                "ended by its cause, not by its duration: " + run.err());
        assertTrue(summary.miners().connectFailuresByCause().get("ECONNREFUSED") > 0,
                summary.miners().toString());
        assertTrue(summary.durationS() < 600, "ended by its cause: " + summary.durationS());
    }

    @Test
    void moreMinersThanTheDescriptorLimitHoldsAreRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.with(descriptorLimit(500), "loadgen", "--miners", "200", "--out",
                out.resolve("never").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("stratumlab loadgen: 200 miners need about 656 file descriptors"),
                run.err());
        for (String advice : List.of("this process may open 500", "--embedded-process separate",
                "fewer miners",
                "several generator processes")) {
            assertTrue(run.err().contains(advice), advice + " in: " + run.err());
        }
        assertEquals("", run.out());
        assertTrue(Files.notExists(out.resolve("never")), "nothing starts");
    }

    @Test
    void aScenarioThatNeverGetsGoingExitsThreeToo() throws IOException {
        Path file = Files.writeString(out.resolve("locked.yaml"), """
                target:
                  embedded:
                    password: secret
                    io-threads: 1
                    process: same
                miners:
                  password: wrong
                  io-threads: 1
                phases:
                  - duration: 10m
                    miners: 20
                thresholds:
                  - errors == 0
                """);
        CliRun run = CliRun.of("run", file.toString(), "--out", out.resolve("run").toString());
        assertEquals(ExitCode.NOT_GOING.code(), run.exitCode(), run.out() + run.err());
        assertTrue(
                run.err().startsWith("stratumlab run: the run against the embedded server did not get going: "
                        + "no miner subscribed (subscribe rejected "),
                run.err());
        assertTrue(run.out().contains("PASS  errors == 0"), "a threshold nothing exercised passes, and does "
                + "not make the run pass: " + run.out());
        assertTrue(SummaryFile.read(out.resolve("run").resolve(SummaryFile.FILE_NAME)).startFailure()
                .startsWith("no miner subscribed"));
    }

    @Test
    void aScenarioBeyondTheDescriptorLimitIsRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(out.resolve("big.yaml"), """
                phases:
                  - duration: 1s
                    miners: 200
                """);
        CliRun run = CliRun.with(descriptorLimit(500), "run", file.toString(), "--out",
                out.resolve("never").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("stratumlab run: " + file + ": 200 miners need about 656 file "
                + "descriptors"), run.err());
        assertTrue(run.err().contains("process: separate under target.embedded"), run.err());
        assertTrue(Files.notExists(out.resolve("never")), "nothing starts");
    }

    private CliRun loadgen(String target, String... more) {
        List<String> args = new ArrayList<>(List.of("loadgen", "--miners", "20", "--duration", TEN_MINUTES,
                "--out", out.toString(), "--io-threads", "1"));
        if (target != null) {
            args.addAll(List.of("--target", target));
        }
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Summary assertNotGoing(CliRun run, String target, String reason) throws IOException {
        assertEquals(ExitCode.NOT_GOING.code(), run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(
                run.err()
                        .startsWith("stratumlab loadgen: the run against " + target + " did not get going: "),
                run.err());
        assertTrue(run.err().contains(reason), reason + " in: " + run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("start    ") && l.contains(reason)),
                run.out());
        Summary summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
        assertTrue(summary.startFailure().contains(reason), summary.startFailure());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("DID NOT GET GOING"), "banner in the report");
        assertTrue(report.contains("Miners that did not get going"), "reasons in the report");
        return summary;
    }

    private static String target(ScriptedPeer peer) {
        return "127.0.0.1:" + peer.address().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Makes the commands that run load see a small file descriptor limit; the others as usual. */
    private static CommandLine.IFactory descriptorLimit(long limit) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == LoadgenCommand.class) {
                    return cls.cast(new LoadgenCommand(() -> limit));
                }
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(() -> limit));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
    }
}
