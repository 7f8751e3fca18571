package org.stratumlab.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * The image {@code deploy/image/build-scratch.sh} builds FROM scratch, built from the jar this build has just
 * packaged and run with podman as a user runs it: its entrypoint is the stratumlab command, its user is not root,
 * and the simulator in one container serves the load generator in another over TCP with Netty's native transport
 * (which proves the glibc the image carries), the generator writing its results to a mounted folder as the shards
 * write to theirs. An integration test (failsafe, after {@code package}); skipped where podman or buildah is
 * absent. About 30 s on an idle 2-core machine (17 s to build the image), 90 s on a busy one.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerImageIT {
    private static final Path JAR = Path.of("target", "stratumlab.jar").toAbsolutePath();
    private static final Path SCRIPT = Path.of("..", "deploy", "image", "build-scratch.sh").toAbsolutePath();
    private static final String TAG = "localhost/stratumlab:it-" + ProcessHandle.current().pid();
    private static final Pattern LISTENING = Pattern
            .compile("listening on 127\\.0\\.0\\.1:(\\d+) transport=(\\S+)");

    @TempDir
    Path results;

    @BeforeAll
    static void buildTheImage() throws Exception {
        assumeTrue(runs("podman", "--version") && runs("buildah", "--version"),
                "podman or buildah is not installed: the image is not built here");
        assertTrue(Files.isRegularFile(JAR), "the runnable jar is packaged before integration tests: " + JAR);
        long startNs = System.nanoTime();
        Result build = run(List.of("bash", SCRIPT.toString(), "--tag", TAG, "--jar", JAR.toString()), 240);
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("build-scratch.sh: built " + TAG), build.output());
        System.out.printf("ContainerImageIT: build-scratch.sh took %.1f s%n",
                (System.nanoTime() - startNs) / 1e9);
    }

    @AfterAll
    static void removeTheImage() throws Exception {
        if (runs("podman", "--version")) {
            run(List.of("podman", "rmi", "--force", TAG), 60);
        }
    }

    @Test
    void theEntrypointIsStratumlabRunByAUserWhoIsNotRoot() throws Exception {
        Result inspect = run(List.of("podman", "image", "inspect", "--format",
                "{{.Config.User}} {{json .Config.Entrypoint}}", TAG), 60);
        assertEquals("65532:65532 [\"stratumlab\"]", inspect.output().strip());
        Result version = run(List.of("podman", "run", "--rm", TAG, "--version"), 60);
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("stratumlab "), version.output());
    }

    @Test
    void theSimulatorInOneContainerServesTheGeneratorInAnother() throws Exception {
        Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("rwxrwxrwx")); // for uid 65532
        String name = "stratumlab-it-server-" + ProcessHandle.current().pid();
        Process server = new ProcessBuilder("podman", "run", "--rm", "--name", name, "--network", "host", TAG,
                "server", "--port", "0", "--difficulty", "4").redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String started = CompletableFuture.supplyAsync(() -> readLine(lines)).get(120, TimeUnit.SECONDS);
            Matcher listening = LISTENING.matcher(String.valueOf(started));
            assertTrue(listening.find(), "the server's start line: " + started);
            assertTrue(List.of("epoll", "io_uring").contains(listening.group(2)),
                    "Netty's native transport loads in the image: " + started);

            Result load = run(
                    List.of("podman", "run", "--rm", "--network", "host", "-v", results + ":/results",
                            TAG, "loadgen", "--target", "127.0.0.1:" + listening.group(1), "--miners", "20",
                            "--solve-rate", "5", "--duration", "4s", "--io-threads", "1", "--allow-shortfall",
                            "--out",
                            "/results/run"),
                    180);
            assertEquals(0, load.exitCode(), load.output());
            Summary summary = SummaryFile.read(results.resolve("run").resolve(SummaryFile.FILE_NAME));
            assertEquals(20, summary.miners().subscribed(), summary.miners().toString());
            assertTrue(summary.submits().accepted() > 0, summary.submits().toString());

            assertEquals(0, run(List.of("podman", "stop", "--time", "20", name), 60).exitCode());
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server container did not stop");
            String rest = String.join("\n", readRest(lines));
            assertTrue(rest.contains("stopped:"), "SIGTERM stops the server gracefully: " + rest);
        } finally {
            server.destroy();
            run(List.of("podman", "rm", "--force", "--ignore", name), 60);
        }
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readRest(BufferedReader lines) throws IOException {
        List<String> rest = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            rest.add(line);
        }
        return rest;
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            return run(List.of(command), 60).exitCode() == 0;
        } catch (IOException e) {
            return false; // not on the PATH
        }
    }

    private static Result run(List<String> command, int timeoutS) throws IOException, InterruptedException {
        Path log = Files.createTempFile("container-image-it-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(timeoutS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertTrue(ended, command + " did not end within " + timeoutS + " s: " + output);
            return new Result(process.exitValue(), output);
        } finally {
            Files.delete(log);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
