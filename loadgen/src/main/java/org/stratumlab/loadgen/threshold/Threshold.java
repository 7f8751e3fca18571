package org.stratumlab.loadgen.threshold;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.results.Summary;

/**
 * A pass/fail rule over a run's summary, written the way people write them in k6 or Gatling:
 * {@code submit.p99 < 5ms}, {@code unanswered == 0}, {@code accepted_ratio >= 0.99},
 * {@code notify_skew.p99 < 20ms}, {@code connected.max >= 10000}.
 *
 * <p>Latency metrics ({@code submit}, {@code submit_honest}, {@code submit_service}, {@code connect},
 * {@code subscribe},
 * {@code notify_skew} with {@code .p50 .p90 .p99 .p999 .max .mean}) need a time unit (us, ms, s); counts and
 * ratios take a plain number.
 *
 * <p>A rule may be scoped to one phase, k6's tag filter: {@code submit.p99{phase:steady} < 5ms} judges only what
 * happened during the phase named {@code steady} (so a warm-up phase does not count). Phases record submits and
 * latencies, not miners or notifies, so only those metrics take a scope.
 */
public final class Threshold {
    private static final Pattern RULE = Pattern.compile(
            "\\s*([a-z_][a-z0-9_.]*)(?:\\{phase:([A-Za-z0-9._-]+)\\})?\\s*(<=|>=|==|!=|<|>)\\s*"
                    + "([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(us|ms|s)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final String rule;
    private final Figure figure;
    private final String operator;
    private final double limit;

    private Threshold(String rule, Figure figure, String operator, double limit) {
        this.rule = rule;
        this.figure = figure;
        this.operator = operator;
        this.limit = limit;
    }

    /**
     * @param rule the rule's text
     * @return the rule
     * @throws IllegalArgumentException naming what is wrong: the form, an unknown metric, a missing or unwanted
     *         unit
     */
    public static Threshold parse(String rule) {
        Matcher m = RULE.matcher(rule);
        if (!m.matches()) {
            throw new IllegalArgumentException("threshold '" + rule
                    + "' is not '<metric> <op> <value>', e.g. 'submit.p99 < 5ms', 'unanswered == 0' or "
                    + "'submit.p99{phase:steady} < 5ms'");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        ThresholdMetric metric = ThresholdMetric.named(name);
        if (metric == null) {
            throw new IllegalArgumentException("threshold '" + rule + "': unknown metric '" + name
                    + "'; known: " + ThresholdMetric.describeNames());
        }
        String phase = m.group(2);
        Figure figure;
        try {
            figure = Figure.of(name, phase);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + e.getMessage());
        }
        String unit = m.group(5) == null ? null : m.group(5).toLowerCase(Locale.ROOT);
        if (metric.isLatency && unit == null) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + metric.name
                    + " is a latency: give the value a unit (us, ms or s)");
        }
        if (!metric.isLatency && unit != null) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + metric.name
                    + " is not a latency: give a plain number");
        }
        double value = Double.parseDouble(m.group(4)) * (unit == null ? 1 : switch (unit) {
            case "us" -> 1;
            case "ms" -> 1e3;
            default -> 1e6;
        });
        return new Threshold(rule.trim(), figure, m.group(3), value);
    }

    /** @return the phase the rule is scoped to, or {@code null} for the whole run */
    public String phase() {
        return figure.phase();
    }

    /** @return what the rule judges, e.g. {@code submit.p99{phase:steady}} */
    public Figure figure() {
        return figure;
    }

    /** @return the rule as written */
    public String rule() {
        return rule;
    }

    /**
     * @param summary a run's summary
     * @return the measured value and whether the rule holds
     */
    public Summary.ThresholdResult evaluate(Summary summary) {
        String unit = figure.isLatency() ? "us" : "";
        Double measured = figure.read(summary);
        if (measured == null) {
            // The phase never ran (the run ended before it): nothing was measured, so the rule cannot hold.
            return new Summary.ThresholdResult(rule, null, unit, false);
        }
        double value = measured;
        boolean passed = switch (operator) {
            case "<" -> value < limit;
            case "<=" -> value <= limit;
            case ">" -> value > limit;
            case ">=" -> value >= limit;
            case "==" -> value == limit;
            default -> value != limit;
        };
        return new Summary.ThresholdResult(rule, value, unit, passed);
    }
}
