package org.stratumlab.cli.loadgen;

import java.util.ArrayList;
import java.util.List;
import org.stratumlab.cli.server.ServerOptions;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads {@code --server.<option>=<value>} arguments with the very option definitions of {@code stratumlab server}
 * (so the two cannot drift apart), for the embedded server. Its port defaults to 0 (any free port).
 */
final class EmbeddedServerOptions {
    private static final String PREFIX = "--server.";

    private EmbeddedServerOptions() {
    }

    static ServerConfig parse(CommandLine owner, List<String> args) {
        List<String> serverArgs = new ArrayList<>(List.of("--port=0"));
        for (String arg : args) {
            if (!arg.startsWith(PREFIX)) {
                throw new ParameterException(owner, "Unknown option: '" + arg + "'");
            }
            serverArgs.add("--" + arg.substring(PREFIX.length()));
        }
        ServerOptions options = new ServerOptions();
        CommandLine parser = new CommandLine(options).setOverwrittenOptionsAllowed(true);
        try {
            parser.parseArgs(serverArgs.toArray(String[]::new));
        } catch (ParameterException e) {
            // Name the options as the user wrote them (once: a second pass would prefix them twice).
            throw new ParameterException(owner, e.getMessage().replace("'--", "'" + PREFIX));
        }
        return options.toConfig();
    }
}
