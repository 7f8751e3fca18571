package org.stratumlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json through the typed record: every published run still loads, nothing it says is lost on the way
 * back, and a broken file is one line naming the file and the key.
 */
class SummaryFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The published runs, committed beside the sources. */
    private static final Path PUBLISHED = Path.of("..", "results");

    @TempDir
    Path tmp;

    static List<Path> publishedSummaries() throws IOException {
        try (Stream<Path> files = Files.walk(PUBLISHED)) {
            return files.filter(f -> f.getFileName().toString().equals(SummaryFile.FILE_NAME)).sorted()
                    .toList();
        }
    }

    @Test
    void everyPublishedSummaryLoadsAndWritesBackWhatItSaid() throws IOException {
        List<Path> files = publishedSummaries();
        assertTrue(files.size() >= 5,
                "published summaries under " + PUBLISHED.toAbsolutePath() + ": " + files);
        for (Path file : files) {
            Summary summary = SummaryFile.read(file);
            JsonNode original = JSON.readTree(file.toFile());
            JsonNode written = JSON.readTree(SummaryFile.toJson(summary));
            assertContains(original, written, file.toString());
            int published = original.has("schemaVersion") ? original.get("schemaVersion").asInt() : 1;
            assertEquals(published, written.get("schemaVersion").asInt(),
                    file + ": written back with another schema version (1 when published before the field existed)");
            assertEquals(summary, SummaryFile.parse(SummaryFile.toJson(summary), file.toString()),
                    file.toString());
        }
    }

    @Test
    void theInvariantHoldsInEveryPublishedSummary() throws IOException {
        for (Path file : publishedSummaries()) {
            Summary.Submits s = SummaryFile.read(file).submits();
            assertEquals(s.sent(), s.accepted() + s.rejectedTotal() + s.errors() + s.unanswered(),
                    file.toString());
        }
    }

    @Test
    void aFileWithoutSchemaVersionReadsAsTheFirstLayoutAndHonestLatencyDefaultsToAll() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(publishedSummaries().get(0).toFile());
        root.remove("schemaVersion");
        ((ObjectNode) root.get("latencyUs")).remove("submitHonest");
        Summary s = SummaryFile.parse(root.toString(), "old");
        assertEquals(1, s.schemaVersion());
        assertEquals(s.latencyUs().submit(), s.latencyUs().submitHonest());
        assertEquals(Summary.Errors.NONE, s.errors());
    }

    @Test
    void aPublishedRunGotGoingWasNotInterruptedAndHasNoStartReasons() throws IOException {
        for (Path file : publishedSummaries()) {
            Summary summary = SummaryFile.read(file);
            assertTrue(summary.gotGoing(), file.toString());
            assertFalse(summary.interrupted(), file.toString());
            // Files from before plannedDurationS existed fall back on the run's own duration.
            assertEquals(
                    summary.plannedDurationS() != null ? summary.plannedDurationS() : summary.durationS(),
                    summary.plannedOrActualDurationS(), file.toString());
            if (summary.miners().subscribed() == summary.miners().target()
                    && summary.miners().reconnects() == 0) {
                assertEquals(Map.of(), summary.miners().startReasons(), file.toString());
            } else if (summary.miners().subscribed() == summary.miners().target()) {
                // Miners that reconnect while the endpoint restarts are refused until it is back.
                assertTrue(summary.miners().startReasons().keySet().stream()
                        .allMatch(reason -> reason.startsWith("connect failed: ")), file.toString());
            }
        }
    }

    @Test
    void howARunEndedAndWhyMinersDidNotGetGoingComeBackAsWritten() throws IOException {
        Summary published = SummaryFile.read(publishedSummaries().get(0));
        Summary.Miners m = published.miners();
        Summary.Miners refused = new Summary.Miners(m.target(), 0, 0, 3, 0, 12L, 2L, 1L, 4L, 5L,
                Map.of("ECONNREFUSED", 10L, "EMFILE", 2L));
        Summary ended = new Summary(published.schemaVersion(), published.scenario(), null,
                published.startedAt(),
                published.durationS(), published.machine(), published.jdk(), published.transport(),
                published.grinder(), published.grinding(), published.generator(), published.invocation(),
                published.settings(), refused,
                published.submits(),
                published.notifies(), published.latencyUs(), published.errors(), published.phases(),
                published.thresholds(), null, null, null, null, null, null, null, null, null, null)
                .withEnd("no miner could connect", true, 600);
        Summary back = SummaryFile.parse(SummaryFile.toJson(ended), "written");
        assertEquals(ended, back);
        assertTrue(back.interrupted());
        assertEquals(600.0, back.plannedOrActualDurationS());
        assertEquals("no miner could connect", back.startFailure());
        assertEquals(
                List.of("subscribe rejected", "never answered", "still waiting at the end", "closed by peer",
                        "not JSON-RPC", "connect failed: ECONNREFUSED", "connect failed: EMFILE"),
                List.copyOf(back.miners().startReasons().keySet()));
    }

    @Test
    void theGeneratorsCpuTimeComesBackAsWrittenAndOlderFilesHaveNone() throws IOException {
        Summary published = null;
        for (Path file : publishedSummaries()) {
            Summary s = SummaryFile.read(file);
            if (s.generator() != null && s.generator().cpuSeconds() == null) {
                // Published before the field: it loads without it, and says nothing about CPU.
                assertEquals(null, s.generator().cpuSecondsPer10kSubmits(), file.toString());
                assertEquals(null, s.generator().describeCpu(), file.toString());
                published = s;
            } else if (s.generator() != null) {
                assertTrue(s.generator().describeCpu() != null, file + " has the field and says so");
            }
        }
        assertTrue(published != null, "a published summary with a generator verdict");
        Summary.Generator costed = published.generator().withCpu(12.3456, 300_000, true);
        assertEquals(12.346, costed.cpuSeconds());
        assertEquals(0.412, costed.cpuSecondsPer10kSubmits());
        Summary written = published.withGenerator(costed);
        Summary back = SummaryFile.parse(SummaryFile.toJson(written), "written");
        assertEquals(written, back);
        assertEquals(Boolean.TRUE, back.generator().cpuIncludesServer());
        assertTrue(back.generator().describeCpu().contains("0.412 CPU-s per 10,000 submits"),
                back.generator().describeCpu());
        assertEquals(null, published.generator().withCpu(1.0, 0, false).cpuSecondsPer10kSubmits(),
                "nothing sent: no cost per submit");
    }

    @Test
    void aShardComesBackAsWrittenAndAnUnshardedRunHasNone() throws IOException {
        Summary published = SummaryFile.read(publishedSummaries().get(0));
        assertEquals(null, published.shard(), "published before sharding: no shard");
        assertFalse(JSON.readTree(SummaryFile.toJson(published)).has("shard"), "absent, not null");
        Summary.Shard share = new Summary.Shard(1, 3, 42, -7, "ab".repeat(32), "2026-12-02T06:30:00Z");
        Summary sharded = published.withShard(share);
        Summary back = SummaryFile.parse(SummaryFile.toJson(sharded), "written");
        assertEquals(sharded, back);
        assertEquals("shard 1 of 3", back.shard().describe());
        Summary unscheduled = published.withShard(new Summary.Shard(0, 3, 42, 9, "cd".repeat(32), null));
        JsonNode written = JSON.readTree(SummaryFile.toJson(unscheduled)).get("shard");
        assertTrue(written.get("startAt").isNull(), "no --start-at: startAt is written as null, " + written);
        assertEquals(unscheduled, SummaryFile.parse(SummaryFile.toJson(unscheduled), "written"));
    }

    @Test
    void aBrokenShardIsNamedWithItsKey() throws IOException {
        Summary published = SummaryFile.read(publishedSummaries().get(0));
        ObjectNode root = (ObjectNode) JSON.readTree(SummaryFile.toJson(
                published.withShard(new Summary.Shard(0, 2, 1, 2, "0".repeat(64), null))));
        ObjectNode outOfRange = root.deepCopy();
        ((ObjectNode) outOfRange.get("shard")).put("index", 2);
        assertEquals("s: shard.index must be in 0..1", assertThrows(IllegalArgumentException.class,
                () -> SummaryFile.parse(outOfRange.toString(), "s")).getMessage());
        ObjectNode noDigest = root.deepCopy();
        ((ObjectNode) noDigest.get("shard")).remove("scenarioDigest");
        assertEquals("s: shard.scenarioDigest is missing", assertThrows(IllegalArgumentException.class,
                () -> SummaryFile.parse(noDigest.toString(), "s")).getMessage());
    }

    @Test
    void aMissingKeyIsNamedWithItsPath() throws IOException {
        assertRejected("submits.sent is missing", root -> ((ObjectNode) root.get("submits")).remove("sent"));
        assertRejected("latencyUs.connect.p99 is missing",
                root -> ((ObjectNode) root.get("latencyUs").get("connect")).remove("p99"));
        assertRejected("scenario is missing", root -> root.remove("scenario"));
        assertRejected("miners.target must be a number >= 0",
                root -> ((ObjectNode) root.get("miners")).put("target", -1));
        assertRejected("submits.accepted must be a whole number",
                root -> ((ObjectNode) root.get("submits")).put("accepted", "many"));
        assertRejected("startedAt must be an ISO-8601 instant such as 2026-11-24T10:00:00Z",
                root -> root.put("startedAt", "yesterday"));
    }

    @Test
    void notJsonIsSaidSoWithTheLine() throws IOException {
        Path file = tmp.resolve(SummaryFile.FILE_NAME);
        Files.writeString(file, "{\n  \"scenario\": \n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SummaryFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
        assertEquals(tmp.resolve("none.json") + ": not found",
                assertThrows(IllegalArgumentException.class, () -> SummaryFile.read(tmp.resolve("none.json")))
                        .getMessage());
    }

    @Test
    void stealTimeIsAbsentFromOlderFilesAndKeptWhereRecorded() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(publishedSummaries().get(0).toFile());
        ((ObjectNode) root.get("machine")).remove("stealPercent");
        Summary old = SummaryFile.parse(root.toString(), "old");
        assertEquals(null, old.machine().stealPercent());
        assertFalse(JSON.readTree(SummaryFile.toJson(old)).get("machine").has("stealPercent"),
                "not written as null");
        ((ObjectNode) root.get("machine")).put("stealPercent", 1.25);
        Summary recorded = SummaryFile.parse(root.toString(), "new");
        assertEquals(1.25, recorded.machine().stealPercent());
        assertEquals(recorded, SummaryFile.parse(SummaryFile.toJson(recorded), "again"));
    }

    @Test
    void aNullMeasuredValueStaysNull() throws IOException {
        Summary s = SummaryFile.read(publishedSummaries().get(0));
        Summary judged = s
                .withThresholds(List.of(new Summary.ThresholdResult("sent{phase:x} > 0", null, "", false)));
        JsonNode written = JSON.readTree(SummaryFile.toJson(judged)).get("thresholds").get(0);
        assertTrue(written.get("value").isNull(), written.toString());
        assertFalse(judged.thresholdsPassed());
    }

    @Test
    void metricRuleNamesAreTheSummaryKeysInSnakeCase() {
        assertEquals("submit_honest", Metric.SUBMIT_HONEST.ruleName());
        assertEquals("notify_skew", Metric.NOTIFY_SKEW.ruleName());
        assertEquals("submit", Metric.SUBMIT.ruleName());
    }

    private void assertRejected(String expected, java.util.function.Consumer<ObjectNode> breakIt)
            throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(publishedSummaries().get(0).toFile());
        breakIt.accept(root);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SummaryFile.parse(root.toString(), "run/summary.json"));
        assertEquals("run/summary.json: " + expected, e.getMessage());
    }

    /** Every value of {@code expected} is in {@code actual} (which may have more: keys the new layout adds). */
    private static void assertContains(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                assertTrue(actual.has(e.getKey()), where + ": " + e.getKey() + " was dropped");
                assertContains(e.getValue(), actual.get(e.getKey()), where + "." + e.getKey());
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), where);
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertEquals(expected.doubleValue(), actual.doubleValue(), where);
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
