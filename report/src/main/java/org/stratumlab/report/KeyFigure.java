package org.stratumlab.report;

import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import java.util.List;
import org.stratumlab.results.Metric;

/**
 * One headline number of a run, as the report, the comparison and the index show it.
 *
 * @param name what it is, e.g. "submit p99"
 * @param value its value; latencies in microseconds
 * @param kind how to write it
 * @param better which way is an improvement, to colour a comparison's change
 */
record KeyFigure(String name, double value, Kind kind, Better better) {
    /** How a figure is written. */
    enum Kind {
        COUNT, RATE, RATIO, LATENCY_US
    }

    /** Which direction of change is an improvement. */
    enum Better {
        HIGHER, LOWER
    }

    /** @return the key figures of a run, in the order the pages list them */
    static List<KeyFigure> of(Summary s) {
        Summary.Percentiles submit = s.latencyUs().of(Metric.SUBMIT);
        return List.of(new KeyFigure("submits sent", s.submits().sent(), Kind.COUNT, Better.HIGHER),
                new KeyFigure("submits accepted", s.submits().accepted(), Kind.COUNT, Better.HIGHER),
                new KeyFigure("accepted ratio", s.acceptedRatio(), Kind.RATIO, Better.HIGHER),
                new KeyFigure("submits per second", s.submitsPerSecond(), Kind.RATE, Better.HIGHER),
                new KeyFigure("submit p50", submit.p50(), Kind.LATENCY_US, Better.LOWER),
                new KeyFigure("submit p99", submit.p99(), Kind.LATENCY_US, Better.LOWER),
                new KeyFigure("submit p99.9", submit.p999(), Kind.LATENCY_US, Better.LOWER),
                new KeyFigure("submit-service p99", s.latencyUs().of(Metric.SUBMIT_SERVICE).p99(),
                        Kind.LATENCY_US,
                        Better.LOWER),
                new KeyFigure("notify skew p99", s.latencyUs().of(Metric.NOTIFY_SKEW).p99(), Kind.LATENCY_US,
                        Better.LOWER),
                new KeyFigure("miners connected (max)", s.miners().connectedMax(), Kind.COUNT, Better.HIGHER),
                new KeyFigure("errors", s.submits().errors(), Kind.COUNT, Better.LOWER),
                new KeyFigure("unanswered", s.submits().unanswered(), Kind.COUNT, Better.LOWER));
    }

    /** @return the value as the pages write it */
    String formatted() {
        return switch (kind) {
            case COUNT -> Format.count((long) value);
            case RATE -> Format.rate(value);
            case RATIO -> Format.percent(value);
            case LATENCY_US -> Format.latencyUs(value);
        };
    }

    /** @return +1 if going from this to {@code other} is an improvement, -1 if a regression, 0 if neither */
    int verdict(KeyFigure other) {
        int sign = Double.compare(other.value, value);
        return better == Better.HIGHER ? sign : -sign;
    }
}
