package org.stratumlab.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.Invocations;
import org.stratumlab.cli.loadgen.LiveMetricsOptions;
import org.stratumlab.cli.loadgen.RunGuard;
import org.stratumlab.cli.options.Converters;
import org.stratumlab.loadgen.metrics.LiveMetrics;
import org.stratumlab.loadgen.run.DescriptorBudget;
import org.stratumlab.loadgen.record.ProgressLine;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.StartAt;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.cli.RunFolder;
import org.stratumlab.cli.loadgen.SummaryTable;
import org.stratumlab.cli.loadgen.Terminal;
import org.stratumlab.cli.loadgen.Verdict;
import org.stratumlab.report.ResultsIndex;
import org.stratumlab.report.RunReport;
import org.stratumlab.loadgen.scenario.Scenario;
import org.stratumlab.loadgen.scenario.ScenarioException;
import org.stratumlab.loadgen.scenario.ScenarioLoader;
import org.stratumlab.loadgen.scenario.ScenarioRun;
import org.stratumlab.server.ListenFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratumlab run}: the product's main job. Runs a scenario end to end (the embedded simulator by default),
 * judges its thresholds, and leaves a results folder; the exit code ({@link ExitCode}) says pass (0), fail (1),
 * unusable (2), never got going (3) or interrupted (130).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs a scenario file (YAML): its phases against the embedded simulator or an external "
                        + "endpoint, then checks its thresholds.",
                "Writes summary.json, latency.hlog, a .hgrm percentile file per metric, timeseries.csv (and report.html) to "
                        + "the run folder.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every threshold passed", "1:a threshold failed",
                "2:the scenario or the target is unusable (one line says why)"},
        // Within the help's 80 columns (see LoadgenCommand): picocli would wrap a longer line mid-command.
        footer = {"%nExamples:", "  ./stratumlab run scenarios/smoke.yaml",
                "  ./stratumlab run scenarios/farm-10k.yaml --set phases.0.duration=20s \\",
                "      --out /tmp/farm",
                "  ./stratumlab run scenarios/submit-50k.yaml --repeat 3 --publish",
                "  ./stratumlab run farm.yaml --shard 0/4 --start-at 2026-12-02T06:30:00Z"})
public final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The scenario file, e.g. scenarios/smoke.yaml.")
    private Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a value of the file, e.g. --set phases.0.duration=5s --set target.embedded.window=8 "
                    + "(repeatable).")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run folder, new or empty (default: results/runs/<name>-<UTC time>, or results/<name>/<UTC time> with "
                    + "--publish).")
    private Path out;

    @Option(names = "--publish",
            description = "Keep the run under results/<name>/ (committed) instead of results/runs/ (ignored by git).")
    private boolean publish;

    @Option(names = "--repeat", paramLabel = "N", converter = Converters.Times.class,
            description = "Run the scenario N times back to back, each in a JVM of its own, into run-1/ ... run-N/ "
                    + "of the run folder, then write runs.json and README.md there: each headline figure's median, "
                    + "min and max across the runs, and each run's load average and steal time. Exits with the "
                    + "worst run's code (default: 1, one run).")
    private int repeat = 1;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run shard I of N of the scenario (I from 0), one of N generator processes against "
                    + "target.external: the miners whose number is I mod N (worker names stay the whole fleet's), "
                    + "their share of every connect rate, a seed of their own; also writes notify-receipts.jsonl "
                    + "for the merge of the shards. A shard's thresholds are shown, not judged (its counts are its "
                    + "share): the merged run is judged.")
    private String shard;

    @Option(names = "--shards", paramLabel = "N", converter = Converters.Times.class,
            description = "The same as --shard I/N, with I from the environment variable JOB_COMPLETION_INDEX, "
                    + "which a Kubernetes Indexed Job sets in each pod: every pod runs the same command.")
    private Integer shards;

    @Option(names = "--start-at", paramLabel = "TIME", converter = Converters.StartInstant.class,
            description = "Begin the phases at TIME, an RFC 3339 instant (2026-12-02T06:30:00Z) or a duration from "
                    + "now (+30s), so that every shard given the same instant begins together; waits until then. A "
                    + "run that is ready only after TIME exits 2 instead of running late.")
    private Instant startAt;

    @Option(names = "--local",
            description = "With --shards N: run the N shards here, as N processes of their own (each with its own "
                    + "file descriptors), each started exactly as a Kubernetes pod of the run is, all beginning "
                    + "together a few seconds ahead; then merge them into the run folder (beside its shard-I "
                    + "folders) and exit with the merge's verdict. With --metrics-port P every shard serves its own "
                    + "metrics: shard I on port P + I, or each on a free port (printed, prefixed with its name) "
                    + "with P = 0.")
    private boolean local;

    @Mixin
    private LiveMetricsOptions liveMetrics = new LiveMetricsOptions();

    /** Marks one run of a repeated run, in the child JVM the repeated run started (see RepeatedRun). */
    static final String SERIES_MEMBER = "--series-member";

    @Option(names = SERIES_MEMBER, hidden = true)
    private boolean seriesMember;

    private final LongSupplier descriptorLimit;
    private final UnaryOperator<String> environment;

    /** The command as {@code stratumlab} runs it, checked against this process's file descriptor limit. */
    public RunCommand() {
        this(RunGuard::processDescriptorLimit);
    }

    /** @param descriptorLimit the most file descriptors the run may use (tests give a small one) */
    public RunCommand(LongSupplier descriptorLimit) {
        this(descriptorLimit, System::getenv);
    }

    /**
     * @param descriptorLimit the most file descriptors the run may use
     * @param environment the environment variables, by name (tests give a pod's {@code JOB_COMPLETION_INDEX})
     */
    public RunCommand(LongSupplier descriptorLimit, UnaryOperator<String> environment) {
        this.descriptorLimit = descriptorLimit;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter writer = spec.commandLine().getOut();
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file, overrides);
        } catch (ScenarioException e) {
            return unusable(e.getMessage());
        }
        if (local) {
            return runLocal(scenario, writer);
        }
        Shard share;
        try {
            share = ShardChoice.of(shard, shards, environment);
        } catch (IllegalArgumentException e) {
            return unusable(e.getMessage());
        }
        if (repeat > 1 && (share != null || startAt != null)) {
            return unusable("--repeat runs one run after another; it does not go with "
                    + (share != null ? "--shard or --shards" : "--start-at"));
        }
        try {
            StartAt.requireAhead(startAt, Instant.now());
        } catch (StartAt.StartPassedException e) {
            return late(e);
        }
        Path outDir = out != null ? out : defaultOut(scenario.name());
        LoadConfig planned;
        try {
            planned = share == null
                    ? scenario.toLoadConfig(outDir, ProgressLine.PLAIN_INTERVAL_NS)
                    : scenario.toShardConfig(share, outDir, ProgressLine.PLAIN_INTERVAL_NS);
        } catch (IllegalArgumentException e) {
            return unusable((shard != null ? "--shard " + shard : "--shards " + shards) + ": " + file + ": "
                    + e.getMessage());
        }
        LoadConfig config = planned.startingAt(startAt);
        String refusal = DescriptorBudget.refusal(config, descriptorLimit.getAsLong(),
                "process: separate under target.embedded");
        if (refusal != null) {
            return unusable(file + ": " + refusal);
        }
        try {
            liveMetrics.check();
            RunFolder.claim(outDir);
        } catch (IllegalArgumentException e) {
            return unusable(e.getMessage());
        }
        if (!seriesMember) {
            writer.println("scenario " + scenario.name() + (scenario.description().isBlank()
                    ? ""
                    : ": " + scenario.description().strip().replaceAll("\\s+", " ")));
            writer.flush();
        }
        if (repeat > 1) {
            return new RepeatedRun(scenario, file, overrides, outDir, repeat,
                    Invocations.of(spec, overrides).commandLine(), liveMetrics.arguments(), writer,
                    spec.commandLine().getErr()).run(publish).code();
        }
        LiveMetrics live;
        try {
            live = liveMetrics.start(share != null ? Integer.toString(share.index()) : LiveMetrics.UNSHARDED);
        } catch (IllegalArgumentException e) {
            return unusable(e.getMessage());
        }
        ScenarioRun.Outcome outcome;
        RunGuard.Body<ScenarioRun.Outcome> body = stop -> {
            ScenarioRun.Outcome o = ScenarioRun.run(scenario, config, writer, Terminal.isInteractive(),
                    Invocations.of(spec, overrides), stop, live);
            SummaryTable.print(writer, o.run().summary(), outDir);
            writer.println("report " + RunReport.render(outDir));
            if (publish) {
                writer.println("index " + ResultsIndex.write(Path.of("results")));
            }
            if (share != null && !o.thresholds().isEmpty()) {
                writer.println(
                        "thresholds of " + o.run().summary().shard().describe() + " alone (not judged: "
                                + "its counts are its share; the merged run of every shard is judged)");
            }
            Verdict.printThresholds(writer, o.thresholds());
            return o;
        };
        try (live) {
            liveMetrics.announce(live, writer);
            outcome = seriesMember ? RunGuard.stoppableInSeries(body) : RunGuard.stoppable(body);
            liveMetrics.finish(live, spec.commandLine().getErr(), "stratumlab run");
        } catch (StartAt.StartPassedException e) {
            return late(e);
        } catch (ListenFailure e) {
            return unusable((e.endpoint() == ListenFailure.Endpoint.METRICS
                    ? "target.embedded.metrics-port: "
                    : "target.embedded.port: ") + e.getMessage());
        } catch (IOException e) {
            return unusable(e.getMessage());
        }
        ExitCode end = RunGuard.endOf(outcome.run().summary(), spec.commandLine().getErr(), "stratumlab run",
                scenario.external() != null
                        ? scenario.external().getHostString() + ":" + scenario.external().getPort()
                        : "the embedded server",
                scenario.expectGeneratorKeepsUp());
        // A shard's counts are its share: its thresholds are shown, and the merge of every shard judges the run.
        boolean judged = share == null;
        return (end != null ? end : outcome.passed() || !judged ? ExitCode.SUCCESS : ExitCode.FAILED).code();
    }

    /**
     * {@code --shards N --local}: every shard checked as its process will check it (its share of the miners, its
     * descriptors, its metrics port), then run here ({@link LocalShards}) and merged into the run folder.
     */
    private int runLocal(Scenario scenario, PrintWriter writer) throws IOException, InterruptedException {
        String conflict = shards == null
                ? "--local runs the shards of --shards N here: give --shards N"
                : shard != null
                        ? "--local starts every shard of --shards N; it does not go with --shard"
                        : startAt != null
                                ? "--local chooses the shards' common start itself; leave out --start-at"
                                : repeat > 1 ? "--local does not go with --repeat" : null;
        if (conflict != null) {
            return unusable(conflict);
        }
        Path outDir = out != null ? out : defaultOut(scenario.name());
        for (int i = 0; i < shards; i++) {
            LoadConfig config;
            try {
                config = scenario.toShardConfig(new Shard(i, shards), outDir, ProgressLine.PLAIN_INTERVAL_NS);
            } catch (IllegalArgumentException e) {
                return unusable("--shards " + shards + ": " + file + ": " + e.getMessage());
            }
            String refusal = DescriptorBudget.refusal(config, descriptorLimit.getAsLong(),
                    "more shards (--shards)");
            if (refusal != null) {
                return unusable(file + ": shard " + i + " of " + shards + ": " + refusal);
            }
        }
        ShardLaunch launch;
        try {
            launch = LocalShards.launch(file, overrides, shards, outDir, liveMetrics.settings());
        } catch (IllegalArgumentException e) {
            return unusable(e.getMessage());
        }
        String metricsRefusal = LocalShards.metricsRefusal(launch);
        if (metricsRefusal != null) {
            return unusable(metricsRefusal);
        }
        try {
            RunFolder.claim(outDir);
        } catch (IllegalArgumentException e) {
            return unusable(e.getMessage());
        }
        writer.println("scenario " + scenario.name() + (scenario.description().isBlank()
                ? ""
                : ": " + scenario.description().strip().replaceAll("\\s+", " ")));
        writer.flush();
        PrintWriter err = spec.commandLine().getErr();
        ExitCode code = RunGuard.stoppable(
                stop -> LocalShards.run(launch, Invocations.of(spec, overrides), writer, err, stop));
        if (publish) {
            writer.println("index " + ResultsIndex.write(Path.of("results")));
            writer.flush();
        }
        return code.code();
    }

    /** A run ready only after its --start-at would run behind the other shards: one line, exit 2. */
    private int late(StartAt.StartPassedException e) {
        return unusable("--start-at " + e.startAt() + ": this run was " + e.getMessage()
                + ", too late to begin with the others; give every shard a later instant");
    }

    private Path defaultOut(String name) {
        String stamp = RUN_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        return publish ? Path.of("results", name, stamp) : Path.of("results", "runs", name + "-" + stamp);
    }

    private int unusable(String reason) {
        spec.commandLine().getErr().println("stratumlab run: " + reason);
        spec.commandLine().getErr().flush();
        return ExitCode.BAD_INPUT.code();
    }
}
