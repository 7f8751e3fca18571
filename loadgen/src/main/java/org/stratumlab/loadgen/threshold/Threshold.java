package org.stratumlab.loadgen.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail rule over a run's summary, written the way people write them in k6 or Gatling:
 * {@code submit.p99 < 5ms}, {@code unanswered == 0}, {@code accepted_ratio >= 0.99},
 * {@code notify_skew.p99 < 20ms}, {@code connected.max >= 10000}.
 *
 * <p>Latency metrics ({@code submit}, {@code submit_service}, {@code connect}, {@code subscribe},
 * {@code notify_skew} with {@code .p50 .p90 .p99 .p999 .max .mean}) need a time unit (us, ms, s); counts and
 * ratios take a plain number.
 */
public final class Threshold {
    private static final Pattern RULE = Pattern.compile(
            "\\s*([a-z_][a-z0-9_.]*)\\s*(<=|>=|==|!=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(us|ms|s)?\\s*");

    private final String rule;
    private final ThresholdMetric metric;
    private final String operator;
    private final double limit;

    private Threshold(String rule, ThresholdMetric metric, String operator, double limit) {
        this.rule = rule;
        this.metric = metric;
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
        Matcher m = RULE.matcher(rule.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("threshold '" + rule
                    + "' is not '<metric> <op> <value>', e.g. 'submit.p99 < 5ms' or 'unanswered == 0'");
        }
        ThresholdMetric metric = ThresholdMetric.named(m.group(1));
        if (metric == null) {
            throw new IllegalArgumentException("threshold '" + rule + "': unknown metric '" + m.group(1)
                    + "'; known: " + ThresholdMetric.describeNames());
        }
        String unit = m.group(4);
        if (metric.isLatency && unit == null) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + metric.name
                    + " is a latency: give the value a unit (us, ms or s)");
        }
        if (!metric.isLatency && unit != null) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + metric.name
                    + " is not a latency: give a plain number");
        }
        double value = Double.parseDouble(m.group(3)) * (unit == null ? 1 : switch (unit) {
            case "us" -> 1;
            case "ms" -> 1e3;
            default -> 1e6;
        });
        return new Threshold(rule.trim(), metric, m.group(2), value);
    }

    /** @return the rule as written */
    public String rule() {
        return rule;
    }

    /**
     * @param summary a run's summary.json
     * @return the measured value and whether the rule holds
     */
    public Result evaluate(JsonNode summary) {
        double value = metric.read(summary);
        boolean passed = switch (operator) {
            case "<" -> value < limit;
            case "<=" -> value <= limit;
            case ">" -> value > limit;
            case ">=" -> value >= limit;
            case "==" -> value == limit;
            default -> value != limit;
        };
        return new Result(rule, value, metric.isLatency ? "us" : "", passed);
    }

    /**
     * A rule applied to a run.
     *
     * @param rule the rule as written
     * @param value the measured value (microseconds for latencies)
     * @param unit {@code us} for latencies, empty otherwise
     * @param passed whether it holds
     */
    public record Result(String rule, double value, String unit, boolean passed) {
    }
}
