package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's heap and descriptors in report.html: two inline charts, the slope in words, whose heap it is. */
class ServerResourceChartsTest {
    @TempDir
    Path tmp;

    private String render(RunFixture fixture) throws IOException {
        return Files.readString(RunReport.render(fixture.write(tmp.resolve("run"))));
    }

    @Test
    void aRunThatSampledTheSimulatorHasItsHeapAndDescriptorCharts() throws IOException {
        int without = Html.svgs(render(new RunFixture())).size();
        RunFixture fixture = new RunFixture();
        fixture.serverResources = true;
        String html = render(fixture);
        List<String> svgs = Html.svgs(html);
        assertEquals(without + 2, svgs.size());
        svgs.forEach(Html::assertHasData);
        Html.assertSelfContained(html);
        assertTrue(
                html.contains("Simulator heap over time") && html.contains("Simulator descriptors over time"),
                html);
        assertTrue(html.contains("+3600.00 MiB/h ± 0.00 MiB/h (95 % confidence, 3 samples)"), html);
        assertTrue(html.contains("fds 40 -&gt; 41 (+1)"), html);
        assertTrue(html.contains("The simulator ran in a JVM of its own."), html);
        assertFalse(html.contains("the generator&#39;s heap and fds too"), html);
    }

    @Test
    void anInProcessSimulatorsHeapIsMarkedAsTheGeneratorsToo() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.serverResources = true;
        fixture.heapShared = true;
        String html = render(fixture);
        assertTrue(html.contains("this heap is the generator&#39;s too"), html);
        assertTrue(html.contains("the generator&#39;s heap and fds too (the simulator ran in its process)"),
                html);
    }

    @Test
    void aRunWithoutReadingsSaysSoInItsHeader() throws IOException {
        String html = render(new RunFixture());
        assertTrue(html.matches("(?s).*simulator resources</t[hd]>\\s*<td[^>]*>not sampled.*"), html);
        assertFalse(html.contains("Simulator heap over time"), html);
    }
}
