package org.stratumlab.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.scenario.Scenario;
import org.stratumlab.loadgen.threshold.Figure;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.results.RunSet;
import org.stratumlab.results.Summary;

/**
 * The headline figures of a scenario, which a repeated run reports across its runs: the whole run's submits/s,
 * accepted ratio, submit p50/p99/p99.9, notify skew p99 and generator lag p99; each phase's submits/s and submit
 * p50/p99/p99.9; and whatever the scenario's thresholds judge, each in its scope.
 */
final class Headlines {
    private static final List<String> WHOLE_RUN = List.of("submits_per_s", "accepted_ratio", "submit.p50",
            "submit.p99", "submit.p999", "notify_skew.p99", "lag.p99");
    private static final List<String> PER_PHASE = List.of("submits_per_s", "submit.p50", "submit.p99",
            "submit.p999");

    private Headlines() {
    }

    /**
     * @param scenario the scenario
     * @return its headline figures, in the order the aggregate lists them
     */
    static List<Figure> of(Scenario scenario) {
        Set<Figure> figures = new LinkedHashSet<>();
        WHOLE_RUN.forEach(name -> figures.add(Figure.of(name, null)));
        for (Phase phase : scenario.phases()) {
            PER_PHASE.forEach(name -> figures.add(Figure.of(name, phase.name())));
        }
        for (Threshold threshold : scenario.thresholds()) {
            figures.addAll(threshold.figures());
        }
        return List.copyOf(figures);
    }

    /**
     * @param figures the headline figures
     * @param summaries each run's summary, in order; null where a run does not count (it wrote none, never got
     *        going or was interrupted)
     * @return each figure across the runs, with its median, min and max
     */
    static List<RunSet.Figure> across(List<Figure> figures, List<Summary> summaries) {
        List<RunSet.Figure> across = new ArrayList<>();
        for (Figure figure : figures) {
            List<Double> values = new ArrayList<>();
            for (Summary summary : summaries) {
                values.add(summary == null ? null : figure.read(summary));
            }
            across.add(RunSet.Figure.of(figure.name(), figure.isLatency() ? "us" : "", values));
        }
        return across;
    }
}
