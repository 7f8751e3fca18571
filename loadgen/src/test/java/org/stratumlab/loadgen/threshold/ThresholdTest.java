package org.stratumlab.loadgen.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Threshold rules read the right value from a hand-written summary.json and compare it the way they read. */
class ThresholdTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complete summary of zeros: each test writes only the keys it is about, merged over this. */
    private static final String ZEROS = """
            {"scenario": "t", "startedAt": "2026-11-24T10:00:00Z", "durationS": 0,
             "machine": {"cpu": "test", "cores": 2}, "jdk": "17",
             "miners": {"target": 0, "connectedMax": 0, "subscribed": 0, "neverAnswered": 0, "reconnects": 0},
             "submits": {"sent": 0, "accepted": 0, "rejected": {"stale": 0, "incorrect": 0, "duplicate": 0, "other": 0},
                         "errors": 0, "unanswered": 0},
             "notifies": {"jobs": 0, "received": 0},
             "latencyUs": {"submit": %1$s, "submitService": %1$s, "connect": %1$s, "subscribe": %1$s,
                           "notifySkew": %1$s}}
            """
            .formatted(
                    "{\"count\": 0, \"mean\": 0, \"p50\": 0, \"p90\": 0, \"p99\": 0, \"p999\": 0, \"max\": 0}");

    /** 200 submits in 4 s; every latency differs from every other, so a misread shows. */
    private static final Summary SUMMARY = tree(
            """
                    {
                      "durationS": 4.0,
                      "miners": {"target": 100, "connectedMax": 100, "subscribed": 98, "neverAnswered": 2, "reconnects": 7},
                      "submits": {"sent": 200, "accepted": 180,
                                  "rejected": {"stale": 10, "incorrect": 4, "duplicate": 2, "other": 1},
                                  "errors": 2, "unanswered": 1, "lateReplies": 99, "solutionsMissed": 99},
                      "notifies": {"jobs": 12, "received": 1150},
                      "latencyUs": {
                        "submit":        {"count": 200, "mean": 850.5, "p50": 700, "p90": 1500, "p99": 2500, "p999": 4000, "max": 5000},
                        "submitService": {"count": 201, "mean": 30.5,  "p50": 20,  "p90": 40,   "p99": 60,   "p999": 80,   "max": 90},
                        "connect":       {"count": 102, "mean": 310.5, "p50": 300, "p90": 320,  "p99": 340,  "p999": 360,  "max": 380},
                        "subscribe":     {"count": 103, "mean": 410.5, "p50": 400, "p90": 420,  "p99": 440,  "p999": 460,  "max": 480},
                        "notifySkew":    {"count": 104, "mean": 510.5, "p50": 500, "p90": 520,  "p99": 540,  "p999": 560,  "max": 580}
                      },
                      "thresholds": []
                    }
                    """);

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
            "sent|200", "accepted|180", "rejected|17", "rejected.stale|10", "rejected.incorrect|4",
            "rejected.duplicate|2", "rejected.other|1", "errors|2", "unanswered|1", "never_answered|2",
            "reconnects|7", "connected.max|100", "subscribed.max|98", "jobs|12", "notifies|1150",
            "accepted_ratio|0.9", "rejected_ratio|0.085", "stale_ratio|0.05", "unanswered_ratio|0.005",
            "error_ratio|0.01", "submits_per_s|50", "accepted_per_s|45", "submit.count|200",
            "submit_service.count|201", "notify_skew.count|104"})
    void aCountOrRatioReadsItsValueFromTheSummary(String metric, double expected) {
        Summary.ThresholdResult r = Threshold.parse(metric + " >= 0").evaluate(SUMMARY);
        assertEquals(expected, r.value(), 1e-12, metric);
        assertEquals("", r.unit());
    }

    @ParameterizedTest(name = "{0} reads {1} us")
    @CsvSource(delimiter = '|', value = {
            "submit.p50|700", "submit.p90|1500", "submit.p99|2500", "submit.p999|4000", "submit.max|5000",
            "submit.mean|850.5", "submit_service.p99|60", "submit_service.max|90", "connect.p50|300",
            "connect.p999|360", "subscribe.p90|420", "subscribe.mean|410.5", "notify_skew.p99|540",
            "notify_skew.max|580"})
    void aLatencyReadsMicrosecondsFromTheSummary(String metric, double expectedUs) {
        Summary.ThresholdResult r = Threshold.parse(metric + " >= 0us").evaluate(SUMMARY);
        assertEquals(expectedUs, r.value(), metric);
        assertEquals("us", r.unit());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "sent < 201|true", "sent < 200|false",
            "sent <= 200|true", "sent <= 199|false",
            "sent > 199|true", "sent > 200|false",
            "sent >= 200|true", "sent >= 201|false",
            "sent == 200|true", "sent == 199|false",
            "sent != 199|true", "sent != 200|false"})
    void everyOperatorComparesTheMeasuredValueWithTheLimit(String rule, boolean passed) {
        Summary.ThresholdResult r = Threshold.parse(rule).evaluate(SUMMARY);
        assertEquals(passed, r.passed(), rule);
        assertEquals(rule, r.rule());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "submit.p99 < 2501us|true", "submit.p99 < 2500us|false", "submit.p99 <= 2500us|true",
            "submit.p99 < 2.6ms|true", "submit.p99 < 2.5ms|false", "submit.p99 <= 2.5ms|true",
            "submit.p99 < 0.0026s|true", "submit.p99 < 0.0025s|false", "submit.p99 > 0.002s|true",
            "submit.max < 5ms|false", "submit.max == 5ms|true"})
    void latencyLimitsInMicrosecondsMillisecondsAndSecondsAreComparedInMicroseconds(String rule,
            boolean passed) {
        assertEquals(passed, Threshold.parse(rule).evaluate(SUMMARY).passed(), rule);
    }

    @Test
    void ratiosAreZeroWhenNothingWasSentSoThatAMinimumFails() {
        Summary idle = tree(
                """
                        {"durationS": 2.0, "submits": {"sent": 0, "accepted": 0,
                          "rejected": {"stale": 0, "incorrect": 0, "duplicate": 0, "other": 0}, "errors": 0, "unanswered": 0}}
                        """);
        for (String ratio : List.of("accepted_ratio", "rejected_ratio", "stale_ratio", "unanswered_ratio",
                "error_ratio")) {
            assertEquals(0, Threshold.parse(ratio + " == 0").evaluate(idle).value(), ratio);
        }
        assertFalse(Threshold.parse("accepted_ratio >= 0.99").evaluate(idle).passed());
        assertTrue(Threshold.parse("unanswered_ratio <= 0.01").evaluate(idle).passed());
    }

    @Test
    void ratesAreZeroForARunOfNoDuration() {
        Summary instant = tree("{\"durationS\": 0, \"submits\": {\"sent\": 10, \"accepted\": 10}}");
        assertEquals(0, Threshold.parse("submits_per_s >= 0").evaluate(instant).value());
        assertEquals(0, Threshold.parse("accepted_per_s >= 0").evaluate(instant).value());
    }

    @Test
    void submitsPerSecondDividesByTheRunsDuration() {
        Summary run = tree("{\"durationS\": 2.5, \"submits\": {\"sent\": 1000, \"accepted\": 900}}");
        assertEquals(400, Threshold.parse("submits_per_s >= 0").evaluate(run).value(), 1e-9);
        assertEquals(360, Threshold.parse("accepted_per_s >= 0").evaluate(run).value(), 1e-9);
    }

    @Test
    void rejectedAddsUpEveryReasonTheSummaryHolds() {
        Summary run = tree(
                """
                        {"submits": {"sent": 10, "rejected": {"stale": 1, "incorrect": 2, "duplicate": 3, "other": 4}}}
                        """);
        assertEquals(10, Threshold.parse("rejected == 10").evaluate(run).value());
        assertTrue(Threshold.parse("rejected_ratio == 1").evaluate(run).passed());
    }

    @Test
    void aMetricMissingFromTheSummaryReadsAsZero() {
        Summary empty = tree("{}");
        Summary.ThresholdResult r = Threshold.parse("connected.max >= 1").evaluate(empty);
        assertEquals(0, r.value());
        assertFalse(r.passed());
    }

    @Test
    void rulesMayBeWrittenInAnyCaseWithOrWithoutSpacesAndInScientificNotation() {
        Threshold spaced = Threshold.parse("  Submit.P99<2.6MS ");
        assertEquals("Submit.P99<2.6MS", spaced.rule(), "kept as written, trimmed");
        assertTrue(spaced.evaluate(SUMMARY).passed());
        assertTrue(Threshold.parse("sent >= 2e2").evaluate(SUMMARY).passed());
        assertFalse(Threshold.parse("sent >= 2.01E2").evaluate(SUMMARY).passed());
    }

    @Test
    void everyMetricTheReadmeListsIsKnown() {
        for (String latency : List.of("submit", "submit_honest", "submit_service", "connect", "subscribe",
                "notify_skew")) {
            for (String stat : List.of("p50", "p90", "p99", "p999", "max", "mean")) {
                assertEquals("us", Threshold.parse(latency + "." + stat + " < 1ms").evaluate(SUMMARY).unit());
            }
            assertEquals("", Threshold.parse(latency + ".count > 0").evaluate(SUMMARY).unit());
        }
        for (String count : List.of("sent", "accepted", "rejected", "rejected.stale", "rejected.incorrect",
                "rejected.duplicate", "rejected.other", "errors", "unanswered", "never_answered",
                "reconnects",
                "connected.max", "subscribed.max", "jobs", "notifies", "accepted_ratio", "rejected_ratio",
                "stale_ratio", "unanswered_ratio", "error_ratio", "submits_per_s", "accepted_per_s")) {
            assertEquals("", Threshold.parse(count + " >= 0").evaluate(SUMMARY).unit(), count);
        }
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        assertEquals("threshold 'latency < 5ms': unknown metric 'latency'; known: "
                + ThresholdMetric.describeNames(), message("latency < 5ms"));
        assertEquals(
                "threshold 'submit.p99 < 5': submit.p99 is a latency: give the value a unit (us, ms or s)",
                message("submit.p99 < 5"));
        assertEquals("threshold 'errors == 0s': errors is not a latency: give a plain number",
                message("errors == 0s"));
        assertEquals("threshold 'errors = 0' is not '<metric> <op> <value>', e.g. 'submit.p99 < 5ms', "
                + "'unanswered == 0', 'submit.p99{phase:steady} < 5ms' or "
                + "'submit.p99{phase:attack} < 2 * submit.p99{phase:baseline}'", message("errors = 0"));
        assertEquals("threshold 'errors == -1' is not '<metric> <op> <value>', e.g. 'submit.p99 < 5ms', "
                + "'unanswered == 0', 'submit.p99{phase:steady} < 5ms' or "
                + "'submit.p99{phase:attack} < 2 * submit.p99{phase:baseline}'", message("errors == -1"));
        assertEquals(
                "threshold 'submit.p99 < 5min' is not '<metric> <op> <value>', e.g. 'submit.p99 < 5ms', "
                        + "'unanswered == 0', 'submit.p99{phase:steady} < 5ms' or "
                        + "'submit.p99{phase:attack} < 2 * submit.p99{phase:baseline}'",
                message("submit.p99 < 5min"));
    }

    /** A run of two phases: a slow warm-up, then a quick steady phase. */
    private static final Summary PHASED = tree(
            """
                    {
                      "durationS": 10.0,
                      "submits": {"sent": 300, "accepted": 300, "rejected": {}, "errors": 0, "unanswered": 0},
                      "latencyUs": {"submit": {"count": 300, "p99": 90000}},
                      "phases": [
                        {"name": "Warm-up", "durationS": 2.0,
                         "submits": {"sent": 100, "accepted": 100, "rejected": {}, "errors": 0, "unanswered": 0},
                         "latencyUs": {"submit": {"count": 100, "p99": 90000}}},
                        {"name": "steady", "durationS": 8.0,
                         "submits": {"sent": 200, "accepted": 190, "rejected": {"stale": 10}, "errors": 0, "unanswered": 0},
                         "latencyUs": {"submit": {"count": 200, "p99": 3000}}}
                      ]
                    }
                    """);

    @Test
    void aRuleScopedToAPhaseJudgesThatPhaseAlone() {
        assertFalse(Threshold.parse("submit.p99 < 5ms").evaluate(PHASED).passed(), "the whole run");
        Threshold steady = Threshold.parse("submit.p99{phase:steady} < 5ms");
        assertEquals("steady", steady.phase());
        assertEquals(3000, steady.evaluate(PHASED).value());
        assertTrue(steady.evaluate(PHASED).passed());
        assertEquals(0.95, Threshold.parse("accepted_ratio{phase:steady} >= 0.9").evaluate(PHASED).value());
        assertEquals(25, Threshold.parse("submits_per_s{phase:steady} > 0").evaluate(PHASED).value());
        assertEquals(90000, Threshold.parse("submit.p99{phase:Warm-up} > 0us").evaluate(PHASED).value(),
                "phase names keep their case");
        assertTrue(Threshold.parse("Submit.P99{phase:steady} < 5MS").evaluate(PHASED).passed());
        assertEquals(null, Threshold.parse("submit.p99 < 5ms").phase());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "submit.p99{phase:Warm-up} < 31 * submit.p99{phase:steady}|true",
            "submit.p99{phase:Warm-up} < 30 * submit.p99{phase:steady}|false",
            "submit.p99{phase:Warm-up} <= 30 * submit.p99{phase:steady}|true",
            "submit.p99{phase:steady} < submit.p99{phase:Warm-up}|true",
            "submit.p99{phase:steady} > 0.5*submit.p99|false",
            "sent{phase:steady} == 2 * sent{phase:Warm-up}|true",
            "sent{phase:steady} >= 0.5e1 * accepted{phase:steady}|false"})
    void aLimitMayBeAnotherFigureOfTheSameRunTimesAFactor(String rule, boolean passed) {
        assertEquals(passed, Threshold.parse(rule).evaluate(PHASED).passed(), rule);
    }

    @Test
    void aRelativeLimitIsReportedAsMeasuredAndItsPhasesAreNamed() {
        Threshold rule = Threshold.parse("submit.p99{phase:steady} < 2 * submit.p99{phase:Warm-up}");
        Summary.ThresholdResult r = rule.evaluate(PHASED);
        assertEquals(3000, r.value());
        assertEquals(180000, r.limit(), "twice the warm-up's p99, in microseconds");
        assertEquals("us", r.unit());
        assertEquals(List.of("steady", "Warm-up"), rule.phases());
        assertEquals(
                List.of(Figure.parse("submit.p99{phase:steady}"), Figure.parse("submit.p99{phase:Warm-up}")),
                rule.figures());
        assertNull(Threshold.parse("submit.p99 < 5ms").evaluate(PHASED).limit(),
                "a fixed limit is the rule's");
    }

    @Test
    void aRelativeLimitWhosePhaseNeverRanFails() {
        Summary.ThresholdResult r = Threshold.parse("submit.p99{phase:steady} < 2 * submit.p99{phase:later}")
                .evaluate(PHASED);
        assertFalse(r.passed());
        assertEquals(3000, r.value());
        assertNull(r.limit(), "the baseline was not measured");
        assertFalse(Threshold.parse("submit.p99{phase:later} < 2 * submit.p99{phase:steady}").evaluate(PHASED)
                .passed());
    }

    @Test
    void aRelativeLimitComparesLikeWithLike() {
        assertEquals("threshold 'submit.p99 < 2 * sent': submit.p99 and sent are not of one kind: compare a "
                + "latency with a latency, a count or ratio with a count or ratio",
                message("submit.p99 < 2 * sent"));
        assertEquals("threshold 'sent < 2 * nonsense.p99': unknown metric 'nonsense.p99'; known: "
                + ThresholdMetric.describeNames(), message("sent < 2 * nonsense.p99"));
        assertEquals("threshold 'sent < 2 * connected.max{phase:steady}': connected.max is not recorded per "
                + "phase; a {phase:...} scope takes submit counts, ratios and latencies",
                message("sent < 2 * connected.max{phase:steady}"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("submit.p99 < 2ms * submit.p50"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("submit.p99 < -2 * submit.p50"));
    }

    @Test
    void theSimulatorsDefencesAreReadFromItsCountersAndFailAgainstAnExternalTarget() {
        Summary defended = tree("""
                {"server": {"closedBy": {"limit": 0, "idle": 3, "line_too_long": 2}, "submits": 10,
                            "notifiesSent": 40, "notifiesDropped": 7, "bytesReceived": 1, "bytesSent": 2}}
                """);
        assertEquals(3, Threshold.parse("server_closed.idle == 3").evaluate(defended).value());
        assertEquals(0, Threshold.parse("server_closed.invalid_utf8 == 0").evaluate(defended).value());
        assertEquals(5, Threshold.parse("server_closed >= 5").evaluate(defended).value());
        assertEquals(7, Threshold.parse("server_notifies_dropped > 0").evaluate(defended).value());
        Summary.ThresholdResult external = Threshold.parse("server_closed.idle == 0").evaluate(SUMMARY);
        assertFalse(external.passed(), "nothing was counted: no rule about it can hold");
        assertNull(external.value());
    }

    @Test
    void aPhaseThatNeverRanFailsItsRules() {
        Summary.ThresholdResult r = Threshold.parse("unanswered{phase:later} == 0").evaluate(PHASED);
        assertFalse(r.passed());
        assertNull(r.value(), "nothing was measured");
    }

    @Test
    void onlyWhatPhasesRecordTakesAPhaseScope() {
        assertEquals(
                "threshold 'connected.max{phase:steady} >= 1': connected.max is not recorded per phase; a "
                        + "{phase:...} scope takes submit counts, ratios and latencies",
                message("connected.max{phase:steady} >= 1"));
    }

    private static String message(String rule) {
        return assertThrows(IllegalArgumentException.class, () -> Threshold.parse(rule)).getMessage();
    }

    private static Summary tree(String json) {
        try {
            ObjectNode merged = (ObjectNode) JSON.readTree(ZEROS);
            ObjectNode given = (ObjectNode) JSON.readTree(json);
            if (given.has("phases")) {
                for (int i = 0; i < given.get("phases").size(); i++) {
                    ObjectNode phase = JSON.createObjectNode().put("startS", 0).put("durationS", 0);
                    phase.set("submits", merged.get("submits").deepCopy());
                    phase.set("latencyUs", merged.get("latencyUs").deepCopy());
                    merge(phase, (ObjectNode) given.get("phases").get(i));
                    ((com.fasterxml.jackson.databind.node.ArrayNode) given.get("phases")).set(i, phase);
                }
            }
            merge(merged, given);
            return SummaryFile.parse(merged.toString(), "test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    @Test
    void aFigureIsNamedAsARuleNamesItAndReadsAsTheRuleDoes() {
        Figure figure = Figure.parse("Submit.P99");
        assertEquals("submit.p99", figure.name());
        assertTrue(figure.isLatency());
        assertEquals(2500.0, figure.read(SUMMARY));
        assertEquals(figure, Threshold.parse("submit.p99 < 5ms").figure());
        Figure scoped = Figure.of("submits_per_s", "steady");
        assertEquals("submits_per_s{phase:steady}", scoped.name());
        assertEquals(scoped, Figure.parse("submits_per_s{phase:steady}"));
        assertFalse(scoped.isLatency());
        assertNull(scoped.read(SUMMARY), "a phase that never ran has no value");
        assertEquals(50.0, Figure.of("submits_per_s", null).read(SUMMARY));
        assertThrows(IllegalArgumentException.class, () -> Figure.of("connected.max", "steady"));
        assertThrows(IllegalArgumentException.class, () -> Figure.parse("submit.p99 < 5ms"));
    }
}
