package org.stratumlab.cli.loadgen;

import java.util.ArrayList;
import java.util.List;
import org.stratumlab.cli.server.ServerOptions;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reads {@code --server.<option>=<value>} arguments with the very option definitions of {@code stratumlab server}
 * (so the two cannot drift apart), for the embedded server. Its port defaults to 0 (any free port).
 *
 * <p>{@code --server.password} and {@code --server.secret} are exclusive, and errors name the options with their
 * prefix, as the user wrote them.
 */
final class EmbeddedServerOptions {
    private static final String PREFIX = "--server.";

    private EmbeddedServerOptions() {
    }

    /**
     * @param owner the loadgen command, for errors
     * @param args the {@code --server.*} arguments
     * @param pow the miners' {@code --pow}, the server's default too; null when not given
     * @return the embedded server's settings
     */
    static ServerConfig parse(CommandLine owner, List<String> args, String pow) {
        List<String> serverArgs = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith(PREFIX)) {
                throw new ParameterException(owner, "Unknown option: '" + arg + "'");
            }
            serverArgs.add("--" + arg.substring(PREFIX.length()));
        }
        CommandLine parser = new CommandLine(ServerOptions.mixin()).setOverwrittenOptionsAllowed(true);
        ParseResult parsed;
        try {
            parsed = parser.parseArgs(serverArgs.toArray(String[]::new));
        } catch (ParameterException e) {
            // Name the options as the user wrote them (once: a second pass would prefix them twice).
            throw new ParameterException(owner, e.getMessage().replace("'--", "'" + PREFIX));
        }
        ServerConfig.Builder defaults = ServerConfig.builder().port(0);
        if (pow != null) {
            defaults.pow(pow);
        }
        return ServerOptions.toConfig(parsed, defaults);
    }
}
