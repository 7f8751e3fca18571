package org.stratumlab.cli.loadgen;

import java.io.Console;

/** Whether standard output is an interactive terminal, so progress can be rewritten in place. */
public final class Terminal {
    private Terminal() {
    }

    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 a Console exists even when output is redirected; Console.isTerminal() then tells.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console exists only for a terminal
        }
    }
}
