package org.stratumlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns bad input into one line on stderr naming the option and the problem, with exit code 2, instead of
 * picocli's usage dump or a stack trace. A subcommand reports a user error by throwing
 * {@link ParameterException}; {@link IllegalArgumentException} from the libraries (a bad hex value, a zero
 * difficulty) is treated the same way, because every such value came from the user.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final int USAGE = ExitCode.BAD_INPUT.code();

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        print(cmd, e.getMessage());
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof IllegalArgumentException) {
            print(cmd, e.getMessage());
            return USAGE;
        }
        // Not the user's fault: still one line, but say it is a bug and which one.
        print(cmd, "internal error: " + e);
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static void print(CommandLine cmd, String message) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(cmd.getColorScheme().errorText(name + ": " + message) + " (see '" + name + " --help')");
        err.flush();
    }
}
