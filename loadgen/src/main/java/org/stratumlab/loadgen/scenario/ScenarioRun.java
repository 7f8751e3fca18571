package org.stratumlab.loadgen.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.run.LoadRun;
import org.stratumlab.loadgen.threshold.Threshold;

/**
 * Runs a scenario and judges it: the load run, then each threshold against the summary, whose
 * {@code thresholds} list is filled in and written again.
 */
public final class ScenarioRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioRun() {
    }

    /**
     * What a scenario run produced.
     *
     * @param run the load run's result
     * @param thresholds each rule with its measured value
     */
    public record Outcome(LoadRun.Result run, List<Threshold.Result> thresholds) {
        /** @return whether every threshold holds */
        public boolean passed() {
            return thresholds.stream().allMatch(Threshold.Result::passed);
        }
    }

    /**
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
        LoadRun.Result result = new LoadRun(scenario.toLoadConfig(outDir, TimeUnit.SECONDS.toNanos(5)), out,
                terminal)
                .run();
        List<Threshold.Result> judged = new ArrayList<>();
        ArrayNode list = result.summary().putArray("thresholds");
        for (Threshold rule : scenario.thresholds()) {
            Threshold.Result r = rule.evaluate(result.summary());
            judged.add(r);
            ObjectNode entry = list.addObject().put("rule", r.rule());
            if (Double.isNaN(r.value())) {
                entry.putNull("value"); // a phase that never ran: nothing was measured
            } else {
                entry.put("value", r.value());
            }
            entry.put("unit", r.unit())
                    .put("passed", r.passed());
        }
        result.summary().put("description", scenario.description());
        JSON.writeValue(outDir.resolve("summary.json").toFile(), result.summary());
        return new Outcome(result, judged);
    }
}
