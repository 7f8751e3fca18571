package org.stratumlab.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stratumlab.cli.ChildJvm;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.loadgen.RunGuard;
import org.stratumlab.loadgen.run.RunStop;
import org.stratumlab.loadgen.scenario.Scenario;
import org.stratumlab.loadgen.threshold.Figure;
import org.stratumlab.report.ResultsIndex;
import org.stratumlab.report.RunSetReport;
import org.stratumlab.results.RunSet;
import org.stratumlab.results.RunSetFile;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * {@code stratumlab run FILE --repeat N}: the scenario N times back to back, each run in a JVM of its own (so that
 * every run starts as cold as a single run does, and the spread is the machine's, not the JIT's) and in a folder
 * of its own, {@code run-1/} to {@code run-N/} inside the set's folder; then {@code runs.json} (the aggregate) and
 * {@code README.md} beside them, and the index when published. Runs on the command's thread; one thread copies
 * each child's stderr and one waits for a stop to pass it on.
 */
final class RepeatedRun {
    private static final long NEVER_NS = TimeUnit.DAYS.toNanos(365);

    private final Scenario scenario;
    private final Path file;
    private final List<String> overrides;
    private final Path setDir;
    private final int repeat;
    private final List<String> commandLine;
    private final List<String> passedOn;
    private final PrintWriter out;
    private final PrintWriter err;

    RepeatedRun(Scenario scenario, Path file, List<String> overrides, Path setDir, int repeat,
            List<String> commandLine, List<String> passedOn, PrintWriter out, PrintWriter err) {
        this.scenario = scenario;
        this.file = file;
        this.overrides = List.copyOf(overrides);
        this.setDir = setDir;
        this.repeat = repeat;
        this.commandLine = List.copyOf(commandLine);
        this.passedOn = List.copyOf(passedOn);
        this.out = out;
        this.err = err;
    }

    /**
     * @param publish whether to regenerate {@code results/README.md} afterwards
     * @return the worst run's exit code
     * @throws IOException if a run cannot be started or the aggregate cannot be written
     * @throws InterruptedException if the thread is interrupted
     */
    ExitCode run(boolean publish) throws IOException, InterruptedException {
        out.println("repeat " + repeat + " runs back to back, each in a JVM of its own, into " + setDir);
        out.flush();
        List<RunSet.Run> runs = new ArrayList<>();
        List<Summary> counted = new ArrayList<>();
        Summary first = RunGuard.stoppable(stop -> {
            Summary any = null;
            for (int k = 1; k <= repeat && !stop.isInterrupted(); k++) {
                String dir = "run-" + k;
                out.println("run " + k + " of " + repeat + ": " + setDir.resolve(dir));
                out.flush();
                int status = childRun(setDir.resolve(dir), stop);
                Summary summary = summaryOf(setDir.resolve(dir));
                any = any != null ? any : summary;
                RunSet.Run run = describe(dir, status, summary);
                ExitCode code = ExitCode.of(run.exitCode());
                runs.add(run);
                counted.add(run.counted() ? summary : null);
                if (code == ExitCode.INTERRUPTED || code == ExitCode.BAD_INPUT) {
                    break; // the rest would fare no better, or were not wanted
                }
            }
            return any;
        });
        RunSet set = aggregate(runs, counted, first);
        RunSetFile.write(set, setDir.resolve(RunSet.FILE_NAME));
        out.println("runs " + setDir.resolve(RunSet.FILE_NAME));
        out.println("report " + RunSetReport.write(setDir));
        RunSetReport.figureLines(set).forEach(out::println);
        if (publish) {
            out.println("index " + ResultsIndex.write(Path.of("results")));
        }
        out.println(set.verdict());
        out.flush();
        return ExitCode.of(set.exitCode());
    }

    /** @return the run's exit status: the run command in a child JVM, its output copied to ours */
    private int childRun(Path runDir, RunStop stop) throws IOException, InterruptedException {
        Process child = ChildJvm.start(childArguments(runDir), Map.of());
        Thread errors = ChildJvm.copying(child.getErrorStream(), err, "", "repeat-stderr");
        // Ctrl-C reaches the child too, which ignores it (RunGuard.stoppableInSeries): it gets one SIGTERM here.
        Thread watch = new Thread(() -> {
            try {
                if (stop.awaitUntil(System.nanoTime() + NEVER_NS)) {
                    child.destroy();
                }
            } catch (InterruptedException e) {
                // the run ended first
            }
        }, "repeat-stop");
        watch.setDaemon(true);
        watch.start();
        try {
            ChildJvm.copy(child.getInputStream(), out, "");
            int status = child.waitFor();
            errors.join();
            return status;
        } finally {
            watch.interrupt();
        }
    }

    private List<String> childArguments(Path runDir) {
        List<String> arguments = new ArrayList<>(List.of("run", file.toString()));
        for (String override : overrides) {
            arguments.addAll(List.of("--set", override));
        }
        arguments.addAll(passedOn); // options every run takes as its own, e.g. its live metrics
        arguments.addAll(List.of("--out", runDir.toString(), RunCommand.SERIES_MEMBER));
        return arguments;
    }

    private static Summary summaryOf(Path runDir) {
        Path file = runDir.resolve(SummaryFile.FILE_NAME);
        return Files.exists(file) ? SummaryFile.read(file) : null;
    }

    /**
     * @param dir the run's folder name
     * @param status its exit status: one of {@link ExitCode}'s, or another where its JVM died (counted as failed)
     * @param summary its summary, or null where it wrote none
     * @return its entry: its code, why it did not pass, and the machine's load and steal time during it
     */
    static RunSet.Run describe(String dir, int status, Summary summary) {
        boolean counted = summary != null && summary.gotGoing() && !summary.interrupted()
                && !summary.partial();
        ExitCode code = known(status);
        String verdict = code == null ? "ended with exit status " + status : switch (code) {
            case SUCCESS -> "passed";
            case FAILED -> summary == null || summary.thresholdsPassed()
                    ? "failed"
                    : "failed " + String.join(", ", summary.thresholds().stream()
                            .filter(t -> !t.passed()).map(Summary.ThresholdResult::rule).toList());
            case NOT_GOING -> "did not get going";
            case GENERATOR_SHORT -> "fell short of the load asked";
            case INTERRUPTED -> "was interrupted";
            case BAD_INPUT -> "was unusable";
        };
        int exit = code == null ? ExitCode.FAILED.code() : code.code();
        if (summary == null) {
            return new RunSet.Run(dir, exit, verdict, false, null, null, null, null, null);
        }
        Summary.Machine machine = summary.machine();
        return new RunSet.Run(dir, exit, verdict, counted, summary.startedAt(), summary.durationS(),
                machine.loadAtStart(), machine.loadAtEnd(), machine.stealPercent());
    }

    private static ExitCode known(int status) {
        try {
            return ExitCode.of(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private RunSet aggregate(List<RunSet.Run> runs, List<Summary> counted, Summary first) {
        List<Figure> headlines = Headlines.of(scenario);
        int passed = (int) runs.stream().filter(RunSet.Run::passed).count();
        ExitCode worst = ExitCode.worst(runs.stream().map(r -> ExitCode.of(r.exitCode())).toList());
        if (runs.size() < repeat && worst != ExitCode.BAD_INPUT) {
            worst = ExitCode.INTERRUPTED; // stopped between two runs
        }
        return new RunSet(RunSet.CURRENT_SCHEMA_VERSION, scenario.name(),
                scenario.description().isBlank() ? null : scenario.description().strip(),
                first != null ? first.startedAt() : Instant.now().toString(),
                first != null ? first.machine().describe() : "", first != null ? first.jdk() : "", overrides,
                commandLine, repeat, passed, worst.code(), verdict(runs, passed), runs,
                Headlines.across(headlines, counted));
    }

    /** @return e.g. {@code 3 of 3 runs passed}, {@code 2 of 3 runs passed: run 2 failed submit.p99 < 5ms} */
    String verdict(List<RunSet.Run> runs, int passed) {
        StringBuilder line = new StringBuilder().append(passed).append(" of ").append(repeat)
                .append(repeat == 1 ? " run" : " runs").append(" passed");
        List<String> why = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!runs.get(i).passed()) {
                why.add("run " + (i + 1) + " " + runs.get(i).verdict());
            }
        }
        if (runs.size() < repeat) {
            why.add((repeat - runs.size() == 1 ? "run " + repeat : "runs " + (runs.size() + 1) + "-" + repeat)
                    + " did not start");
        }
        return why.isEmpty() ? line.toString() : line.append(": ").append(String.join("; ", why)).toString();
    }
}
