package org.stratumlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./stratumlab} launcher, run as a user runs it, in a copy of the repository's layout: a build says so
 * on stderr before Maven's half minute, and a fresh jar is run without a word. Maven and Java are stand-ins that
 * write the jar and echo their arguments, so the test needs neither a network nor a real build.
 */
@Timeout(60)
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "stratumlab");

    @TempDir
    Path root;

    @Test
    void aBuildSaysSoInOneLineOnStderrAndAFreshJarRunsQuietly() throws Exception {
        Path bin = stage();

        Result first = launch(bin, "--version");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("stratumlab: building cli/target/stratumlab.jar (first run, about 30 s)...\n",
                first.err());
        assertTrue(first.out().contains("-jar " + root.resolve("cli/target/stratumlab.jar") + " --version"),
                first.out());

        Result second = launch(bin, "--version");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("", second.err(), "nothing to build");

        // A source newer than the jar: moved back in time rather than waiting for the clock.
        Files.setLastModifiedTime(root.resolve("cli/target/stratumlab.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        Result third = launch(bin, "--version");
        assertEquals(0, third.exitCode(), third.err());
        assertEquals("stratumlab: rebuilding cli/target/stratumlab.jar (a source changed, about 30 s)...\n",
                third.err());
    }

    /** @return a folder of stand-ins for mvn and java */
    private Path stage() throws IOException {
        assertTrue(Files.isRegularFile(LAUNCHER), "run from the cli module: " + LAUNCHER.toAbsolutePath());
        Files.copy(LAUNCHER, root.resolve("stratumlab"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(root.resolve("cli/src"));
        Files.writeString(root.resolve("cli/pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(root.resolve("stand-ins/bin"));
        executable(bin.resolve("mvn"), "mkdir -p cli/target && echo jar > cli/target/stratumlab.jar\n");
        executable(bin.resolve("java"), "echo \"java $*\"\n");
        return bin;
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result launch(Path bin, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("bash");
        builder.command().add(root.resolve("stratumlab").toString());
        builder.command().addAll(java.util.List.of(args));
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("JAVA_HOME", bin.getParent().toString());
        env.remove("STRATUMLAB_JAVA_OPTS");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not end");
        return new Result(process.exitValue(), out, err);
    }

    private record Result(int exitCode, String out, String err) {
    }
}
