package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html's Attack section: the kind, the counts, every answer kind and every end, only when attacked. */
class AttackSectionTest {
    @TempDir
    Path tmp;

    private String render(RunFixture fixture) throws IOException {
        return Files.readString(RunReport.render(fixture.write(tmp.resolve("run"))));
    }

    @Test
    void anAttackedRunHasItsAttackSection() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.attack = true;
        String html = render(fixture);
        assertTrue(html.contains(">Attack</h2>"), html);
        for (String text : new String[]{"line-over-limit", "connections opened", "answered error:-32600",
                "ended closed_after_error", "ended still_open", "open until the endpoint closed"}) {
            assertTrue(html.contains(text), text + " missing from the report");
        }
        Html.assertSelfContained(html);
    }

    @Test
    void aRunWithoutAttackersHasNone() throws IOException {
        assertFalse(render(new RunFixture()).contains(">Attack</h2>"));
    }
}
