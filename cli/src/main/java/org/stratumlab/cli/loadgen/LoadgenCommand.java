package org.stratumlab.cli.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.stratumlab.cli.options.Converters;
import org.stratumlab.cli.server.ServerOptions;
import org.stratumlab.loadgen.metrics.LiveMetrics;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.Invocations;
import org.stratumlab.loadgen.run.DescriptorBudget;
import org.stratumlab.results.Summary;
import org.stratumlab.cli.RunFolder;
import org.stratumlab.report.RunReport;
import org.stratumlab.loadgen.run.EmbeddedProcess;
import org.stratumlab.loadgen.attack.AttackKind;
import org.stratumlab.loadgen.attack.AttackPlan;
import org.stratumlab.loadgen.attack.AttackSettings;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.record.ProgressLine;
import org.stratumlab.loadgen.run.LoadRun;
import org.stratumlab.loadgen.scenario.AddressRange;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.HostileMiners;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.ListenFailure;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code stratumlab loadgen}: simulated miners against an endpoint (a node, or our server), or against the
 * embedded server when no {@code --target} is given. Embedded-server options are those of
 * {@code stratumlab server} prefixed with {@code server.}, e.g. {@code --server.difficulty=1}.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Opens simulated miners against a Stratum endpoint, submits real solutions as a Poisson process, "
                        + "and measures submit latency from each solution's intended time (no coordinated omission).",
                "Without --target it starts the simulator in the same process; pass it options as --server.<option>=<value> "
                        + "(any option of 'stratumlab server', e.g. --server.difficulty=1 --server.block-interval=0).",
                "Writes summary.json, latency.hlog, a .hgrm percentile file per metric and timeseries.csv to --out.%n"},
        // Examples stay within the help's 80 columns, continued with a backslash as a shell would take them:
        // picocli would wrap a longer line at column 0, in the middle of the command.
        footer = {"%nExamples:", "  ./stratumlab loadgen --miners 1000 --duration 30s",
                "  ./stratumlab loadgen --target 127.0.0.1:32525 --password secret --miners 200 \\",
                "      --hashrate 500 --hashrate-dist lognormal:1,0.5",
                "  ./stratumlab loadgen --miners 500 --solve-rate 2 \\",
                "      --bad-shares invalid=0.01,stale=0.01 --server.window=8"})
public final class LoadgenCommand implements Callable<Integer> {
    /** The phases of a run with --attack, as a scenario would name them in its thresholds. */
    static final String BASELINE_PHASE = Summary.Attack.BASELINE_PHASE;
    static final String ATTACK_PHASE = Summary.Attack.ATTACK_PHASE;
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "The endpoint: a node's stratum port or a 'stratumlab server' (default: the embedded server).")
    private String target;

    @Option(names = "--miners", paramLabel = "N", defaultValue = "100",
            description = "Simulated miners, one connection each (default: ${DEFAULT-VALUE}).")
    private int miners;

    @Option(names = "--connect-rate", paramLabel = "PER_S", defaultValue = "1000",
            description = "New connections per second until all miners are up (default: ${DEFAULT-VALUE}).")
    private double connectRate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            converter = Converters.DurationNs.class,
            description = "How long miners submit; the run then waits for replies in flight (default: 30s).")
    private long durationNs;

    @Option(names = "--solve-rate", paramLabel = "PER_S",
            description = "Solutions per miner per second, a Poisson process (default: 1 unless --hashrate is given).")
    private Double solveRate;

    @Option(names = "--hashrate", paramLabel = "H_PER_S",
            description = "Hashes per second per miner; the solve rate is hashrate * boundary / 2^256, so it follows "
                    + "the job's difficulty.")
    private Double hashrate;

    @Option(names = "--hashrate-dist", paramLabel = "DIST", defaultValue = "fixed",
            description = "How --hashrate spreads over miners: fixed, uniform:a..b, lognormal:median,sigma or zipf:s "
                    + "(multiples of --hashrate) (default: ${DEFAULT-VALUE}).")
    private String hashrateDist;

    @Option(names = "--bad-shares", paramLabel = "MIX", defaultValue = "",
            description = "Share of deliberately bad submits by kind, e.g. invalid=0.01,stale=0.01,duplicate=0.005,"
                    + "malformed=0.001 (default: none).")
    private String badShares;

    @Option(names = "--hostile", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of miners that are hostile (0..1, spread evenly): they draw from --hostile-shares, "
                    + "and the honest miners' submit latency is recorded apart as submit-honest (default: none).")
    private double hostile;

    @Option(names = "--hostile-shares", paramLabel = "MIX",
            description = "The bad-share mix of hostile miners (default: only bad shares, each kind alike: "
                    + "invalid=0.25,stale=0.25,duplicate=0.25,malformed=0.25).")
    private String hostileShares;

    @Option(names = "--session-lifetime", paramLabel = "DURATION", defaultValue = "0",
            converter = Converters.DurationNs.class,
            description = "Churn: mean connection lifetime (exponential); each miner then reconnects (default: none).")
    private long sessionLifetimeNs;

    @Option(names = "--source-addresses", paramLabel = "A-B",
            description = "Local addresses to connect from, e.g. 127.0.0.1-127.0.0.8 (default: automatic on loopback "
                    + "above 14000 miners, else the system's choice).")
    private String sourceAddresses;

    @Option(names = "--worker-prefix", defaultValue = "miner",
            description = "Worker names are <prefix>-<n> (default: ${DEFAULT-VALUE}).")
    private String workerPrefix;

    @Option(names = "--password", defaultValue = "", description = "The subscribe password (default: empty).")
    private String password;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of every random draw: the same seed gives the same schedule (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--subscribe-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.DurationNs.class,
            description = "A subscribe unanswered this long is counted as never answered (default: 10s).")
    private long subscribeTimeoutNs;

    @Option(names = "--submit-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.DurationNs.class,
            description = "A submit unanswered this long is counted as unanswered (default: 10s).")
    private long submitTimeoutNs;

    @Option(names = "--pow", paramLabel = "POW",
            description = "The proof of work the miners grind: keccak or octopus (default: the embedded server's, "
                    + "which it also sets; keccak against --target).")
    private String pow;

    @Option(names = "--grind-threads", paramLabel = "N",
            description = "Threads that grind valid nonces ahead, off the miners' event loops (default: half the "
                    + "cores).")
    private Integer grindThreads;

    @Option(names = "--allow-shortfall",
            description = "Exit 0 even when the generator falls short of the load asked (it still says so): for a "
                    + "run that asks for more than this machine can produce on purpose.")
    private boolean allowShortfall;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "Event-loop threads driving the miners, 1 to 1024 (default: the number of cores).")
    private Integer ioThreads;

    @Option(names = "--transport", paramLabel = "<transport>", defaultValue = NettyTransport.AUTO,
            description = "The miners' Netty transport: auto (the best this machine offers, measured), io_uring, "
                    + "epoll or nio (default: ${DEFAULT-VALUE}).")
    private String transport;

    @Option(names = "--name", defaultValue = "loadgen",
            description = "The run's name in summary.json and the default output folder (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder, new or empty: a run never overwrites another's results (default: "
                    + "results/runs/<name>-<UTC time>).")
    private Path out;

    @Option(names = "--embedded-process", paramLabel = "MODE", defaultValue = "auto",
            description = "Where the embedded server runs: same (this process), separate (a child JVM, with its own "
                    + "file descriptors, heap and GC) or auto (separate above 8000 miners) (default: ${DEFAULT-VALUE}).")
    private String embeddedProcess;

    @Option(names = "--attack", paramLabel = "KIND",
            description = "Attackers beside the miners, doing KIND (the kinds are listed below): first a baseline "
                    + "phase of the miners alone (--baseline), then the attack for --duration; both phases' honest "
                    + "submit p99 are printed side by side.")
    private String attack;

    @Option(names = "--attackers", paramLabel = "N", defaultValue = "10",
            description = "Attacker connections with --attack (default: ${DEFAULT-VALUE}).")
    private int attackers;

    @Option(names = "--attack-rate", paramLabel = "PER_S",
            description = "Events a second per attacker with --attack: lines, bytes, submits or (churn) connections; "
                    + "churn takes 0 for as fast as it can (default: 1).")
    private Double attackRate;

    @Option(names = "--baseline", paramLabel = "DURATION", defaultValue = "10s",
            converter = Converters.DurationNs.class,
            description = "With --attack, how long the miners run alone first (default: ${DEFAULT-VALUE}).")
    private long baselineNs;

    @Mixin
    private LiveMetricsOptions liveMetrics = new LiveMetricsOptions();

    @Unmatched
    private List<String> serverArgs = new ArrayList<>();

    private final LongSupplier descriptorLimit;

    /** The command as {@code stratumlab} runs it, checked against this process's file descriptor limit. */
    public LoadgenCommand() {
        this(RunGuard::processDescriptorLimit);
    }

    /** @param descriptorLimit the most file descriptors the run may use (tests give a small one) */
    public LoadgenCommand(LongSupplier descriptorLimit) {
        this.descriptorLimit = descriptorLimit;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadConfig config = config();
        LiveMetrics live = liveMetrics.start(LiveMetrics.UNSHARDED); // a port in use: one line, exit 2
        PrintWriter writer = spec.commandLine().getOut();
        Summary summary;
        try (live) {
            liveMetrics.announce(live, writer);
            summary = RunGuard.stoppable(stop -> {
                LoadRun.Result result = new LoadRun(config, writer, Terminal.isInteractive(),
                        Invocations.of(spec, List.of()), stop, live).run();
                SummaryTable.print(writer, result.summary(), config.outDir());
                writer.println("report " + RunReport.render(config.outDir()));
                writer.flush();
                return result.summary();
            });
            liveMetrics.finish(live, spec.commandLine().getErr(), "stratumlab loadgen");
        } catch (ListenFailure e) {
            // The embedded server's first act: nothing else has started yet.
            String option = e.endpoint() == ListenFailure.Endpoint.METRICS
                    ? "--server.metrics-port"
                    : "--server.port";
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
        ExitCode end = RunGuard.endOf(summary, spec.commandLine().getErr(), "stratumlab loadgen",
                target != null ? target : "the embedded server", !allowShortfall);
        return (end != null ? end : ExitCode.SUCCESS).code();
    }

    private LoadConfig config() {
        try {
            liveMetrics.check();
            if (pow != null) {
                named("--pow", () -> PowAlgorithms.requireKnown(pow));
            }
            ServerConfig embedded = target == null
                    ? EmbeddedServerOptions.parse(spec.commandLine(), serverArgs, pow)
                    : rejectServerArgs();
            String minerPow = pow != null ? pow : embedded != null ? embedded.pow() : PowAlgorithms.KECCAK;
            if (embedded != null && !embedded.pow().equals(minerPow)) {
                throw new IllegalArgumentException("--pow " + minerPow + " disagrees with --server.pow="
                        + embedded.pow() + ": the miners would grind what the server does not check");
            }
            if (grindThreads != null && grindThreads < 1) {
                throw new IllegalArgumentException("--grind-threads must be at least 1, was " + grindThreads);
            }
            FleetSettings fleet = new FleetSettings(miners, connectRate, solveRate(),
                    hashrate == null ? 0 : hashrate,
                    named("--hashrate-dist", () -> HashrateDistribution.parse(hashrateDist)),
                    named("--bad-shares", () -> BadShareMix.parse(badShares)),
                    hostileMiners(),
                    workerPrefix,
                    password, seed,
                    subscribeTimeoutNs, submitTimeoutNs, sessionLifetimeNs,
                    TimeUnit.MILLISECONDS.toNanos(100),
                    TimeUnit.SECONDS.toNanos(10), sources(), FleetSettings.DEFAULT_MAX_GRIND_ATTEMPTS,
                    minerPow,
                    grindThreads != null ? grindThreads : FleetSettings.DEFAULT_GRIND_THREADS);
            InetSocketAddress endpoint = target == null ? null : Endpoints.parse("--target", target);
            Path outDir = out != null
                    ? out
                    : Path.of("results", "runs",
                            name + "-" + RUN_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
            int threads = ioThreads != null ? ioThreads : Runtime.getRuntime().availableProcessors();
            named("--io-threads", () -> {
                NettyTransport.requireThreads(threads);
                return threads;
            });
            String minersTransport = named("--transport", () -> NettyTransport.requireAvailable(transport));
            AttackPlan plan = attackPlan(embedded);
            LoadConfig config = new LoadConfig(name, fleet, endpoint, embedded,
                    EmbeddedProcess.parse(embeddedProcess), phases(fleet, plan), threads, outDir,
                    ProgressLine.PLAIN_INTERVAL_NS, true, minersTransport).withAttack(plan);
            String refusal = DescriptorBudget.refusal(config, descriptorLimit.getAsLong(),
                    "--embedded-process separate");
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
            RunFolder.claim(outDir); // last: a run refused for another reason leaves no folder behind
            return config;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @return the attack of --attack, a baseline phase without attackers and then --attackers; null without */
    private AttackPlan attackPlan(ServerConfig embedded) {
        if (attack == null) {
            if (attackRate != null || spec.commandLine().getParseResult().hasMatchedOption("--attackers")
                    || spec.commandLine().getParseResult().hasMatchedOption("--baseline")) {
                throw new IllegalArgumentException(
                        "--attackers, --attack-rate and --baseline need --attack, what "
                                + "the attackers do");
            }
            return null;
        }
        AttackKind kind = AttackKind.byLabel(attack).orElseThrow(() -> new IllegalArgumentException(
                "--attack: '" + attack + "' is not an attack kind; one of " + AttackKind.labels()));
        if (attackers < 1) {
            throw new IllegalArgumentException("--attackers: must be at least 1, was " + attackers);
        }
        if (baselineNs <= 0) {
            throw new IllegalArgumentException("--baseline: must be positive");
        }
        int lineLimit = embedded != null ? embedded.maxLineBytes() : ServerConfig.DEFAULT_MAX_LINE_BYTES;
        AttackSettings settings = named("--attack-rate", () -> new AttackSettings(kind,
                attackRate != null ? attackRate : AttackSettings.DEFAULT_RATE_PER_SECOND, lineLimit));
        return new AttackPlan(settings, List.of(0, attackers));
    }

    /** @return one phase, or with an attack a baseline of the miners alone and then the attack beside them */
    private List<Phase> phases(FleetSettings fleet, AttackPlan plan) {
        if (plan == null) {
            return List.of(LoadConfig.singlePhase(fleet, durationNs));
        }
        return List.of(LoadConfig.singlePhase(fleet, baselineNs, BASELINE_PHASE),
                LoadConfig.singlePhase(fleet, durationNs, ATTACK_PHASE));
    }

    private HostileMiners hostileMiners() {
        if (hostileShares != null && hostile == 0) {
            throw new IllegalArgumentException(
                    "--hostile-shares needs --hostile, the share of miners that send them");
        }
        BadShareMix mix = hostileShares == null
                ? HostileMiners.ALL_BAD
                : named("--hostile-shares", () -> BadShareMix.parse(hostileShares));
        return named("--hostile", () -> new HostileMiners(hostile, mix));
    }

    /** Parses an option's value with a library parser whose message does not know the option's name. */
    private static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private double solveRate() {
        if (solveRate != null && hashrate != null) {
            throw new IllegalArgumentException("--solve-rate and --hashrate are exclusive: give one");
        }
        if (solveRate != null && !(solveRate >= 0)) {
            throw new IllegalArgumentException("--solve-rate must not be negative, was " + solveRate);
        }
        if (hashrate != null && !(hashrate > 0)) {
            throw new IllegalArgumentException("--hashrate must be positive, was " + hashrate);
        }
        return hashrate != null ? 0 : solveRate != null ? solveRate : 1.0;
    }

    private ServerConfig rejectServerArgs() {
        if (!serverArgs.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + serverArgs.get(0) + "': --server.* options configure the "
                            + "embedded server, which does not run with --target");
        }
        return null;
    }

    private List<InetAddress> sources() {
        if (sourceAddresses != null) {
            return Endpoints.addressRange("--source-addresses", sourceAddresses);
        }
        boolean loopback = target == null || Endpoints.isLoopback(target);
        String automatic = loopback
                ? named("--miners", () -> AddressRange.automaticLoopbackRange(miners))
                : null;
        return automatic == null ? List.of() : Endpoints.addressRange("--source-addresses", automatic);
    }
}
