package org.stratumlab.loadgen.scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.loadgen.record.ProgressLine;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.LoadRun;
import org.stratumlab.loadgen.run.RunStop;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * Runs a scenario and judges it: the load run, then each threshold against the summary, whose
 * {@code thresholds} list is filled in and written again, with what the scenario expected ({@code expect}).
 */
public final class ScenarioRun {
    private ScenarioRun() {
    }

    /**
     * What a scenario run produced.
     *
     * @param run the load run's result, its summary with the verdicts
     * @param thresholds each rule with its measured value
     */
    public record Outcome(LoadRun.Result run, List<Summary.ThresholdResult> thresholds) {
        /** @return whether every threshold holds */
        public boolean passed() {
            return thresholds.stream().allMatch(Summary.ThresholdResult::passed);
        }
    }

    /**
     * @param scenario the scenario
     * @param outDir where the run writes
     * @param out where progress goes
     * @param terminal whether {@code out} is a terminal
     * @param invocation the command line that asked for the run, or {@code null}
     * @return the outcome
     * @throws IOException if the embedded server cannot start or the outputs cannot be written
     * @throws InterruptedException if interrupted
     */
    public static Outcome run(Scenario scenario, Path outDir, PrintWriter out, boolean terminal,
            Summary.Invocation invocation) throws IOException, InterruptedException {
        return run(scenario, scenario.toLoadConfig(outDir, ProgressLine.PLAIN_INTERVAL_NS), out, terminal,
                invocation,
                new RunStop());
    }

    /**
     * @param scenario the scenario
     * @param config the run it makes ({@link Scenario#toLoadConfig}), checked by the caller before it starts
     * @param out where progress goes
     * @param terminal whether {@code out} is a terminal
     * @param invocation the command line that asked for the run, or {@code null}
     * @param stop ends the run early, marked interrupted
     * @return the outcome
     * @throws IOException if the embedded server cannot start or the outputs cannot be written
     * @throws InterruptedException if interrupted
     */
    public static Outcome run(Scenario scenario, LoadConfig config, PrintWriter out, boolean terminal,
            Summary.Invocation invocation, RunStop stop) throws IOException, InterruptedException {
        Path outDir = config.outDir();
        LoadRun.Result result = new LoadRun(config, out, terminal, invocation, stop).run();
        Summary judgedSummary = judged(result.summary(), scenario.thresholds())
                .withDescription(scenario.description())
                .withExpect(new Summary.Expect(scenario.expectAllSubscribed(),
                        scenario.expectGeneratorKeepsUp()));
        SummaryFile.write(judgedSummary, outDir.resolve(SummaryFile.FILE_NAME));
        return new Outcome(new LoadRun.Result(judgedSummary, result.counts(), result.serverCounters()),
                judgedSummary.thresholds());
    }

    /**
     * Judges a summary by rules: what a scenario's run does with its own summary, and a merge of its shards with
     * the merged one.
     *
     * @param summary what a run measured
     * @param rules the scenario's thresholds
     * @return the same summary with each rule's measured value and verdict
     */
    public static Summary judged(Summary summary, List<Threshold> rules) {
        List<Summary.ThresholdResult> judged = new ArrayList<>();
        for (Threshold rule : rules) {
            judged.add(rule.evaluate(summary));
        }
        return summary.withThresholds(judged);
    }

    /**
     * Runs a scenario with no command line to record.
     *
     * @param scenario the scenario
     * @param outDir where the run writes
     * @param out where progress goes
     * @param terminal whether {@code out} is a terminal
     * @return the outcome
     * @throws IOException if the embedded server cannot start or the outputs cannot be written
     * @throws InterruptedException if interrupted
     */
    public static Outcome run(Scenario scenario, Path outDir, PrintWriter out, boolean terminal)
            throws IOException, InterruptedException {
        return run(scenario, outDir, out, terminal, null);
    }
}
