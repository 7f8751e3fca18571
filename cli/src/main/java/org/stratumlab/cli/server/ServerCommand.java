package org.stratumlab.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stratumlab.server.ListenFailure;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code stratumlab server}: the node simulator alone, where one would otherwise run a Conflux node with
 * {@code mining_type = "stratum"} in dev mode. Runs until SIGINT or SIGTERM, then closes every connection,
 * prints the final counters and exits 0.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ServerCommand.WithServerOptions.class, description = {
                "Runs the node simulator: a Stratum endpoint that speaks the Conflux node's protocol byte for "
                        + "byte, with a simulated chain and the defences the node lacks.",
                "Stops on Ctrl-C or SIGTERM, printing the final counters.%n"},
        footer = {
                "%nExample: point a miner at it",
                "  ./stratumlab server --port 32525 --password secret --difficulty 1000",
                "  miner: stratum+tcp://127.0.0.1:32525, any worker name, password 'secret'"})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Adds the options made from the settings table (picocli calls it once, when it builds the command). */
    static final class WithServerOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            command.mixinStandardHelpOptions(false); // added again after: --help and --version come last
            command.addMixin("server", ServerOptions.mixin());
            command.mixinStandardHelpOptions(true);
            return command;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServerConfig config = config();
        CountDownLatch stop = new CountDownLatch(1);
        StratumServer server;
        try {
            server = StratumServer.start(config);
        } catch (ListenFailure e) {
            // A port in use or an address this machine does not have: the user's to change, not a bug.
            String option = e.endpoint() == ListenFailure.Endpoint.METRICS
                    ? "--metrics-port or --metrics-host"
                    : "--port or --host";
            throw new ParameterException(spec.commandLine(), e.getMessage() + "; choose another " + option);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.describe());
        out.flush();
        for (String signal : new String[]{"INT", "TERM"}) {
            Signal.handle(new Signal(signal), s -> stop.countDown());
        }
        stop.await();
        server.close();
        printCounters(out, server.metrics().snapshot());
        return 0;
    }

    private ServerConfig config() {
        try {
            return ServerOptions.toConfig(spec.commandLine().getParseResult(), ServerConfig.builder());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void printCounters(PrintWriter out, ServerMetrics.Snapshot s) {
        StringBuilder submits = new StringBuilder();
        s.submitsByOutcome()
                .forEach((outcome, n) -> submits.append(' ').append(outcome.label()).append('=').append(n));
        StringBuilder closed = new StringBuilder();
        s.rejectedByReason()
                .forEach((reason, n) -> closed.append(' ').append(reason.label()).append('=').append(n));
        out.println("stopped: jobs=" + s.jobs() + " notifies-sent=" + s.notifiesSent() + " notifies-dropped="
                + s.notifiesDropped() + " bytes-in=" + s.bytesReceived() + " bytes-out=" + s.bytesSent());
        out.println("  submits=" + s.submitsTotal() + ":" + submits);
        out.println("  closed by the server:" + closed);
        out.flush();
    }
}
