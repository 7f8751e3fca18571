package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's digest: the same for the same scenario however it is written, another for any other value. */
class ScenarioDigestTest {
    private static final String SCENARIO = """
            name: digest
            seed: 7
            target:
              external: 127.0.0.1:32525
            miners:
              worker-prefix: d
            phases:
              - duration: 2s
                miners: 10
                solve-rate: 2
            """;
    /** The same scenario: keys in another order, comments, other quoting. */
    private static final String SAME = """
            # the same, written otherwise
            phases:
              - {solve-rate: 2, miners: 10, duration: "2s"}
            miners: {worker-prefix: "d"}
            seed: 7
            target: {external: '127.0.0.1:32525'}
            name: digest
            """;

    @TempDir
    Path dir;

    private String digest(String text, String... overrides) throws IOException, ScenarioException {
        Path file = Files.writeString(Files.createTempFile(dir, "s", ".yaml"), text);
        return ScenarioLoader.load(file, List.of(overrides)).digest();
    }

    @Test
    void theLayoutOfTheFileDoesNotChangeIt() throws Exception {
        String digest = digest(SCENARIO);
        assertTrue(digest.matches("[0-9a-f]{64}"), digest);
        assertEquals(digest, digest(SAME));
        assertEquals(digest, digest(SCENARIO.replace("seed: 7", "seed: 8"), "seed=7"),
                "an override that gives the file's value back");
    }

    @Test
    void anyOtherValueOrOverrideChangesIt() throws Exception {
        String digest = digest(SCENARIO);
        assertNotEquals(digest, digest(SCENARIO, "phases.0.duration=3s"));
        assertNotEquals(digest, digest(SCENARIO.replace("seed: 7", "seed: 8")));
        assertNotEquals(digest, digest(SCENARIO + "description: another question\n"));
    }

    @Test
    void theHashedTextIsTheTreeAsSortedCompactJson() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"b\":{\"y\":1,\"x\":[2,{\"d\":3,\"c\":4}]},\"a\":\"s\"}");
        assertEquals("{\"a\":\"s\",\"b\":{\"x\":[2,{\"c\":4,\"d\":3}],\"y\":1}}",
                ScenarioDigest.canonicalJson(tree));
    }
}
