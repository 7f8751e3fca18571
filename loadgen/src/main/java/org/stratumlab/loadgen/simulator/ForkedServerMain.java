package org.stratumlab.loadgen.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.stratumlab.server.StratumServer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The child side of {@link ForkProtocol}: reads its configuration from standard input, starts the server, obeys
 * commands, and stops when told to or when its parent goes away (standard input closes), printing its final
 * counters and {@code stopped}. Runs on its main thread only.
 */
public final class ForkedServerMain {
    private ForkedServerMain() {
    }

    /**
     * @param args ignored: everything comes over standard input
     * @throws IOException if standard input fails
     */
    public static void main(String[] args) throws IOException {
        // Ctrl-C reaches the whole process group: the parent drains its submits and writes its results against
        // this server first, then ends it by closing standard input.
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String first = in.readLine();
        StratumServer server;
        try {
            server = StratumServer.start(ForkProtocol.parseConfig(first == null ? "{}" : first));
        } catch (IOException | RuntimeException e) {
            out.println("error " + e.getMessage());
            return;
        }
        out.println(new ForkProtocol.Listening(server.localAddress().getPort(), server.metricsPort(),
                server.describe()).line());
        try {
            serve(in, out, server);
        } finally {
            server.close();
            // The final counts, after every connection closed: a restart must not lose the submits answered
            // while the server was shutting down.
            out.println(ForkProtocol.countersLine(server.metrics().snapshot()));
            out.println("stopped");
        }
    }

    private static void serve(BufferedReader in, PrintStream out, StratumServer server) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "difficulty" -> {
                    server.blocks().setDifficulty(new BigInteger(words[1]));
                    out.println("ok");
                }
                case "window" -> {
                    server.blocks().setWindow(Integer.parseInt(words[1]));
                    out.println("ok");
                }
                case "block-interval" -> {
                    server.blocks().setBlockIntervalNs(Long.parseLong(words[1]));
                    out.println("ok");
                }
                case "counters" -> out.println(ForkProtocol.countersLine(server.metrics().snapshot()));
                case ForkProtocol.RESOURCES ->
                    out.println(ForkProtocol.resourcesLine(server.readResources()));
                case "stop" -> {
                    return;
                }
                default -> out.println("error unknown command '" + words[0] + "'");
            }
        }
    }
}
