package org.stratumlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.server.ServerCommand;
import org.stratumlab.cli.server.ServerOptions;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import picocli.CommandLine;

/**
 * The README's node simulator and the load generator example aimed at it work together as written: every miner
 * subscribes (the password matches) and the run exits 0. The commands are read from the README itself, so the two
 * cannot drift apart; only the ports become free ones and the run is shortened.
 */
@Timeout(60)
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String PORT = "32525";

    @TempDir
    Path out;

    @Test
    void theServerExampleAndTheLoadgenExampleBesideItWorkTogether() throws IOException {
        List<String> serverArgs = new ArrayList<>(example("./stratumlab server --port " + PORT));
        serverArgs.set(serverArgs.indexOf(PORT), "0");
        int metrics = serverArgs.indexOf("--metrics-port");
        if (metrics >= 0) {
            serverArgs.subList(metrics, metrics + 2).clear(); // a fixed port another test may hold
        }
        CommandLine server = new CommandLine(new ServerCommand());
        ServerConfig config = ServerOptions.toConfig(server.parseArgs(serverArgs.toArray(String[]::new)),
                ServerConfig.builder());
        try (StratumServer running = StratumServer.start(config)) {
            List<String> loadgen = new ArrayList<>(
                    example("./stratumlab loadgen --target 127.0.0.1:" + PORT));
            loadgen.set(loadgen.indexOf("127.0.0.1:" + PORT),
                    "127.0.0.1:" + running.localAddress().getPort());
            loadgen.addAll(0, List.of("loadgen"));
            // Long enough for the generator's lag to be judged after its warm-up, as in the 30 s the README runs.
            // What is judged here is that the two commands work together, not this machine's spare CPU: on a
            // machine loaded several times over, the generator's own lag can pass its bound and the run would
            // exit 4 (it still says so); --allow-shortfall keeps that verdict out of this test.
            loadgen.addAll(List.of("--duration", "12s", "--out", out.toString(), "--io-threads", "1",
                    "--allow-shortfall"));
            CliRun run = CliRun.of(loadgen.toArray(String[]::new));
            assertEquals(ExitCode.SUCCESS.code(), run.exitCode(), run.out() + run.err());
            Summary summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
            assertEquals(summary.miners().target(), summary.miners().subscribed(),
                    summary.miners().toString());
        }
    }

    /** @return the arguments of the README's command line that starts so, after the command's own words */
    private static List<String> example(String start) throws IOException {
        String line = Files.readAllLines(README).stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no line starting '" + start + "'"));
        String command = line.replaceFirst("\\s+#.*$", "");
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        return words.subList(2, words.size());
    }
}
