package org.stratumlab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.loadgen.RunGuard;
import org.stratumlab.results.NotifyReceiptsFile;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.testing.ScriptedPeer;
import picocli.CommandLine;

/**
 * {@code run --shard I/N}, {@code --shards N} and {@code --start-at}: shards of one scenario against a real node
 * simulator record their share and every notify receipt; every bad option, a missing pod index, an embedded target
 * and a start instant that passed are one line and exit 2, before anything runs; and a start instant ahead holds
 * the first connection back until then.
 */
class ShardedRunTest {
    /** Five miners against an external endpoint; a threshold that no shard alone can meet. */
    private static final String SCENARIO = """
            name: sharded
            seed: 42
            target:
              external: 127.0.0.1:%d
            miners:
              worker-prefix: shard
              io-threads: 1
              submit-timeout: 2s
              hostile: 0.4
            phases:
              - duration: 2s
                miners: 5
                connect-rate: 100
                solve-rate: 2
            thresholds:
              - connected.max >= 5
            expect:
              generator-keeps-up: false
            """;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void eachShardRecordsItsShareAndReceiptsThatAddUpToItsNotifies() throws IOException {
        ServerConfig config = ServerConfig.builder().port(0).difficulty(BigInteger.ONE)
                .blockIntervalNs(TimeUnit.MILLISECONDS.toNanos(200)).newJobOnSolution(false)
                .heartbeatNs(TimeUnit.MILLISECONDS.toNanos(300)).notifyOnSubscribe(true).ioThreads(1).build();
        try (StratumServer server = StratumServer.start(config)) {
            Path file = write("sharded.yaml", SCENARIO.formatted(server.localAddress().getPort()));
            // Far enough ahead for a cold JVM on a busy machine to be ready by then.
            Instant startAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
            CliRun first = CliRun.of("run", file.toString(), "--shard", "0/2", "--start-at",
                    startAt.toString(),
                    "--out", dir.resolve("shard-0").toString());
            // The second as a pod of an Indexed Job would run it: the same command, the index from the environment.
            CliRun second = CliRun.with(environment(name -> name.equals("JOB_COMPLETION_INDEX") ? "1" : null),
                    "run", file.toString(), "--shards", "2", "--out", dir.resolve("shard-1").toString());
            for (CliRun run : List.of(first, second)) {
                assertEquals(ExitCode.SUCCESS.code(), run.exitCode(), run.out() + run.err());
                assertTrue(run.out().contains("FAIL  connected.max >= 5"), "shown, not judged: " + run.out());
                assertTrue(run.out().contains("alone (not judged"), run.out());
            }
            Summary zero = SummaryFile.read(dir.resolve("shard-0").resolve(SummaryFile.FILE_NAME));
            Summary one = SummaryFile.read(dir.resolve("shard-1").resolve(SummaryFile.FILE_NAME));
            assertEquals(new Summary.Shard(0, 2, 42, zero.shard().seed(), zero.shard().scenarioDigest(),
                    startAt.toString()), zero.shard());
            assertEquals(startAt, zero.startedAtInstant(), "the run began at the instant");
            assertEquals(1, one.shard().index());
            assertEquals(2, one.shard().count());
            assertNull(one.shard().startAt());
            assertEquals(zero.shard().scenarioDigest(), one.shard().scenarioDigest(), "one scenario");
            assertNotEquals(zero.shard().seed(), one.shard().seed());
            assertEquals(3, zero.miners().target(), "miners 0, 2 and 4");
            assertEquals(2, one.miners().target(), "miners 1 and 3");
            assertEquals(3, zero.settings().get("miners").asInt());
            assertTrue(zero.shard().describe().equals("shard 0 of 2"), zero.shard().describe());
            for (String shard : List.of("shard-0", "shard-1")) {
                Summary summary = SummaryFile.read(dir.resolve(shard).resolve(SummaryFile.FILE_NAME));
                List<NotifyReceiptsFile.JobReceipts> jobs = NotifyReceiptsFile
                        .read(dir.resolve(shard).resolve(NotifyReceiptsFile.FILE_NAME));
                assertTrue(jobs.size() >= 5, shard + ": a job every 200 ms for 2 s, " + jobs.size());
                assertEquals(summary.notifies().received(),
                        jobs.stream().mapToLong(NotifyReceiptsFile.JobReceipts::receipts).sum(),
                        shard + ": every notify received is a receipt of its job");
                assertEquals(summary.latencyUs().notifySkew().count(),
                        jobs.stream().mapToLong(j -> j.offsetsUs().getTotalCount()).sum(),
                        shard + ": every skew sample is an offset");
                long startUs = summary.startedAtInstant().toEpochMilli() * 1000;
                for (NotifyReceiptsFile.JobReceipts job : jobs) {
                    assertTrue(job.powHash().matches("0x[0-9a-f]{64}"), job.powHash());
                    assertTrue(job.firstReceiptUs() >= startUs - 1000, shard + ": received after the start");
                }
                assertEquals(jobs.size(),
                        jobs.stream().map(NotifyReceiptsFile.JobReceipts::powHash).distinct()
                                .count(),
                        shard + ": one line per job");
            }
        }
    }

    @Test
    void everyBadShardingOrStartIsOneLineAndExitTwoBeforeAnythingRuns() {
        Path external = write("external.yaml", SCENARIO.formatted(32525));
        Path embedded = write("embedded.yaml", SCENARIO.formatted(32525)
                .replace("  external: 127.0.0.1:32525\n", "  embedded:\n    difficulty: 1\n"));
        String file = external.toString();
        String passed = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        UnaryOperator<String> noIndex = name -> null;
        assertOneLine("stratumlab run: --shard '3/3': the shard index must be in 0..2 for 3 shards, was 3",
                noIndex,
                "run", file, "--shard", "3/3");
        assertOneLine(
                "stratumlab run: --shard 'two': expected I/N, the shard's index (from 0) and the number of "
                        + "shards, e.g. 0/3",
                noIndex, "run", file, "--shard", "two");
        assertOneLine(
                "stratumlab run: --shard and --shards: give one of them (--shard I/N, or --shards N with "
                        + "JOB_COMPLETION_INDEX set)",
                noIndex, "run", file, "--shard", "0/2", "--shards", "2");
        assertOneLine(
                "stratumlab run: --shards 3: JOB_COMPLETION_INDEX is not set (a Kubernetes Indexed Job sets "
                        + "it in each pod; elsewhere give --shard I/3)",
                noIndex, "run", file, "--shards", "3");
        assertOneLine(
                "stratumlab run: JOB_COMPLETION_INDEX='3' (with --shards 3): must be a whole number in 0..2",
                name -> "3", "run", file, "--shards", "3");
        assertOneLine(
                "stratumlab run: JOB_COMPLETION_INDEX='one' (with --shards 3): must be a whole number in "
                        + "0..2",
                name -> "one", "run", file, "--shards", "3");
        assertOneLine("stratumlab run: Invalid value for option '--shards': must be at least 1, was 0 (see "
                + "'stratumlab run --help')", noIndex, "run", file, "--shards", "0");
        assertOneLine(
                "stratumlab run: Invalid value for option '--start-at': 'tomorrow' is neither an RFC 3339 "
                        + "instant such as 2026-12-02T06:30:00Z nor a duration from now such as +30s (see "
                        + "'stratumlab run --help')",
                noIndex, "run", file, "--start-at", "tomorrow");
        assertOneLine("stratumlab run: --shard 0/2: " + embedded
                + ": a sharded run needs target.external, one "
                + "endpoint for every shard; an embedded target would give each shard a server of its own",
                noIndex, "run", embedded.toString(), "--shard", "0/2");
        assertOneLine("stratumlab run: --repeat runs one run after another; it does not go with --shard or "
                + "--shards", noIndex, "run", file, "--shard", "0/2", "--repeat", "2");
        CliRun late = run(noIndex, "run", file, "--shard", "1/2", "--start-at", passed, "--out",
                dir.resolve("late").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), late.exitCode(), late.err());
        assertTrue(late.err().matches("stratumlab run: --start-at " + passed.replace(".", "\\.")
                + ": this run was ready \\d+(\\.\\d+)? s after " + passed.replace(".", "\\.")
                + ", too late to begin with the others; give every shard a later instant\n"), late.err());
        assertFalse(Files.exists(dir.resolve("late")), "nothing ran");
    }

    @Test
    void aLocalRunWhoseShardsCannotServeTheirMetricsIsOneLineAndExitTwoBeforeAnyShardStarts()
            throws IOException {
        String file = write("external.yaml", SCENARIO.formatted(32525)).toString();
        UnaryOperator<String> noIndex = name -> null;
        assertOneLine("stratumlab run: --metrics-linger needs --metrics-port: without it there is nothing to "
                + "linger for", noIndex, "run", file, "--shards", "2", "--local", "--metrics-linger", "5s",
                "--out",
                dir.resolve("linger").toString());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertRefusedBeforeAnyShard(
                    "stratumlab run: shard 0 of 2: --metrics-port: cannot serve metrics on "
                            + "127.0.0.1:" + port + ": ",
                    "run", file, "--shards", "2", "--local", "--metrics-port",
                    Integer.toString(port), "--out", dir.resolve("taken").toString());
        }
        // Shard I serves on the port plus I: shard 1 of 65535 would need 65536.
        assertRefusedBeforeAnyShard("stratumlab run: shard 1 of 2: --metrics-port: cannot serve metrics on "
                + "127.0.0.1:65536: port out of range", "run", file, "--shards", "2", "--local",
                "--metrics-port",
                "65535", "--out", dir.resolve("beyond").toString());
    }

    private void assertRefusedBeforeAnyShard(String start, String... args) {
        CliRun run = run(name -> null, args);
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertEquals("", run.out(), "no shard started");
        assertFalse(Files.exists(Path.of(args[args.length - 1])), "no run folder");
    }

    @Test
    @Timeout(60)
    void aStartInstantAheadHoldsTheFirstConnectionBackUntilThen() throws IOException {
        AtomicReference<Instant> firstAccepted = new AtomicReference<>();
        try (ScriptedPeer peer = ScriptedPeer.start(connection -> {
            firstAccepted.compareAndSet(null, Instant.now());
            String subscribe = connection.readLine();
            connection.writeLine(
                    "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + ScriptedPeer.idOf(subscribe) + "}");
            connection.writeLine(
                    ScriptedPeer.confluxNotify("cd".repeat(32), 1, ScriptedPeer.BOUNDARY_DIFFICULTY_1));
            while (true) {
                long id = ScriptedPeer.idOf(connection.readLine());
                connection.writeLine("{\"jsonrpc\":\"2.0\",\"result\":[true],\"id\":" + id + "}");
            }
        })) {
            Path file = write("delayed.yaml", SCENARIO.formatted(peer.address().getPort())
                    .replace("duration: 2s", "duration: 3s")
                    .replace("  - connected.max >= 5\n", "  - sent >= 1\n"));
            Instant before = Instant.now();
            // Far enough ahead for a cold JVM on a busy machine to be ready by then.
            CliRun run = CliRun.of("run", file.toString(), "--start-at", "+10s", "--out",
                    dir.resolve("delayed").toString());
            assertEquals(ExitCode.SUCCESS.code(), run.exitCode(), run.out() + run.err());
            Summary summary = SummaryFile.read(dir.resolve("delayed").resolve(SummaryFile.FILE_NAME));
            Instant startAt = summary.startedAtInstant();
            assertFalse(startAt.isBefore(before.plusSeconds(10)), "began at +10s: " + before + " " + startAt);
            assertNotNull(firstAccepted.get());
            assertFalse(firstAccepted.get().isBefore(startAt),
                    "the first connection came at " + firstAccepted.get() + ", the start was " + startAt);
            assertNull(summary.shard(), "not sharded: no shard block");
            assertFalse(Files.exists(dir.resolve("delayed").resolve(NotifyReceiptsFile.FILE_NAME)),
                    "receipts are a shard's");
        }
    }

    private void assertOneLine(String expected, UnaryOperator<String> env, String... args) {
        CliRun run = run(env, args);
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.out() + run.err());
        assertEquals(expected + "\n", run.err());
        assertEquals("", run.out());
    }

    private static CliRun run(UnaryOperator<String> env, String... args) {
        return CliRun.with(environment(env), args);
    }

    /** Makes {@code run} see these environment variables. */
    private static CommandLine.IFactory environment(UnaryOperator<String> variables) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(RunGuard::processDescriptorLimit, variables));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
