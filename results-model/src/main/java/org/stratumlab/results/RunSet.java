package org.stratumlab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A repeated run's {@code runs.json} ({@code stratumlab run FILE --repeat N}): the scenario run N times back to
 * back, each run in a folder of its own beside this file ({@code run-1/}, {@code run-2/}, ...), and for each
 * headline figure its value in every run with the median, min and max across them, beside each run's load average
 * and steal time. {@link RunSetFile} writes and reads it; the results index and the set's README read it.
 *
 * @param schemaVersion the version of this layout ({@link #CURRENT_SCHEMA_VERSION})
 * @param scenario the scenario's name
 * @param description what question the scenario answers; absent when it says none
 * @param startedAt when the first run started, ISO-8601
 * @param machine the machine the runs ran on ({@link Summary.Machine#describe()})
 * @param jdk the JDK's version
 * @param overrides the {@code --set} overrides every run had
 * @param commandLine the arguments of {@code stratumlab} that made the set, as given
 * @param repeat how many runs were asked for
 * @param passed how many runs passed (exit code 0)
 * @param exitCode the exit code of the worst run, the set's own
 * @param verdict one line: {@code 3 of 3 runs passed}, or which runs failed and why
 * @param runs each run, in order (fewer than {@code repeat} when one was interrupted or unusable)
 * @param figures each headline figure across the runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "scenario", "description", "startedAt", "machine", "jdk", "overrides",
        "commandLine", "repeat", "passed", "exitCode", "verdict", "runs", "figures"})
public record RunSet(Integer schemaVersion, @JsonProperty(required = true) String scenario,
        String description,
        @JsonProperty(required = true) String startedAt, String machine, String jdk, List<String> overrides,
        List<String> commandLine, @JsonProperty(required = true) int repeat,
        @JsonProperty(required = true) int passed,
        @JsonProperty(required = true) int exitCode, String verdict,
        @JsonProperty(required = true) List<Run> runs, @JsonProperty(required = true) List<Figure> figures) {

    /** The layout written now. */
    public static final int CURRENT_SCHEMA_VERSION = 1;
    /** The file's name in a repeated run's folder. */
    public static final String FILE_NAME = "runs.json";

    /** Checks what every reader relies on; absent lists are empty. */
    public RunSet {
        schemaVersion = schemaVersion == null ? CURRENT_SCHEMA_VERSION : schemaVersion;
        Checks.require(!scenario.isBlank(), "scenario must not be empty");
        try {
            Instant.parse(startedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "startedAt must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
        machine = machine == null ? "" : machine;
        jdk = jdk == null ? "" : jdk;
        verdict = verdict == null ? "" : verdict;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        runs = List.copyOf(runs);
        figures = List.copyOf(figures);
        Checks.require(repeat >= 1, "repeat must be at least 1");
        Checks.nonNegative("passed", passed);
    }

    /** @return when the first run started */
    public Instant startedAtInstant() {
        return Instant.parse(startedAt);
    }

    /**
     * @param name a figure's name, e.g. {@code submit.p99{phase:steady}}
     * @return that figure, if the set has it
     */
    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** @return the median of the runs' durations, seconds, over the runs that have one */
    public Double medianDurationS() {
        return Spread.of(runs.stream().map(Run::durationS).toList()).median();
    }

    /**
     * One run of the set.
     *
     * @param dir its folder, relative to the set's ({@code run-1})
     * @param exitCode its exit code, as a single run's
     * @param verdict {@code passed}, or why not: {@code failed RULE, RULE}, {@code did not get going}, ...
     * @param counted whether its figures count towards the medians (it got going and was not interrupted)
     * @param startedAt when it started; absent when it wrote no summary
     * @param durationS how long it took, seconds; absent when it wrote no summary
     * @param loadAtStart the load averages as it began
     * @param loadAtEnd the same as it ended
     * @param stealPercent the steal time during it, percent of all cores' time; absent off Linux
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"dir", "exitCode", "verdict", "counted", "startedAt", "durationS", "loadAtStart",
            "loadAtEnd", "stealPercent"})
    public record Run(@JsonProperty(required = true) String dir, @JsonProperty(required = true) int exitCode,
            @JsonProperty(required = true) String verdict, @JsonProperty(required = true) boolean counted,
            String startedAt, Double durationS, String loadAtStart, String loadAtEnd, Double stealPercent) {
        /** Fills what a run without a summary lacks. */
        public Run {
            loadAtStart = loadAtStart == null ? "" : loadAtStart;
            loadAtEnd = loadAtEnd == null ? "" : loadAtEnd;
        }

        /** @return whether it passed */
        public boolean passed() {
            return exitCode == 0;
        }
    }

    /**
     * One headline figure across the runs.
     *
     * @param name as a threshold names it: {@code submit.p99}, {@code submits_per_s{phase:steady}}
     * @param unit {@code us} for a latency, empty otherwise
     * @param values its value in each run, in run order; {@code null} where a run does not count or did not
     *        reach the phase
     * @param median the median of the values there are (the mean of the middle two of an even count)
     * @param min the smallest
     * @param max the largest
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"name", "unit", "values", "median", "min", "max"})
    public record Figure(@JsonProperty(required = true) String name, String unit,
            @JsonProperty(required = true) List<Double> values, Double median, Double min, Double max) {
        /** Copies the values, which may hold nulls. */
        public Figure {
            unit = unit == null ? "" : unit;
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * @param name the figure's name
         * @param unit {@code us} or empty
         * @param values its value in each run, null where there is none
         * @return the figure with its median, min and max
         */
        public static Figure of(String name, String unit, List<Double> values) {
            Spread spread = Spread.of(values);
            return new Figure(name, unit, values, spread.median(), spread.min(), spread.max());
        }

        /** @return how many runs have a value */
        public long runs() {
            return values.stream().filter(v -> v != null).count();
        }

        /** @return whether it is a latency in microseconds */
        public boolean isLatency() {
            return unit.equals("us");
        }
    }

    /**
     * The median, min and max of some values; all {@code null} when there are none.
     *
     * @param median the middle value, or the mean of the middle two of an even count
     * @param min the smallest
     * @param max the largest
     */
    public record Spread(Double median, Double min, Double max) {
        /**
         * @param values the values, nulls left out
         * @return their spread
         */
        public static Spread of(List<Double> values) {
            List<Double> sorted = values.stream().filter(v -> v != null).sorted().toList();
            int n = sorted.size();
            if (n == 0) {
                return new Spread(null, null, null);
            }
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }
    }
}
