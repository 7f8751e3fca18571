package org.stratumlab.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's {@code summary.json}, the product's contract with other tools, as one type: the load generator builds it,
 * {@link SummaryFile} writes and reads it, thresholds, the console table and the reports read it. The JSON keys are
 * the component names; they are stable (other tools read them), so a component is renamed only with a new
 * {@link #CURRENT_SCHEMA_VERSION}. Latencies are in microseconds.
 *
 * <p>Invariant of every {@link Submits}: {@code sent == accepted + rejected + errors + unanswered}.
 *
 * @param schemaVersion the version of this layout; files written before the field existed read as 1
 * @param scenario the scenario's name (or the load run's)
 * @param description what question the scenario answers; absent for a plain load run
 * @param startedAt when the first miner started, ISO-8601
 * @param durationS how long the run took, seconds, from the first connect to the last reply
 * @param machine the machine it ran on
 * @param jdk the JDK's version
 * @param transport the miners' Netty transport (epoll, nio)
 * @param grinder the nonce grinder's implementation
 * @param grinding what the generator's nonce grinding produced, cost and could not do; absent in older files
 * @param generator whether the generator produced the load asked of it; absent in older files
 * @param invocation the command line and overrides that made the run; absent in older files
 * @param settings the effective settings, after every override (free-form: they echo the run's configuration)
 * @param miners miner counts
 * @param submits submits by outcome, for the whole run
 * @param notifies jobs and notifies seen
 * @param latencyUs latency percentiles per metric, whole run
 * @param errors unexpected exceptions, by class (a bug, never a peer's doing)
 * @param phases each phase's submits and latencies
 * @param thresholds each rule and its verdict; empty for a plain load run
 * @param startFailure why the run never got going (no miner subscribed, or fewer than the target at the peak
 *        when all were expected), one line; absent when it got going, and in older files
 * @param interrupted whether a signal (Ctrl-C, SIGTERM) cut the run short; false in older files
 * @param plannedDurationS how long the phases were to last, seconds; absent in older files
 * @param expect what the scenario expected besides its thresholds ({@code expect:}), which decides the exit code
 *        with them; absent for a plain load run and in older files (every miner subscribed, the generator kept
 *        up)
 * @param shard which share of a sharded run this process ran ({@code run --shard I/N}); absent for an unsharded
 *        run and in older files
 * @param merge what this folder was merged from, when it is the merge of a sharded run's shards
 *        ({@code report merge}); absent for one process's run and in older files
 * @param serverResources what the embedded simulator held over the run (heap after a full collection, file
 *        descriptors, per-connection state), sampled every {@code resource-interval}; absent against an external
 *        target, with sampling off, and in older files
 * @param server what the embedded simulator counted (which defence closed how many connections, the notifies it
 *        dropped for slow readers); absent against an external target and in older files
 * @param checkpointAt when a run still playing its phases wrote this file (ISO-8601): a partial summary, which
 *        the final one replaces; one left in a folder means the run was killed (SIGKILL, a crash) or is still
 *        running, and its figures end there (submits in flight then count as unanswered); absent in a final
 *        summary and in older files
 * @param attack what the attackers beside the honest miners did and met; absent in a run without attackers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "scenario", "description", "startedAt", "durationS", "machine", "jdk",
        "transport", "grinder", "grinding", "generator", "invocation", "settings", "miners", "submits",
        "notifies",
        "latencyUs",
        "errors",
        "phases", "thresholds", "startFailure", "interrupted", "plannedDurationS", "expect", "shard",
        "merge", "serverResources", "server", "checkpointAt", "attack"})
public record Summary(Integer schemaVersion, @JsonProperty(required = true) String scenario,
        String description,
        @JsonProperty(required = true) String startedAt, @JsonProperty(required = true) double durationS,
        @JsonProperty(required = true) Machine machine, @JsonProperty(required = true) String jdk,
        String transport, String grinder, Grinding grinding, Generator generator, Invocation invocation,
        JsonNode settings,
        @JsonProperty(required = true) Miners miners, @JsonProperty(required = true) Submits submits,
        @JsonProperty(required = true) Notifies notifies, @JsonProperty(required = true) Latencies latencyUs,
        Errors errors, List<Phase> phases, List<ThresholdResult> thresholds, String startFailure,
        Boolean interrupted, Double plannedDurationS, Expect expect, Shard shard, Merge merge,
        ServerResources serverResources, ServerCounters server, String checkpointAt, Attack attack) {

    /** The layout written now: 2 added schemaVersion, invocation and errors to the first layout. */
    public static final int CURRENT_SCHEMA_VERSION = 2;

    /** Fills what older files lack and checks what every reader relies on. */
    public Summary {
        schemaVersion = schemaVersion == null ? 1 : schemaVersion;
        Checks.require(!scenario.isBlank(), "scenario must not be empty");
        try {
            Instant.parse(startedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "startedAt must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
        Checks.nonNegative("durationS", durationS);
        transport = transport == null ? "" : transport;
        grinder = grinder == null ? "" : grinder;
        settings = settings == null || settings.isNull() ? JsonNodeFactory.instance.objectNode() : settings;
        errors = errors == null ? Errors.NONE : errors;
        phases = phases == null ? List.of() : List.copyOf(phases);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        interrupted = interrupted != null && interrupted;
    }

    /** @return whether this is a checkpoint of a run that was killed or is still running, not its final summary */
    @JsonIgnore
    public boolean partial() {
        return checkpointAt != null;
    }

    /**
     * @param at when the checkpoint was written, ISO-8601
     * @return the same summary marked as a checkpoint of a run still playing its phases
     */
    public Summary withCheckpoint(String at) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expect,
                shard, merge, serverResources, server, at, attack);
    }

    /** @return whether the run got going: some miner subscribed, and all did when all were expected */
    @JsonIgnore
    public boolean gotGoing() {
        return startFailure == null;
    }

    /** @return how long the phases were to last: the planned duration, or the run's own in older files */
    @JsonIgnore
    public double plannedOrActualDurationS() {
        return plannedDurationS != null ? plannedDurationS : durationS;
    }

    /** @return when the run started */
    public Instant startedAtInstant() {
        return Instant.parse(startedAt);
    }

    /** @return submits sent per second of the run */
    public double submitsPerSecond() {
        return durationS > 0 ? submits.sent() / durationS : 0;
    }

    /** @return accepted / sent, 0 when nothing was sent */
    public double acceptedRatio() {
        return submits.sent() > 0 ? (double) submits.accepted() / submits.sent() : 0;
    }

    /** @return whether every threshold held (true when there are none) */
    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /**
     * @param name a phase's name
     * @return that phase, if the run reached it
     */
    public Optional<Phase> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * @param judged the verdicts
     * @return the same summary with these thresholds
     */
    public Summary withThresholds(List<ThresholdResult> judged) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport,
                grinder, grinding, generator, invocation, settings, miners, submits, notifies, latencyUs,
                errors,
                phases, judged, startFailure, interrupted, plannedDurationS, expect, shard, merge,
                serverResources, server, checkpointAt, attack);
    }

    /**
     * @param text what question the scenario answers
     * @return the same summary with this description
     */
    public Summary withDescription(String text) {
        return new Summary(schemaVersion, scenario, text, startedAt, durationS, machine, jdk, transport,
                grinder,
                grinding, generator, invocation, settings, miners, submits, notifies, latencyUs, errors,
                phases,
                thresholds, startFailure, interrupted, plannedDurationS, expect, shard, merge,
                serverResources, server, checkpointAt, attack);
    }

    /**
     * @param verdict whether the generator produced the load, and what it cost
     * @return the same summary with this verdict
     */
    public Summary withGenerator(Generator verdict) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, verdict, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expect,
                shard, merge, serverResources, server, checkpointAt, attack);
    }

    /**
     * @param failure why the run never got going, or null
     * @param cutShort whether a signal cut it short
     * @param plannedS how long its phases were to last
     * @return the same summary with how the run ended
     */
    public Summary withEnd(String failure, boolean cutShort, double plannedS) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, failure, cutShort, plannedS, expect, shard, merge,
                serverResources, server, checkpointAt, attack);
    }

    /**
     * @param share which share of a sharded run this was, or null for an unsharded run
     * @return the same summary with this shard
     */
    public Summary withShard(Shard share) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expect,
                share, merge, serverResources, server, checkpointAt, attack);
    }

    /**
     * @param expected what the scenario expected besides its thresholds
     * @return the same summary with it
     */
    public Summary withExpect(Expect expected) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expected,
                shard, merge, serverResources, server, checkpointAt, attack);
    }

    /**
     * @param resources what the embedded simulator held over the run, or null
     * @return the same summary with it
     */
    public Summary withServerResources(ServerResources resources) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expect,
                shard, merge, resources, server, checkpointAt, attack);
    }

    /**
     * @param counters what the embedded simulator counted, or null
     * @return the same summary with them
     */
    public Summary withServer(ServerCounters counters) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expect,
                shard, merge, serverResources, counters, checkpointAt, attack);
    }

    /**
     * @param run the attack's counts, or {@code null} for a run without attackers
     * @return the same summary with its attack section
     */
    public Summary withAttack(Attack run) {
        return new Summary(schemaVersion, scenario, description, startedAt, durationS, machine, jdk,
                transport, grinder, grinding, generator, invocation, settings, miners, submits, notifies,
                latencyUs, errors, phases, thresholds, startFailure, interrupted, plannedDurationS, expect,
                shard, merge, serverResources, server, checkpointAt, run);
    }

    /**
     * What the attackers beside the honest miners did and met, over the whole run. Every connection opened ended
     * one way: {@code opened} is the sum of {@code ends}.
     *
     * @param kind the attack kind's name
     * @param ratePerSecond events a second per attacker (0 for churn as fast as it can)
     * @param attackersMax the most attackers any phase had
     * @param opened attacker connections opened
     * @param connectFailed attempts that did not connect
     * @param linesSent lines (or, for slowloris, bytes of an unended line) sent
     * @param bytesSent bytes sent
     * @param answers lines the endpoint wrote back, by kind: {@code result}, {@code false}, {@code stale},
     *        {@code incorrect}, {@code duplicate}, {@code error:<code>}, {@code batch}, {@code empty},
     *        {@code notify}, {@code other}
     * @param ends connections by how they ended: {@code closed_after_error}, {@code closed_silently},
     *        {@code reset}, {@code closed_by_us}, {@code still_open}
     * @param closeMsMean the mean time from open to close of the connections the endpoint ended, or null if none
     * @param closeMsMax the longest such time, or null if none
     */
    @JsonPropertyOrder({"kind", "ratePerSecond", "attackersMax", "opened", "connectFailed", "linesSent",
            "bytesSent", "answers", "ends", "closeMsMean", "closeMsMax"})
    public record Attack(@JsonProperty(required = true) String kind, double ratePerSecond, int attackersMax,
            long opened, long connectFailed, long linesSent, long bytesSent, Map<String, Long> answers,
            Map<String, Long> ends, Double closeMsMean, Double closeMsMax) {
        /**
         * The phase of an attack run in which the honest miners run alone: {@code loadgen --attack} names its first
         * phase so, the attack scenarios name theirs so, and {@code report attacks} reads it.
         */
        public static final String BASELINE_PHASE = "baseline";
        /** The phase of an attack run in which the same honest miners run beside the attackers. */
        public static final String ATTACK_PHASE = "attack";

        /** Copies the maps, sorted by key. */
        public Attack {
            answers = answers == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new TreeMap<>(answers));
            ends = ends == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(ends));
        }

        /** @return the lines the endpoint answered with, pushes ({@code notify}) not counted */
        public long answered() {
            return answers.entrySet().stream().filter(e -> !e.getKey().equals("notify"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /**
         * @param end an end's name
         * @return the connections that ended so
         */
        public long ended(String end) {
            return ends.getOrDefault(end, 0L);
        }

        /** @return the connections the endpoint closed or reset */
        public long closedByServer() {
            return ended("closed_after_error") + ended("closed_silently") + ended("reset");
        }

        /** @return one line for the console and the report */
        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%s x%d at %.3g/s each: %,d opened, %,d failed; %,d lines, %,d bytes sent; answers %s; ends %s%s",
                    kind, attackersMax, ratePerSecond, opened, connectFailed, linesSent, bytesSent,
                    answers.isEmpty() ? "none" : answers, ends,
                    closeMsMean == null
                            ? ""
                            : String.format(java.util.Locale.ROOT,
                                    "; closed by the endpoint after %.0f ms on average (max %.0f ms)",
                                    closeMsMean, closeMsMax));
        }
    }

    /**
     * What the embedded simulator counted over a run (every instance, when a phase restarted it), as its own
     * Prometheus counters say: the endpoint's side of an attack.
     *
     * @param closedBy connections each defence closed or refused, by its metric label ({@code limit},
     *        {@code idle}, {@code line_too_long}, {@code invalid_utf8}, {@code subscribe_timeout},
     *        {@code queue_cap})
     * @param submits submits it answered
     * @param notifiesSent notify lines it wrote
     * @param notifiesDropped notifies replaced by a newer one while a slow reader's connection was not writable
     * @param bytesReceived bytes read from miners
     * @param bytesSent bytes written to miners
     * @param killedInstances instances a phase's kill ended (0 in older files): each one's counts are those of a
     *        poll just before its kill, so the server's side of a kill window is unknown, while the generator's
     *        counts stay exact
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServerCounters(@JsonProperty(required = true) Map<String, Long> closedBy, long submits,
            long notifiesSent, long notifiesDropped, long bytesReceived, long bytesSent,
            Integer killedInstances) {
        /** Keeps the map in the defences' order; no kill in older files. */
        public ServerCounters {
            killedInstances = killedInstances == null ? 0 : killedInstances;
            closedBy = closedBy == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(closedBy));
        }

        /**
         * @return e.g. {@code closed 120 connections (idle 100, line_too_long 20); dropped 35 notifies for slow
         *         readers}
         */
        public String describe() {
            StringBuilder reasons = new StringBuilder();
            closedBy.forEach((reason, n) -> {
                if (n > 0) {
                    reasons.append(reasons.length() == 0 ? "" : ", ").append(reason).append(' ').append(n);
                }
            });
            return "closed " + closedTotal() + " connections"
                    + (reasons.length() == 0 ? "" : " (" + reasons + ")")
                    + "; dropped " + notifiesDropped + " notifies for slow readers"
                    + (killedInstances == 0
                            ? ""
                            : "; " + killedInstances
                                    + " instance(s) killed: counted to a poll just before each "
                                    + "kill, the server side of the kill window is unknown");
        }

        /** @return the connections every defence closed together */
        @JsonIgnore
        public long closedTotal() {
            return closedBy.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * What the embedded simulator held over a run, for a long run that must show it stays flat: a reading at the
     * start (before any miner connects), one every {@code intervalS} while the phases play, and one at the end
     * (after every miner left). Each reading's heap is the live heap, taken after a full collection the reading
     * asked for.
     *
     * @param heapSharedWithGenerator whether the simulator ran in the generator's process, so that its heap and
     *        descriptors are the generator's too (the run's heap, not the server's alone)
     * @param intervalS how often it was sampled while the phases played
     * @param start the reading before any miner connected
     * @param samples the readings while the phases played, in order
     * @param end the reading after every miner left
     * @param heapPeakBytes the largest heap after collection of any reading
     * @param heapSlope the heap's trend over the samples from the end of the first phase on
     * @param fdsGrowth descriptors open at the end minus at the start; absent where the JVM cannot count them
     * @param stateGrowth per-connection state at the end minus at the start: entries left behind by closed
     *        connections
     * @param failedReadings readings the simulator did not answer while the phases played (its process ended),
     *        missing from {@code samples}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"heapSharedWithGenerator", "intervalS", "start", "samples", "end", "heapPeakBytes",
            "heapSlope", "fdsGrowth", "stateGrowth", "failedReadings"})
    public record ServerResources(@JsonProperty(required = true) boolean heapSharedWithGenerator,
            @JsonProperty(required = true) double intervalS,
            @JsonProperty(required = true) ResourceSample start,
            @JsonProperty(required = true) List<ResourceSample> samples,
            @JsonProperty(required = true) ResourceSample end,
            @JsonProperty(required = true) long heapPeakBytes,
            @JsonProperty(required = true) HeapSlope heapSlope, Long fdsGrowth,
            @JsonProperty(required = true) long stateGrowth, int failedReadings) {
        /** Copies the samples. */
        public ServerResources {
            samples = List.copyOf(samples);
        }

        /**
         * @return the most direct memory any reading found (request lines waiting off the heap), or null when no
         *         reading could tell (and in older files)
         */
        @JsonIgnore
        public Long directPeakBytes() {
            Long peak = null;
            for (ResourceSample sample : readings()) {
                if (sample.directBytes() != null && sample.directBytes() >= 0
                        && (peak == null || sample.directBytes() > peak)) {
                    peak = sample.directBytes();
                }
            }
            return peak;
        }

        /** @return every reading in order: the start, the samples, the end */
        @JsonIgnore
        public List<ResourceSample> readings() {
            List<ResourceSample> all = new java.util.ArrayList<>();
            all.add(start);
            all.addAll(samples);
            all.add(end);
            return all;
        }

        /**
         * @return one line for the console and the report, e.g. "heap after full GC peak 45.2 MiB, slope +0.31
         *         MiB/h ± 0.52 MiB/h (95 % confidence, 29 samples); fds 38 -> 38 (+0); per-connection state 0 -> 0"
         */
        public String describe() {
            String fds = start.openFds() == null || end.openFds() == null
                    ? "fds not counted"
                    : "fds " + start.openFds() + " -> " + end.openFds() + " (" + signed(fdsGrowth) + ")";
            return String.format(java.util.Locale.ROOT, "heap after full GC peak %.1f MiB, slope %s; %s; "
                    + "per-connection state %d -> %d (%s)%s%s", heapPeakBytes / MIB, heapSlope.describe(),
                    fds,
                    start.stateTotal(), end.stateTotal(), signed(stateGrowth),
                    heapSharedWithGenerator
                            ? "; the generator's heap and fds too (the simulator ran in its process)"
                            : "",
                    failedReadings > 0 ? "; " + failedReadings + " readings not answered" : "");
        }

        private static String signed(long value) {
            return (value >= 0 ? "+" : "") + value;
        }
    }

    /**
     * One reading of the simulator's resources.
     *
     * @param atS seconds since the run's start
     * @param phase the phase that was playing, empty for the start and end readings
     * @param heapAfterGcBytes heap used right after a full collection: the live heap
     * @param heapCommittedBytes heap the JVM had reserved
     * @param openFds the process's open file descriptors; absent where the JVM cannot count them
     * @param connections connections open at the server
     * @param state entries of each structure the server keeps per connection, by name ({@code subscribers},
     *        {@code channels}, {@code held})
     * @param directBytes direct memory the server's buffer allocator held (where request lines wait, off the
     *        heap); absent where it cannot tell, and in older files
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"atS", "phase", "heapAfterGcBytes", "heapCommittedBytes", "openFds", "connections",
            "state", "directBytes"})
    public record ResourceSample(@JsonProperty(required = true) double atS, String phase,
            @JsonProperty(required = true) long heapAfterGcBytes,
            @JsonProperty(required = true) long heapCommittedBytes, Long openFds,
            @JsonProperty(required = true) long connections, Map<String, Long> state, Long directBytes) {
        /** Absent is empty; the state keeps its order. */
        public ResourceSample {
            phase = phase == null ? "" : phase;
            state = state == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(
                            new java.util.LinkedHashMap<>(state));
        }

        /** @return every per-connection entry, over all the structures */
        @JsonIgnore
        public long stateTotal() {
            return state.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * A heap's trend: the least-squares slope of heap after collection against time, with the half-width of its
     * 95 % confidence interval from Student's t distribution with {@code samples - 2} degrees of freedom. Fewer
     * than 3 samples leave no degree of freedom for the error: the slope is then unknown (absent), never 0.
     *
     * @param samples how many readings the fit used
     * @param fromS when the first of them was taken, seconds since the run's start; absent with none
     * @param bytesPerHour the slope; absent when unknown
     * @param ci95BytesPerHour the half-width of its 95 % confidence interval; absent when unknown
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"samples", "fromS", "bytesPerHour", "ci95BytesPerHour"})
    public record HeapSlope(@JsonProperty(required = true) int samples, Double fromS, Double bytesPerHour,
            Double ci95BytesPerHour) {
        /** The fewest samples a slope with a confidence interval needs. */
        public static final int MIN_SAMPLES = 3;

        /** @return whether the slope is known (enough samples) */
        @JsonIgnore
        public boolean known() {
            return bytesPerHour != null && ci95BytesPerHour != null;
        }

        /** @return e.g. "+1.2 MiB/h ± 0.8 MiB/h (95 %, 29 samples)", or why it is unknown */
        public String describe() {
            if (!known()) {
                return "unknown (" + samples + " samples from the end of the first phase on; a slope needs "
                        + MIN_SAMPLES + ")";
            }
            return String.format(java.util.Locale.ROOT,
                    "%+.2f MiB/h ± %.2f MiB/h (95 %% confidence, %d samples)",
                    bytesPerHour / MIB, ci95BytesPerHour / MIB, samples);
        }
    }

    /** Bytes in a mebibyte, the unit heap figures are judged and shown in. */
    public static final double MIB = 1024.0 * 1024.0;

    /**
     * What a scenario expected of its run besides its thresholds (its {@code expect:} keys): with the thresholds,
     * it decides the run's exit code, and a merge of shards judges the merged result by it.
     *
     * @param allSubscribed whether every miner was to subscribe at the peak (else the run did not get going)
     * @param generatorKeepsUp whether a generator that fell short of the load asked fails the run
     */
    @JsonPropertyOrder({"allSubscribed", "generatorKeepsUp"})
    public record Expect(@JsonProperty(required = true) boolean allSubscribed,
            @JsonProperty(required = true) boolean generatorKeepsUp) {
    }

    /**
     * What a merged folder was made from: the shards of one sharded run ({@code stratumlab report merge}, or
     * {@code run --shards N --local}), checked to be one scenario's (same digest, seed, start and shard count, each
     * index once). Its counts are the shards' sums and its latencies come from their added histograms; what is
     * not one process's (the machine's load and steal time, the JVM, the command line of each shard) stays in
     * {@code from}, and the summary's own {@code machine} is the shards' machine only where they all report the
     * same one (else it lists the models), without load averages.
     *
     * @param shards how many shards the run had: all of them were merged
     * @param scenarioSeed the scenario's seed, the same in every shard
     * @param scenarioDigest the effective scenario's SHA-256, the same in every shard
     * @param startAt the instant every shard's phases began, ISO-8601; null when the shards were not given one
     * @param from each shard, by index
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"shards", "scenarioSeed", "scenarioDigest", "startAt", "from"})
    public record Merge(@JsonProperty(required = true) int shards,
            @JsonProperty(required = true) long scenarioSeed,
            @JsonProperty(required = true) String scenarioDigest, String startAt,
            @JsonProperty(required = true) List<MergedShard> from) {
        /** Checks that every shard is there once, in order. */
        public Merge {
            from = List.copyOf(from);
            Checks.require(shards >= 1 && from.size() == shards, "from must list each of the " + shards
                    + " shards");
            for (int i = 0; i < from.size(); i++) {
                Checks.require(from.get(i).index() == i, "from must list the shards by index, 0 first");
            }
        }
    }

    /**
     * One shard of a merged folder, as its own summary.json describes it.
     *
     * @param index its index
     * @param dir its run folder, as the merge was given it
     * @param startedAt when its first miner started, ISO-8601
     * @param durationS how long it ran
     * @param machine the machine it ran on, its load and steal time included
     * @param jdk the JDK it ran on
     * @param commandLine the arguments of its {@code stratumlab}
     */
    @JsonPropertyOrder({"index", "dir", "startedAt", "durationS", "machine", "jdk", "commandLine"})
    public record MergedShard(@JsonProperty(required = true) int index,
            @JsonProperty(required = true) String dir,
            @JsonProperty(required = true) String startedAt, @JsonProperty(required = true) double durationS,
            @JsonProperty(required = true) Machine machine, @JsonProperty(required = true) String jdk,
            List<String> commandLine) {
        /** Copies the command line; absent is empty. */
        public MergedShard {
            commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        }
    }

    /**
     * One share of a sharded run: several generator processes (pods of a Kubernetes Indexed Job, or local
     * processes) each ran the miners whose global index is {@code index} mod {@code count} of one scenario against
     * one endpoint, and their run folders merge into one result. Everything a merge needs to tell whether shards
     * belong together is here; the shard's own settings (its share of the miners and rates) are in
     * {@code settings}.
     *
     * @param index this shard's index, 0 to {@code count - 1}
     * @param count how many shards the run has
     * @param scenarioSeed the scenario's seed, the same in every shard
     * @param seed this shard's seed, derived from {@code scenarioSeed} and {@code index}, for its random draws
     * @param scenarioDigest SHA-256 (64 hex digits) of the effective scenario after its {@code --set} overrides:
     *        equal in the shards of one run, different for another scenario or other overrides
     * @param startAt the instant every shard's phases began ({@code --start-at}), ISO-8601; null when each shard
     *        began when it was ready
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"index", "count", "scenarioSeed", "seed", "scenarioDigest", "startAt"})
    public record Shard(@JsonProperty(required = true) int index, @JsonProperty(required = true) int count,
            @JsonProperty(required = true) long scenarioSeed, @JsonProperty(required = true) long seed,
            @JsonProperty(required = true) String scenarioDigest, String startAt) {
        /** Checks the index, the digest and the instant. */
        public Shard {
            Checks.require(count >= 1, "count must be at least 1");
            Checks.require(index >= 0 && index < count, "index must be in 0.." + (count - 1));
            Checks.require(scenarioDigest.matches("[0-9a-f]{64}"),
                    "scenarioDigest must be 64 lower-case hex digits (SHA-256)");
            if (startAt != null) {
                try {
                    Instant.parse(startAt);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "startAt must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
                }
            }
        }

        /** @return e.g. "shard 1 of 3" (the index as given to {@code --shard 1/3}) */
        public String describe() {
            return "shard " + index + " of " + count;
        }
    }

    /**
     * The machine a run ran on.
     *
     * @param cpu the CPU's model name
     * @param cores the cores the JVM saw
     * @param os the operating system and architecture; empty in older files
     * @param cpuDetail what tells CPUs of one model name apart (family, model, vector extensions); empty in older
     *        files
     * @param loadAtStart the 1, 5 and 15 minute load averages as the run began; empty in older files
     * @param loadAtEnd the same as it ended; empty in older files
     * @param stealPercent the CPU time the hypervisor gave to other guests during the run, as a percentage of all
     *        the cores' time ({@link CpuTicks}); absent off Linux and in older files
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cpu", "cores", "os", "cpuDetail", "loadAtStart", "loadAtEnd", "stealPercent"})
    public record Machine(@JsonProperty(required = true) String cpu,
            @JsonProperty(required = true) long cores,
            String os, String cpuDetail, String loadAtStart, String loadAtEnd, Double stealPercent) {
        /** Fills what older files lack. */
        public Machine {
            Checks.nonNegative("cores", cores);
            if (stealPercent != null) {
                Checks.nonNegative("stealPercent", stealPercent);
            }
            os = os == null ? "" : os;
            cpuDetail = cpuDetail == null ? "" : cpuDetail;
            loadAtStart = loadAtStart == null ? "" : loadAtStart;
            loadAtEnd = loadAtEnd == null ? "" : loadAtEnd;
        }

        /**
         * @param loadAtStart the load averages as the run began ({@link MachineFacts#loadAverage()})
         * @param ticksAtStart the CPU counters as the run began ({@link CpuTicks#read()}), or null
         * @return this machine, now
         */
        public static Machine current(String loadAtStart, CpuTicks ticksAtStart) {
            return new Machine(MachineFacts.cpuModel(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    MachineFacts.cpuDetail(),
                    loadAtStart, MachineFacts.loadAverage(),
                    CpuTicks.stealPercent(ticksAtStart, CpuTicks.read()));
        }

        /** @return e.g. "AMD EPYC (family 25 model 1, avx2), 2 cores, Linux amd64" */
        public String describe() {
            String text = cpu + (cpuDetail.isEmpty() ? "" : " (" + cpuDetail + ")") + ", " + cores
                    + (cores == 1 ? " core" : " cores");
            return os.isEmpty() ? text : text + ", " + os;
        }
    }

    /**
     * Whether the generator produced the load it was asked for (wrk2's full-schedule accounting, k6's dropped
     * iterations): every solution event due during the run was sent or is owed, and its own lag is in
     * {@code latencyUs.lag}. It fell short when it sent less than {@value #MIN_SENT_RATIO} of what was due, or when
     * its lag p99 passed {@value #MAX_LAG_P99_US} µs: a tenth of a second, more than any latency a Stratum
     * endpoint is judged by, so that the measured latencies would be the generator's own. The lag is judged after
     * the first {@value #WARM_UP_S} s of a run at least twice as long: while the JIT compiles, a fresh JVM on two
     * cores is a tenth of a second late for a few seconds whatever the load.
     *
     * @param scheduled solution events due during the run: sent plus owed
     * @param owed events due that were never sent
     * @param lagP99Us the lag p99 judged, microseconds
     * @param lagFromS from when into the run the lag was judged: 0 or {@value #WARM_UP_S}
     * @param shortfall why the generator fell short, one line; null when it did not
     * @param cpuSeconds CPU time the generator's process used from the run's start to its end (every thread:
     *        event loops, grinding, sampling, GC, JIT); absent in older files
     * @param cpuSecondsPer10kSubmits {@code cpuSeconds} per 10,000 submits sent: what a submit costs the
     *        generator; absent in older files and when nothing was sent
     * @param cpuIncludesServer whether {@code cpuSeconds} includes the embedded server's, which ran in the same
     *        process; absent in older files
     */
    @JsonPropertyOrder({"scheduled", "owed", "lagP99Us", "lagFromS", "shortfall", "cpuSeconds",
            "cpuSecondsPer10kSubmits", "cpuIncludesServer"})
    public record Generator(long scheduled, long owed, long lagP99Us, double lagFromS, String shortfall,
            Double cpuSeconds, Double cpuSecondsPer10kSubmits, Boolean cpuIncludesServer) {
        /** The start-up the lag is not judged on, in a run at least twice as long. */
        public static final int WARM_UP_S = 5;
        /** The least share of the due events a run must send. */
        public static final double MIN_SENT_RATIO = 0.95;
        /** The largest generator lag p99, in microseconds. */
        public static final long MAX_LAG_P99_US = 100_000;

        /** Checks the counts. */
        public Generator {
            Checks.nonNegative("scheduled", scheduled);
            Checks.nonNegative("owed", owed);
            if (cpuSeconds != null) {
                Checks.nonNegative("cpuSeconds", cpuSeconds);
            }
        }

        /**
         * Judges a run's figures.
         *
         * @param sent solution events sent (submits, less the repeats of accepted shares)
         * @param owed events due and never sent
         * @param lag the generator's lag as judged
         * @param lagFromS from when into the run {@code lag} was recorded
         * @return the verdict
         */
        public static Generator judge(long sent, long owed, Percentiles lag, double lagFromS) {
            long scheduled = sent + owed;
            String shortfall = null;
            if (scheduled > 0 && sent < MIN_SENT_RATIO * scheduled) {
                shortfall = String.format(java.util.Locale.ROOT,
                        "the generator sent %,d of the %,d solution events due (%.1f %%); it owes %,d", sent,
                        scheduled, 100.0 * sent / scheduled, owed);
            } else if (lag.p99() > MAX_LAG_P99_US) {
                shortfall = "the generator's own lag p99 is " + LatencyFormat.of(lag.p99())
                        + (lagFromS > 0 ? " after the first " + Math.round(lagFromS) + " s" : "") + " (above "
                        + LatencyFormat.of(MAX_LAG_P99_US) + "): the latencies include its delay";
            }
            return new Generator(scheduled, owed, lag.p99(), lagFromS, shortfall, null, null, null);
        }

        /**
         * @param seconds the CPU time the generator's process used during the run
         * @param submitsSent the submits it sent
         * @param includesServer whether the embedded server ran in the same process
         * @return the same verdict with what the generator cost
         */
        public Generator withCpu(double seconds, long submitsSent, boolean includesServer) {
            Double per10k = submitsSent > 0 ? round3(seconds * 10_000 / submitsSent) : null;
            return new Generator(scheduled, owed, lagP99Us, lagFromS, shortfall, round3(seconds), per10k,
                    includesServer);
        }

        /**
         * The CPU figures of a sharded run's generators, for their merge: the CPU time adds, and the cost per
         * 10,000 submits is the mean of theirs weighted by the submits each sent (each as it was rounded when
         * recorded), so that a merge of one shard gives back that shard's figures unchanged.
         *
         * @param shards each shard's verdict, with its CPU figures
         * @param submitsSent the submits each shard sent
         * @return this verdict with the shards' CPU figures
         */
        public Generator withCpuOfShards(List<Generator> shards, List<Long> submitsSent) {
            double seconds = 0;
            double weightedPer10k = 0;
            long sent = 0;
            boolean includesServer = false;
            for (int i = 0; i < shards.size(); i++) {
                Generator shard = shards.get(i);
                seconds += shard.cpuSeconds();
                if (shard.cpuSecondsPer10kSubmits() != null) {
                    weightedPer10k += shard.cpuSecondsPer10kSubmits() * submitsSent.get(i);
                }
                sent += submitsSent.get(i);
                includesServer |= Boolean.TRUE.equals(shard.cpuIncludesServer());
            }
            return new Generator(scheduled, owed, lagP99Us, lagFromS, shortfall, round3(seconds),
                    sent > 0 ? round3(weightedPer10k / sent) : null, includesServer);
        }

        private static double round3(double value) {
            return Math.round(value * 1000) / 1000.0;
        }

        /**
         * @return e.g. "12.3 CPU-s, 0.41 CPU-s per 10,000 submits (the server's included)", or null when the
         *         file predates the figure
         */
        @JsonIgnore
        public String describeCpu() {
            if (cpuSeconds == null) {
                return null;
            }
            String text = String.format(java.util.Locale.ROOT, "%.2f CPU-s", cpuSeconds);
            if (cpuSecondsPer10kSubmits != null) {
                text += String.format(java.util.Locale.ROOT, ", %.3f CPU-s per 10,000 submits",
                        cpuSecondsPer10kSubmits);
            }
            return text + (Boolean.TRUE.equals(cpuIncludesServer)
                    ? " (includes the embedded server, same process)"
                    : "");
        }

        /** @return whether the generator fell short */
        @JsonIgnore
        public boolean fellShort() {
            return shortfall != null;
        }
    }

    /**
     * What the generator's nonce grinding produced and what it could not: every solution event whose share
     * needed a valid nonce got one ground ahead by the grinding threads, one ground at once on its event loop (a
     * job so easy that a few attempts do), or waited for one; a share the generator could not grind at all is
     * sent unground and the endpoint judges it.
     *
     * @param pow the algorithm ground: {@code keccak} or {@code octopus}
     * @param threads the grinding threads
     * @param groundAhead valid nonces the grinding threads found
     * @param groundInline valid nonces found on an event loop within a few attempts (easy Keccak jobs)
     * @param hashes nonces the grinding threads tried
     * @param cpuSeconds CPU time the grinding threads used
     * @param waited solution events that had to wait for a valid nonce (their submit latency includes the wait)
     * @param neverSent solution events still waiting for a nonce when the run ended: owed, never sent
     * @param unground valid shares sent with a nonce that was not ground (the job was harder than the most
     *        attempts allowed, or an Octopus job came without a height)
     * @param invalidUnchecked deliberately invalid shares sent without checking that they are invalid (an
     *        Octopus check costs milliseconds): each is valid by chance, once in about difficulty times
     * @param discarded valid nonces ground for a job that ended before a miner used them
     */
    @JsonPropertyOrder({"pow", "threads", "groundAhead", "groundInline", "hashes", "cpuSeconds", "waited",
            "neverSent", "unground", "invalidUnchecked", "discarded"})
    public record Grinding(@JsonProperty(required = true) String pow, int threads, long groundAhead,
            long groundInline, long hashes, double cpuSeconds, long waited, long neverSent, long unground,
            long invalidUnchecked, long discarded) {
        /** Checks every count. */
        public Grinding {
            Checks.require(!pow.isBlank(), "grinding.pow must not be empty");
            Checks.nonNegative("threads", threads);
            Checks.nonNegative("groundAhead", groundAhead);
            Checks.nonNegative("groundInline", groundInline);
            Checks.nonNegative("hashes", hashes);
            Checks.nonNegative("cpuSeconds", cpuSeconds);
            Checks.nonNegative("waited", waited);
            Checks.nonNegative("neverSent", neverSent);
            Checks.nonNegative("unground", unground);
            Checks.nonNegative("invalidUnchecked", invalidUnchecked);
            Checks.nonNegative("discarded", discarded);
        }

        /**
         * @return one line for the console and the report, e.g. "octopus on 1 thread: 40 ground ahead (4,000
         *         hashes, 12.1 s CPU), 0 inline; 35 events waited for a nonce, 3 never sent; 0 unground, 120
         *         invalid unchecked"
         */
        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%s on %d thread%s: %,d ground ahead (%,d hashes, %.1f s CPU), %,d inline; %,d events waited "
                            + "for a nonce, %,d never sent; %,d unground, %,d invalid unchecked",
                    pow, threads, threads == 1 ? "" : "s", groundAhead, hashes, cpuSeconds, groundInline,
                    waited,
                    neverSent, unground, invalidUnchecked);
        }
    }

    /**
     * What made the run: a result is reproducible only with its command line and overrides.
     *
     * @param commandLine the arguments of {@code stratumlab}, as given
     * @param overrides the scenario's {@code --set} overrides, in order (empty for a plain load run)
     * @param version the version of Stratum Lab that ran it
     * @param jvmOptions the JVM's own options
     * @param gitCommit the commit of the checkout it ran from, with {@code -dirty} when tracked files differed
     *        from it; empty outside a git checkout and in older files
     */
    @JsonPropertyOrder({"commandLine", "overrides", "version", "jvmOptions", "gitCommit"})
    public record Invocation(List<String> commandLine, List<String> overrides, String version,
            List<String> jvmOptions, String gitCommit) {
        /** Copies the lists; absent ones are empty. */
        public Invocation {
            commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
            version = version == null ? "" : version;
            jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
            gitCommit = gitCommit == null ? "" : gitCommit;
        }
    }

    /**
     * Miner counts, and why miners that tried did not get going.
     *
     * @param target the most miners any phase asked for
     * @param connectedMax the most connected at once
     * @param subscribed the most subscribed at once
     * @param neverAnswered subscribes that got no reply in time
     * @param reconnects connections made again after a loss
     * @param connectFailures connects that failed
     * @param subscribeRejected subscribes answered with a rejection
     * @param subscribePending subscribes still awaiting their reply, within their timeout, when the run ended
     * @param closedByPeer connections the peer closed (or reset) before it answered their subscribe
     * @param notJsonRpc connections whose peer sent a line that is not JSON-RPC before answering their subscribe
     * @param connectFailuresByCause failed connects by cause: the errno's name ({@code ECONNREFUSED}, {@code EMFILE},
     *        ...) or the exception's class
     */
    @JsonPropertyOrder({"target", "connectedMax", "subscribed", "neverAnswered", "reconnects",
            "connectFailures",
            "subscribeRejected", "subscribePending", "closedByPeer", "notJsonRpc", "connectFailuresByCause"})
    public record Miners(@JsonProperty(required = true) long target,
            @JsonProperty(required = true) long connectedMax, @JsonProperty(required = true) long subscribed,
            @JsonProperty(required = true) long neverAnswered, @JsonProperty(required = true) long reconnects,
            Long connectFailures, Long subscribeRejected, Long subscribePending, Long closedByPeer,
            Long notJsonRpc, Map<String, Long> connectFailuresByCause) {
        /** Checks every count; older files lack the last six. */
        public Miners {
            connectFailures = connectFailures == null ? 0 : connectFailures;
            subscribeRejected = subscribeRejected == null ? 0 : subscribeRejected;
            subscribePending = subscribePending == null ? 0 : subscribePending;
            closedByPeer = closedByPeer == null ? 0 : closedByPeer;
            notJsonRpc = notJsonRpc == null ? 0 : notJsonRpc;
            connectFailuresByCause = connectFailuresByCause == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new TreeMap<>(connectFailuresByCause));
            Checks.nonNegative("target", target);
            Checks.nonNegative("connectedMax", connectedMax);
            Checks.nonNegative("subscribed", subscribed);
            Checks.nonNegative("neverAnswered", neverAnswered);
            Checks.nonNegative("reconnects", reconnects);
            Checks.nonNegative("connectFailures", connectFailures);
            Checks.nonNegative("subscribeRejected", subscribeRejected);
            Checks.nonNegative("subscribePending", subscribePending);
            Checks.nonNegative("closedByPeer", closedByPeer);
            Checks.nonNegative("notJsonRpc", notJsonRpc);
        }

        /**
         * Why miners did not get going, each reason with its count, in the order the console and the report
         * show them; reasons that never happened are left out.
         *
         * @return counts by reason, e.g. {@code "subscribe rejected" -> 200}, {@code "connect failed: ECONNREFUSED"
         *         -> 14}
         */
        public Map<String, Long> startReasons() {
            Map<String, Long> reasons = new java.util.LinkedHashMap<>();
            putIfAny(reasons, "subscribe rejected", subscribeRejected);
            putIfAny(reasons, "never answered", neverAnswered);
            putIfAny(reasons, "still waiting at the end", subscribePending);
            putIfAny(reasons, "closed by peer", closedByPeer);
            putIfAny(reasons, "not JSON-RPC", notJsonRpc);
            long byCause = 0;
            for (Map.Entry<String, Long> cause : connectFailuresByCause.entrySet()) {
                putIfAny(reasons, "connect failed: " + cause.getKey(), cause.getValue());
                byCause += cause.getValue();
            }
            // Files written before causes were recorded have the total only.
            putIfAny(reasons, "connect failed", connectFailures - byCause);
            return reasons;
        }

        private static void putIfAny(Map<String, Long> reasons, String reason, long count) {
            if (count > 0) {
                reasons.put(reason, count);
            }
        }
    }

    /**
     * Submits by outcome.
     *
     * @param sent submits written
     * @param accepted {@code [true]}
     * @param rejected rejections by reason
     * @param errors JSON-RPC error replies
     * @param unanswered no reply in time, or the connection was lost first
     * @param lateReplies replies that came after their submit was counted unanswered (whole run only; absent in
     *        a phase)
     * @param answers what the endpoint said when it did not accept, by outcome and text, most frequent first
     *        (whole run only; absent in a phase and in older files)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sent", "accepted", "rejected", "errors", "unanswered", "lateReplies", "answers"})
    public record Submits(@JsonProperty(required = true) long sent,
            @JsonProperty(required = true) long accepted,
            @JsonProperty(required = true) Rejected rejected, @JsonProperty(required = true) long errors,
            @JsonProperty(required = true) long unanswered, Long lateReplies, List<Answer> answers) {
        /** Checks every count. */
        public Submits {
            answers = answers == null ? null : List.copyOf(answers);
            Checks.nonNegative("sent", sent);
            Checks.nonNegative("accepted", accepted);
            Checks.nonNegative("errors", errors);
            Checks.nonNegative("unanswered", unanswered);
        }

        /**
         * @param outcome an outcome
         * @return how many submits ended so
         */
        public long of(Outcome outcome) {
            return switch (outcome) {
                case ACCEPTED -> accepted;
                case REJECTED_STALE, REJECTED_INCORRECT, REJECTED_DUPLICATE, REJECTED_OTHER ->
                    rejected.of(outcome);
                case ERROR -> errors;
                case UNANSWERED -> unanswered;
            };
        }

        /** @return every rejection, whatever its reason */
        public long rejectedTotal() {
            return rejected.stale() + rejected.incorrect() + rejected.duplicate() + rejected.other();
        }
    }

    /**
     * One thing an endpoint answered to submits it did not accept, and how often: the rejection's reason or the
     * error's message, exactly as sent.
     *
     * @param outcome how those submits ended, as {@link Outcome#key()} ({@code stale}, {@code error}, ...)
     * @param text the reason or message ({@code (none)} when the endpoint gave none)
     * @param count how many submits got it
     */
    @JsonPropertyOrder({"outcome", "text", "count"})
    public record Answer(@JsonProperty(required = true) String outcome,
            @JsonProperty(required = true) String text,
            @JsonProperty(required = true) long count) {
        /** Checks the count. */
        public Answer {
            Checks.nonNegative("count", count);
        }
    }

    /**
     * Rejections by reason; the keys are {@link Outcome#key()}.
     *
     * @param stale "Solution for a stale job!"
     * @param incorrect "Incorrect Nonce!"
     * @param duplicate "Problem already solved"
     * @param other no or an unknown reason
     */
    @JsonPropertyOrder({"stale", "incorrect", "duplicate", "other"})
    public record Rejected(@JsonProperty(required = true) long stale,
            @JsonProperty(required = true) long incorrect,
            @JsonProperty(required = true) long duplicate, @JsonProperty(required = true) long other) {
        /** Checks every count. */
        public Rejected {
            Checks.nonNegative("stale", stale);
            Checks.nonNegative("incorrect", incorrect);
            Checks.nonNegative("duplicate", duplicate);
            Checks.nonNegative("other", other);
        }

        /**
         * @param outcome a rejection
         * @return its count
         * @throws IllegalArgumentException for an outcome that is not a rejection
         */
        public long of(Outcome outcome) {
            return switch (outcome) {
                case REJECTED_STALE -> stale;
                case REJECTED_INCORRECT -> incorrect;
                case REJECTED_DUPLICATE -> duplicate;
                case REJECTED_OTHER -> other;
                case ACCEPTED, ERROR, UNANSWERED ->
                    throw new IllegalArgumentException(outcome + " is not a rejection");
            };
        }
    }

    /**
     * Jobs and notifies the miners saw.
     *
     * @param jobs distinct jobs
     * @param received notifies received, over every miner
     */
    @JsonPropertyOrder({"jobs", "received"})
    public record Notifies(@JsonProperty(required = true) long jobs,
            @JsonProperty(required = true) long received) {
        /** Checks the counts. */
        public Notifies {
            Checks.nonNegative("jobs", jobs);
            Checks.nonNegative("received", received);
        }
    }

    /**
     * Percentiles per metric; the keys are {@link Metric#summaryKey()}.
     *
     * @param submit from a solution's intended time to the reply
     * @param submitHonest the same, honest miners only (older files lack it: every miner was honest)
     * @param submitService from the submit's write to its reply
     * @param connect TCP connect
     * @param subscribe subscribe to its reply
     * @param notifySkew each miner's receipt of a job minus the first miner's
     * @param lag the generator's own lateness per solution event (older files lack it: nothing recorded)
     */
    @JsonPropertyOrder({"submit", "submitHonest", "submitService", "connect", "subscribe", "notifySkew",
            "lag"})
    public record Latencies(@JsonProperty(required = true) Percentiles submit, Percentiles submitHonest,
            @JsonProperty(required = true) Percentiles submitService,
            @JsonProperty(required = true) Percentiles connect,
            @JsonProperty(required = true) Percentiles subscribe,
            @JsonProperty(required = true) Percentiles notifySkew, Percentiles lag) {
        /** Fills what older files lack. */
        public Latencies {
            submitHonest = submitHonest == null ? submit : submitHonest;
            lag = lag == null ? Percentiles.NONE : lag;
        }

        /**
         * @param byMetric percentiles for every metric
         * @return them as a record
         */
        public static Latencies of(Map<Metric, Percentiles> byMetric) {
            return new Latencies(byMetric.get(Metric.SUBMIT), byMetric.get(Metric.SUBMIT_HONEST),
                    byMetric.get(Metric.SUBMIT_SERVICE), byMetric.get(Metric.CONNECT),
                    byMetric.get(Metric.SUBSCRIBE),
                    byMetric.get(Metric.NOTIFY_SKEW), byMetric.get(Metric.LAG));
        }

        /**
         * @param metric a metric
         * @return its percentiles
         */
        public Percentiles of(Metric metric) {
            return switch (metric) {
                case SUBMIT -> submit;
                case SUBMIT_HONEST -> submitHonest;
                case SUBMIT_SERVICE -> submitService;
                case CONNECT -> connect;
                case SUBSCRIBE -> subscribe;
                case NOTIFY_SKEW -> notifySkew;
                case LAG -> lag;
            };
        }
    }

    /**
     * One metric's percentiles, in microseconds; all 0 when nothing was recorded ({@code count == 0}).
     *
     * @param count values recorded
     * @param mean their mean, to 0.1
     * @param p50 median
     * @param p90 90th percentile
     * @param p99 99th percentile
     * @param p999 99.9th percentile
     * @param max the largest
     */
    @JsonPropertyOrder({"count", "mean", "p50", "p90", "p99", "p999", "max"})
    public record Percentiles(@JsonProperty(required = true) long count,
            @JsonProperty(required = true) double mean,
            @JsonProperty(required = true) long p50, @JsonProperty(required = true) long p90,
            @JsonProperty(required = true) long p99, @JsonProperty(required = true) long p999,
            @JsonProperty(required = true) long max) {
        /** Nothing recorded. */
        public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0, 0);

        /** Checks every value. */
        public Percentiles {
            Checks.nonNegative("count", count);
            Checks.nonNegative("mean", mean);
            Checks.nonNegative("p50", p50);
            Checks.nonNegative("p90", p90);
            Checks.nonNegative("p99", p99);
            Checks.nonNegative("p999", p999);
            Checks.nonNegative("max", max);
        }

        /** @return whether nothing was recorded */
        @JsonIgnore
        public boolean isEmpty() {
            return count == 0;
        }

        /**
         * @param statistic p50, p90, p99, p999, max, mean or count
         * @return that value
         * @throws IllegalArgumentException for another name
         */
        public double statistic(String statistic) {
            return switch (statistic) {
                case "count" -> count;
                case "mean" -> mean;
                case "p50" -> p50;
                case "p90" -> p90;
                case "p99" -> p99;
                case "p999" -> p999;
                case "max" -> max;
                default -> throw new IllegalArgumentException("unknown statistic '" + statistic + "'");
            };
        }

        /** The statistics {@link #statistic} knows, in the order reports show them. */
        public static final List<String> STATISTICS = List.of("p50", "p90", "p99", "p999", "max", "mean",
                "count");
    }

    /**
     * Unexpected exceptions, counted once each and keyed by class: a bug in Stratum Lab, never a peer's doing
     * (resets and closed connections are not counted here).
     *
     * @param unexpected the generator's, by exception class name
     * @param unexpectedServer the embedded server's (all its instances), by exception class name; empty against
     *        an external target, whose errors are its own
     */
    public record Errors(Map<String, Long> unexpected, Map<String, Long> unexpectedServer) {
        /** No errors. */
        public static final Errors NONE = new Errors(Map.of(), Map.of());

        /** Sorts and copies the counts; older files have no server side. */
        public Errors {
            unexpected = sorted(unexpected);
            unexpectedServer = sorted(unexpectedServer);
        }

        private static Map<String, Long> sorted(Map<String, Long> counts) {
            return counts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        }

        /** @return every unexpected error, on either side, whatever its class */
        public long unexpectedTotal() {
            return unexpected.values().stream().mapToLong(Long::longValue).sum()
                    + unexpectedServer.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One phase.
     *
     * @param name its name
     * @param startS when it began, seconds into the run
     * @param durationS how long it lasted
     * @param connectedAtEnd miners connected at its scheduled end
     * @param subscribedAtEnd miners subscribed at its scheduled end
     * @param submits its submits, by outcome
     * @param latencyUs its latencies
     */
    @JsonPropertyOrder({"name", "startS", "durationS", "connectedAtEnd", "subscribedAtEnd", "submits",
            "latencyUs"})
    public record Phase(@JsonProperty(required = true) String name,
            @JsonProperty(required = true) double startS,
            @JsonProperty(required = true) double durationS, Long connectedAtEnd, Long subscribedAtEnd,
            @JsonProperty(required = true) Submits submits,
            @JsonProperty(required = true) Latencies latencyUs) {
        /** Checks the times; older files lack the miner counts. */
        public Phase {
            connectedAtEnd = connectedAtEnd == null ? 0 : connectedAtEnd;
            subscribedAtEnd = subscribedAtEnd == null ? 0 : subscribedAtEnd;
            Checks.nonNegative("startS", startS);
            Checks.nonNegative("durationS", durationS);
        }

        /** @return submits sent per second of the phase */
        public double submitsPerSecond() {
            return durationS > 0 ? submits.sent() / durationS : 0;
        }
    }

    /**
     * One threshold and its verdict.
     *
     * @param rule the rule as written
     * @param value the measured value (microseconds for a latency), or {@code null} when nothing was measured (a
     *        phase that never ran)
     * @param unit {@code us} for a latency, empty otherwise
     * @param passed whether it held
     * @param limit for a rule whose limit is another figure ({@code a{phase:x} < 2 * a{phase:y}}), that limit as
     *        measured, in the value's unit ({@code null} when it was not measured); absent for a fixed limit
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"rule", "value", "unit", "passed", "limit"})
    public record ThresholdResult(@JsonProperty(required = true) String rule, Double value, String unit,
            @JsonProperty(required = true) boolean passed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double limit) {
        /** Older files have no unit. */
        @JsonCreator
        public ThresholdResult {
            unit = unit == null ? "" : unit;
        }

        /**
         * A verdict against a fixed limit (the rule's own number).
         *
         * @param rule the rule as written
         * @param value the measured value, or {@code null}
         * @param unit {@code us} for a latency, empty otherwise
         * @param passed whether it held
         */
        public ThresholdResult(String rule, Double value, String unit, boolean passed) {
            this(rule, value, unit, passed, null);
        }

        /** @return whether the value is a latency in microseconds */
        @JsonIgnore
        public boolean isLatency() {
            return unit.equals("us");
        }
    }
}
