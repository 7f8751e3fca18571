package org.stratumlab.loadgen.threshold;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.results.Summary;

/**
 * One figure of a run's summary, named as a threshold names it: {@code submit.p99}, {@code submits_per_s},
 * {@code submit.p99{phase:steady}} (the phase alone). A threshold is a figure and a limit; a repeated run reports
 * each headline figure's median, min and max across its runs.
 */
public final class Figure {
    /** A figure as rules write it: group 1 the metric, group 2 the phase of its scope (if any). */
    static final String FORM = "([a-z_][a-z0-9_.]*)(?:\\{phase:([A-Za-z0-9._-]+)\\})?";
    private static final Pattern NAME = Pattern.compile(FORM, Pattern.CASE_INSENSITIVE);

    private final ThresholdMetric metric;
    private final String phase;

    private Figure(ThresholdMetric metric, String phase) {
        this.metric = metric;
        this.phase = phase;
    }

    /**
     * @param metric a metric's name, e.g. {@code submit.p99}
     * @param phase a phase's name, or {@code null} for the whole run
     * @return the figure
     * @throws IllegalArgumentException for an unknown metric, or a scope on a metric that phases do not record
     */
    public static Figure of(String metric, String phase) {
        String name = metric.toLowerCase(Locale.ROOT);
        ThresholdMetric known = ThresholdMetric.named(name);
        if (known == null) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known: "
                    + ThresholdMetric.describeNames());
        }
        if (phase != null && !known.perPhase) {
            throw new IllegalArgumentException(known.name
                    + " is not recorded per phase; a {phase:...} scope takes submit counts, ratios and latencies");
        }
        return new Figure(known, phase);
    }

    /**
     * @param text e.g. {@code submit.p99{phase:steady}}
     * @return the figure
     * @throws IllegalArgumentException when it is not a metric with an optional scope, or as {@link #of}
     */
    public static Figure parse(String text) {
        Matcher m = NAME.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a metric such as 'submit.p99' or "
                    + "'submit.p99{phase:steady}'");
        }
        return of(m.group(1), m.group(2));
    }

    /** @return e.g. {@code submit.p99{phase:steady}} */
    public String name() {
        return phase == null ? metric.name : metric.name + "{phase:" + phase + "}";
    }

    /** @return the metric's name, without a scope, e.g. {@code submit.p99} */
    public String metricName() {
        return metric.name;
    }

    /** @return the phase it is scoped to, or {@code null} for the whole run */
    public String phase() {
        return phase;
    }

    /** @return whether it is a latency, in microseconds */
    public boolean isLatency() {
        return metric.isLatency;
    }

    /**
     * @param summary a run's summary
     * @return the figure's value (microseconds for a latency), or {@code null} when its phase never ran
     */
    public Double read(Summary summary) {
        Scope scope = phase == null
                ? Scope.whole(summary)
                : summary.phase(phase).map(p -> Scope.phase(p, summary)).orElse(null);
        return scope == null ? null : metric.read(scope);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figure other && other.name().equals(name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
