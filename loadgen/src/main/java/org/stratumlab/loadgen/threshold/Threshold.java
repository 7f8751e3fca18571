package org.stratumlab.loadgen.threshold;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>The limit may be another figure of the same run, times a factor, so that a rule compares two phases:
 * {@code submit_honest.p99{phase:attack} < 2 * submit_honest.p99{phase:baseline}}. A fixed limit only holds
 * on a machine like the one it was written on; a limit relative to a baseline of the same run holds on any.
 * Both sides must be latencies, or both not; when either side was not measured (its phase never ran) the rule
 * fails.
 */
public final class Threshold {
    private static final String FIGURE = Figure.FORM;
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)";
    private static final Pattern RULE = Pattern.compile(
            "\\s*" + FIGURE + "\\s*(<=|>=|==|!=|<|>)\\s*(.*?)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIXED = Pattern.compile(NUMBER + "\\s*(us|ms|s)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("(?:" + NUMBER + "\\s*\\*\\s*)?" + FIGURE,
            Pattern.CASE_INSENSITIVE);
    private static final String FORMS = "is not '<metric> <op> <value>', e.g. 'submit.p99 < 5ms', "
            + "'unanswered == 0', 'submit.p99{phase:steady} < 5ms' or "
            + "'submit.p99{phase:attack} < 2 * submit.p99{phase:baseline}'";

    private final String rule;
    private final Figure figure;
    private final String operator;
    /** The fixed limit, or the factor of {@link #limitFigure}. */
    private final double limit;
    /** The figure the limit is a multiple of, or {@code null} for a fixed limit. */
    private final Figure limitFigure;

    private Threshold(String rule, Figure figure, String operator, double limit, Figure limitFigure) {
        this.rule = rule;
        this.figure = figure;
        this.operator = operator;
        this.limit = limit;
        this.limitFigure = limitFigure;
    }

    /**
     * @param rule the rule's text
     * @return the rule
     * @throws IllegalArgumentException naming what is wrong: the form, an unknown metric, a missing or unwanted
     *         unit, two sides of different kinds
     */
    public static Threshold parse(String rule) {
        Matcher m = RULE.matcher(rule);
        if (!m.matches()) {
            throw new IllegalArgumentException("threshold '" + rule + "' " + FORMS);
        }
        Figure figure = figure(rule, m.group(1), m.group(2));
        String operator = m.group(3);
        Matcher fixed = FIXED.matcher(m.group(4));
        if (fixed.matches()) {
            String unit = fixed.group(2) == null ? null : fixed.group(2).toLowerCase(Locale.ROOT);
            if (figure.isLatency() && unit == null) {
                throw new IllegalArgumentException("threshold '" + rule + "': " + figure.metricName()
                        + " is a latency: give the value a unit (us, ms or s)");
            }
            if (!figure.isLatency() && unit != null) {
                throw new IllegalArgumentException("threshold '" + rule + "': " + figure.metricName()
                        + " is not a latency: give a plain number");
            }
            double value = Double.parseDouble(fixed.group(1)) * (unit == null ? 1 : switch (unit) {
                case "us" -> 1;
                case "ms" -> 1e3;
                default -> 1e6;
            });
            return new Threshold(rule.trim(), figure, operator, value, null);
        }
        Matcher relative = RELATIVE.matcher(m.group(4));
        if (!relative.matches()) {
            throw new IllegalArgumentException("threshold '" + rule + "' " + FORMS);
        }
        Figure limitFigure = figure(rule, relative.group(2), relative.group(3));
        if (limitFigure.isLatency() != figure.isLatency()) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + figure.name() + " and "
                    + limitFigure.name() + " are not of one kind: compare a latency with a latency, a count "
                    + "or ratio with a count or ratio");
        }
        double factor = relative.group(1) == null ? 1 : Double.parseDouble(relative.group(1));
        return new Threshold(rule.trim(), figure, operator, factor, limitFigure);
    }

    private static Figure figure(String rule, String metric, String phase) {
        try {
            return Figure.of(metric, phase);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold '" + rule + "': " + e.getMessage());
        }
    }

    /** @return the phase the rule's measured side is scoped to, or {@code null} for the whole run */
    public String phase() {
        return figure.phase();
    }

    /** @return every phase the rule names, on either side, in order */
    public List<String> phases() {
        List<String> phases = new ArrayList<>();
        for (Figure f : figures()) {
            if (f.phase() != null && !phases.contains(f.phase())) {
                phases.add(f.phase());
            }
        }
        return phases;
    }

    /** @return what the rule judges, e.g. {@code submit.p99{phase:steady}} */
    public Figure figure() {
        return figure;
    }

    /** @return the figures the rule reads: what it judges, then the one its limit is a multiple of, if any */
    public List<Figure> figures() {
        return limitFigure == null ? List.of(figure) : List.of(figure, limitFigure);
    }

    /** @return the rule as written */
    public String rule() {
        return rule;
    }

    /**
     * @param summary a run's summary
     * @return the measured value and whether the rule holds (and, for a limit that is another figure, that
     *         limit as measured)
     */
    public Summary.ThresholdResult evaluate(Summary summary) {
        String unit = figure.isLatency() ? "us" : "";
        Double measured = figure.read(summary);
        Double bound = limitFigure == null ? Double.valueOf(limit) : times(limitFigure.read(summary));
        Double shownBound = limitFigure == null ? null : bound;
        if (measured == null || bound == null) {
            // A phase never ran (the run ended before it): nothing was measured, so the rule cannot hold.
            return new Summary.ThresholdResult(rule, measured, unit, false, shownBound);
        }
        double value = measured;
        double against = bound;
        boolean passed = switch (operator) {
            case "<" -> value < against;
            case "<=" -> value <= against;
            case ">" -> value > against;
            case ">=" -> value >= against;
            case "==" -> value == against;
            default -> value != against;
        };
        return new Summary.ThresholdResult(rule, value, unit, passed, shownBound);
    }

    private Double times(Double figureValue) {
        return figureValue == null ? null : limit * figureValue;
    }
}
