package org.stratumlab.cli;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exit codes of {@code stratumlab}, the one place they are defined: the commands return them, and the
 * {@code --help} of the commands that run load lists them from here.
 */
public enum ExitCode {
    /** Success; for a run, every threshold passed. */
    SUCCESS(0, "success (a run: it got going and every threshold passed)"),
    /** The command ran and failed. */
    FAILED(1, "the command ran and failed: a threshold failed, or nothing was found within the limits"),
    /** Bad input, found before anything started. */
    BAD_INPUT(2, "bad input, found before anything started: an option, a scenario file, or more miners than "
            + "this process's file descriptors hold (one line says which)"),
    /** A run that never got going. */
    NOT_GOING(3, "the run did not get going: no miner subscribed, or fewer than all of them at the peak (one "
            + "line says why; the console lists the reasons)"),
    /** The generator could not produce the load asked of it. */
    GENERATOR_SHORT(4,
            "the generator fell short of the load asked: it sent under 95 percent of the solution events due, "
                    + "or its own lag p99 passed 100 ms (one line says which; the results are written)"),
    /** Ctrl-C or SIGTERM. */
    INTERRUPTED(130, "interrupted (Ctrl-C, SIGTERM): the results so far are written, marked interrupted");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return the process's exit status */
    public int code() {
        return code;
    }

    /** @return what it means, for {@code --help} */
    public String meaning() {
        return meaning;
    }

    /**
     * The worst of several runs' codes, the code of a repeated run: interrupted, then unusable, then never got
     * going, then the generator fell short, then a threshold failed, then success. A run that measured nothing is
     * worse than one whose figures are doubtful, which is worse than one that measured and failed.
     *
     * @param codes the runs' codes
     * @return the worst, or {@link #SUCCESS} when there are none
     */
    public static ExitCode worst(List<ExitCode> codes) {
        List<ExitCode> order = List.of(SUCCESS, FAILED, GENERATOR_SHORT, NOT_GOING, BAD_INPUT, INTERRUPTED);
        return codes.stream().max(Comparator.comparingInt(order::indexOf)).orElse(SUCCESS);
    }

    /**
     * @param code an exit status
     * @return its code
     * @throws IllegalArgumentException for a status that is none of these
     */
    public static ExitCode of(int code) {
        for (ExitCode exit : values()) {
            if (exit.code == code) {
                return exit;
            }
        }
        throw new IllegalArgumentException("exit status " + code + " is not one of stratumlab's");
    }

    /** @return every code and its meaning, for picocli's exit code list */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(String.valueOf(exit.code), exit.meaning);
        }
        return list;
    }
}
