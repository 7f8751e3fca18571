package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.uring.IoUring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;
import org.stratumlab.cli.ChildCommand;

/** {@code --transport} on both ends: io_uring runs a real load where the kernel allows it, and is refused in one line where not. */
class TransportOptionTest {
    @TempDir
    Path out;

    @Test
    @Timeout(60)
    void ioUringOnBothEndsCarriesARunAndTheSummarySaysSo() throws Exception {
        assumeTrue(IoUring.isAvailable(), "this kernel refuses io_uring: " + IoUring.unavailabilityCause());
        CliRun run = CliRun.of("loadgen", "--transport", "io_uring", "--miners", "5", "--duration", "2s",
                "--solve-rate", "5", "--out", out.toString(), "--io-threads", "1",
                "--server.transport=io_uring",
                "--server.difficulty=1", "--server.block-interval=0", "--server.new-job-on-solution=false",
                "--server.notify-on-subscribe", "--server.io-threads=1");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("transport=io_uring"),
                "the embedded server's start line: " + run.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("io_uring", summary.get("transport").asText(), "the miners' transport");
        assertEquals("io_uring", summary.get("settings").get("transport").asText(), "as asked");
        assertEquals("io_uring", summary.get("settings").get("server").get("transport").asText());
        JsonNode submits = summary.get("submits");
        assertTrue(submits.get("sent").asLong() > 0, submits.toString());
        assertEquals(submits.get("sent").asLong(), submits.get("accepted").asLong(), submits.toString());
    }

    @Test
    void anUnknownTransportIsOneLineNamingTheOption() {
        CliRun run = CliRun.of("loadgen", "--transport", "kqueue", "--duration", "1s");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(
                "stratumlab loadgen: --transport: must be one of auto, io_uring, epoll, nio, was 'kqueue' "
                        + "(see 'stratumlab loadgen --help')",
                run.err().strip());
    }

    /**
     * A JVM whose native transports are turned off stands in for a kernel that refuses them: asked for by name, a
     * transport is refused with the platform's reason, never silently replaced; {@code auto} runs on what there is.
     */
    @Test
    @Timeout(60)
    void aTransportThePlatformRefusesIsOneLineWithItsReasonOnBothCommands() throws Exception {
        List<String> server = child("server", "--port", "0", "--transport", "io_uring");
        assertEquals("2", server.get(0), server.toString());
        assertEquals(2, server.size(), "one line: " + server);
        assertTrue(
                server.get(1)
                        .startsWith("stratumlab server: Invalid value for option '--transport': io_uring is "
                                + "not available here (Native transport was explicit disabled"),
                server.toString());
        assertTrue(server.get(1).contains("; nio is"), server.toString());

        List<String> loadgen = child("loadgen", "--transport", "epoll", "--duration", "1s", "--out",
                out.resolve("refused").toString());
        assertEquals("2", loadgen.get(0), loadgen.toString());
        assertTrue(
                loadgen.get(1).startsWith("stratumlab loadgen: --transport: epoll is not available here ("),
                loadgen.toString());
        assertFalse(String.join("\n", loadgen).contains("Exception"), loadgen.toString());
    }

    /** @return the exit code, then the lines the command printed */
    private static List<String> child(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                ChildCommand.of(List.of("-Dio.netty.transport.noNative=true"), args))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes(); // until it exits: these commands end at once
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "it exits");
        List<String> result = new ArrayList<>();
        result.add(String.valueOf(process.exitValue()));
        new String(output, StandardCharsets.UTF_8).lines().forEach(result::add);
        return result;
    }
}
