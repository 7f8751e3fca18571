package org.stratumlab.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.Invocations;
import org.stratumlab.cli.loadgen.LiveMetricsOptions;
import org.stratumlab.cli.loadgen.RunGuard;
import org.stratumlab.cli.options.Converters;
import org.stratumlab.loadgen.metrics.LiveMetrics;
import org.stratumlab.loadgen.run.DescriptorBudget;
import org.stratumlab.loadgen.record.ProgressLine;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.cli.RunFolder;
import org.stratumlab.cli.loadgen.SummaryTable;
import org.stratumlab.cli.loadgen.Terminal;
import org.stratumlab.report.ResultsIndex;
import org.stratumlab.report.RunReport;
import org.stratumlab.loadgen.scenario.Scenario;
import org.stratumlab.loadgen.scenario.ScenarioException;
import org.stratumlab.loadgen.scenario.ScenarioLoader;
import org.stratumlab.loadgen.scenario.ScenarioRun;
import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.Summary;
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
                "  ./stratumlab run scenarios/submit-50k.yaml --repeat 3 --publish"})
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

    @Mixin
    private LiveMetricsOptions liveMetrics = new LiveMetricsOptions();

    /** Marks one run of a repeated run, in the child JVM the repeated run started (see RepeatedRun). */
    static final String SERIES_MEMBER = "--series-member";

    @Option(names = SERIES_MEMBER, hidden = true)
    private boolean seriesMember;

    private final LongSupplier descriptorLimit;

    /** The command as {@code stratumlab} runs it, checked against this process's file descriptor limit. */
    public RunCommand() {
        this(RunGuard::processDescriptorLimit);
    }

    /** @param descriptorLimit the most file descriptors the run may use (tests give a small one) */
    public RunCommand(LongSupplier descriptorLimit) {
        this.descriptorLimit = descriptorLimit;
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
        Path outDir = out != null ? out : defaultOut(scenario.name());
        LoadConfig config = scenario.toLoadConfig(outDir, ProgressLine.PLAIN_INTERVAL_NS);
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
            live = liveMetrics.start(LiveMetrics.UNSHARDED);
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
            printThresholds(writer, o.thresholds());
            return o;
        };
        try (live) {
            liveMetrics.announce(live, writer);
            outcome = seriesMember ? RunGuard.stoppableInSeries(body) : RunGuard.stoppable(body);
            liveMetrics.finish(live, spec.commandLine().getErr(), "stratumlab run");
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
        return (end != null ? end : outcome.passed() ? ExitCode.SUCCESS : ExitCode.FAILED).code();
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

    private static void printThresholds(PrintWriter out, List<Summary.ThresholdResult> results) {
        if (results.isEmpty()) {
            out.println("no thresholds");
        }
        for (Summary.ThresholdResult r : results) {
            String measured = r.value() == null
                    ? "nothing: the phase did not run"
                    : r.isLatency()
                            ? LatencyFormat.of(r.value())
                            : String.format(Locale.ROOT, "%.4g", r.value());
            out.printf(Locale.ROOT, "%s  %s  (measured %s)%n", r.passed() ? "PASS" : "FAIL", r.rule(),
                    measured);
        }
        out.flush();
    }
}
