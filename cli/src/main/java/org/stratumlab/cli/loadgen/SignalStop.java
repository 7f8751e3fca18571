package org.stratumlab.cli.loadgen;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.loadgen.run.RunStop;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a graceful stop of the run in progress, instead of the JVM's exit that
 * would leave a half-written run folder: the run drains, writes its summary and report marked interrupted, and
 * the command exits 130. A second signal stops at once, for a user who will not wait.
 *
 * <p>Installed by the command's thread around one run; the handlers run on the JVM's signal thread.
 */
final class SignalStop implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private SignalStop(RunStop stop, boolean ignoreInterrupt) {
        SignalHandler handler = signal -> {
            if (stop.isInterrupted()) {
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
            }
            stop.interrupt();
        };
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            boolean ignored = ignoreInterrupt && name.equals("INT");
            previous.put(signal, Signal.handle(signal, ignored ? SignalHandler.SIG_IGN : handler));
        }
    }

    /**
     * @param stop what a signal asks to stop
     * @return the installed handlers, to be closed once the run's results are written
     */
    static SignalStop install(RunStop stop) {
        return new SignalStop(stop, false);
    }

    /**
     * For one run of a repeated run, in a JVM of its own: the Ctrl-C that reaches the whole process group is
     * ignored, because the repeated run passes it on as one SIGTERM (a second signal would halt this run before its
     * results are written).
     *
     * @param stop what SIGTERM asks to stop
     * @return the installed handlers, to be closed once the run's results are written
     */
    static SignalStop installForSeries(RunStop stop) {
        return new SignalStop(stop, true);
    }

    /** Puts back the handlers that were there before: a signal after the run ends the JVM as usual. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
