package org.stratumlab.loadgen.scenario;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.stratumlab.loadgen.attack.AttackKind;
import org.stratumlab.loadgen.attack.AttackPlan;
import org.stratumlab.loadgen.attack.AttackSettings;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.loadgen.resources.ServerResourceSampler;
import org.stratumlab.loadgen.run.EmbeddedProcess;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.HostileMiners;
import org.stratumlab.loadgen.simulator.ServerSettings;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.loadgen.units.Units;
import org.stratumlab.server.ServerConfig;

/**
 * Turns a bound {@link ScenarioFile} into a {@link Scenario}: fills defaults, carries each phase's settings into
 * the next, and checks everything. Every message starts with the key it is about ({@code phases[1].miners: ...}).
 */
final class ScenarioBuilder {
    /** What a scenario's or a phase's name may hold: it names the output folder, and a phase in {phase:NAME}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private ScenarioBuilder() {
    }

    static Scenario build(ScenarioFile f, String defaultName, String digest) {
        String name = f.name() != null ? f.name() : defaultName;
        require(!name.isBlank() && NAME.matcher(name).matches(), "name",
                "'" + name + "' must be letters, digits, '.', '_' or '-' (it names the output folder)");
        long seed = f.seed() != null ? f.seed() : 1;
        ScenarioFile.Target target = f.target() != null ? f.target() : new ScenarioFile.Target(null, null);
        require(target.embedded() == null || target.external() == null, "target",
                "give 'embedded' or 'external', not both");
        InetSocketAddress external = target.external() == null ? null : endpoint(target.external());
        ServerConfig embedded = external == null ? embedded(target.embedded()) : null;
        List<Phase> phases = phases(f.phases());
        int miners = phases.stream().mapToInt(Phase::miners).max().orElse(0);
        require(miners >= 1, "phases", "no phase has any miners");
        ScenarioFile.Miners m = f.miners() != null
                ? f.miners()
                : new ScenarioFile.Miners(null, null, null, null, null, null, null, null, null, null, null,
                        null);
        String password = m.password() != null
                ? m.password()
                : target.embedded() != null && target.embedded().textByKey().get("password") != null
                        ? target.embedded().textByKey().get("password")
                        : "";
        Phase first = phases.get(0);
        FleetSettings fleet = new FleetSettings(miners, first.connectRatePerSecond(),
                first.solveRatePerSecond(),
                first.hashrate(), first.hashrates(), first.badShares(), hostile(m),
                or(m.workerPrefix(), "miner"),
                password, seed,
                duration("miners.subscribe-timeout", or(m.subscribeTimeout(), "10s")),
                duration("miners.submit-timeout", or(m.submitTimeout(), "10s")), first.sessionLifetimeNs(),
                TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(10),
                sources(m.sourceAddresses(), phases, external), FleetSettings.DEFAULT_MAX_GRIND_ATTEMPTS,
                minerPow(m.pow(), embedded), grindThreads(m.grindThreads()));
        int ioThreads = m.ioThreads() != null ? m.ioThreads() : Runtime.getRuntime().availableProcessors();
        try {
            NettyTransport.requireThreads(ioThreads);
        } catch (IllegalArgumentException e) {
            throw prefixed("miners.io-threads", e);
        }
        String transport;
        try {
            transport = NettyTransport.requireAvailable(or(m.transport(), NettyTransport.AUTO));
        } catch (IllegalArgumentException e) {
            throw prefixed("miners.transport", e);
        }
        for (Phase phase : phases) {
            require(external == null || phase.server().isNone(), "phases", "phase '" + phase.name()
                    + "' acts on the server, which needs the embedded target");
        }
        EmbeddedProcess process = EmbeddedProcess.AUTO;
        if (target.embedded() != null && target.embedded().process() != null) {
            try {
                process = EmbeddedProcess.parse(target.embedded().process());
            } catch (IllegalArgumentException e) {
                throw prefixed("target.embedded.process", e);
            }
        }
        for (int i = 0; i < phases.size(); i++) {
            // Only a child JVM can be SIGKILLed without taking the generator with it.
            require(!phases.get(i).server().kills() || process.separate(fleet.miners()),
                    "phases[" + i + "].server.kill", "needs the embedded server in its own JVM "
                            + "(target.embedded.process: separate)");
        }
        return new Scenario(name, or(f.description(), ""), external, embedded, process, fleet, phases,
                thresholds(f, phases.stream().map(Phase::name).toList()),
                ioThreads, f.expect() == null || !Boolean.FALSE.equals(f.expect().allSubscribed()),
                f.expect() == null || !Boolean.FALSE.equals(f.expect().generatorKeepsUp()), transport,
                digest, resourceInterval(target.embedded()), attack(m.attack(), f.phases(), embedded));
    }

    /** The attack of {@code miners.attack} and the phases' {@code attackers}, carried into later phases. */
    private static AttackPlan attack(ScenarioFile.Attack a, List<ScenarioFile.PhaseEntry> entries,
            ServerConfig embedded) {
        List<Integer> counts = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < entries.size(); i++) {
            Integer given = entries.get(i).attackers();
            require(given == null || given >= 0, "phases[" + i + "].attackers",
                    "must not be negative, was " + given);
            require(given == null || given == 0 || a != null, "phases[" + i + "].attackers",
                    "needs miners.attack, what the attackers do");
            previous = given != null ? given : previous;
            counts.add(previous);
        }
        if (a == null) {
            return null;
        }
        require(a.kind() != null, "miners.attack.kind", "give one of " + AttackKind.labels());
        AttackKind kind = AttackKind.byLabel(a.kind()).orElseThrow(() -> new IllegalArgumentException(
                "miners.attack.kind: '" + a.kind() + "' is not an attack kind; one of "
                        + AttackKind.labels()));
        int lineLimit = a.lineLimit() != null
                ? size("miners.attack.line-limit", a.lineLimit())
                : embedded != null ? embedded.maxLineBytes() : ServerConfig.DEFAULT_MAX_LINE_BYTES;
        try {
            return new AttackPlan(
                    new AttackSettings(kind, or(a.rate(), AttackSettings.DEFAULT_RATE_PER_SECOND),
                            lineLimit),
                    counts);
        } catch (IllegalArgumentException e) {
            throw prefixed("miners.attack", e);
        }
    }

    private static long resourceInterval(ScenarioFile.Embedded embedded) {
        return embedded == null || embedded.resourceInterval() == null
                ? ServerResourceSampler.DEFAULT_INTERVAL_NS
                : duration("target.embedded." + ScenarioFile.Embedded.RESOURCE_INTERVAL,
                        embedded.resourceInterval());
    }

    /** The miners grind what the embedded server checks; {@code miners.pow} is for an external target. */
    private static String minerPow(String pow, ServerConfig embedded) {
        if (pow == null) {
            return embedded != null ? embedded.pow() : PowAlgorithms.KECCAK;
        }
        try {
            PowAlgorithms.requireKnown(pow);
        } catch (IllegalArgumentException e) {
            throw prefixed("miners.pow", e);
        }
        require(embedded == null || embedded.pow().equals(pow), "miners.pow", pow + " disagrees with "
                + "target.embedded.pow=" + (embedded == null ? "" : embedded.pow())
                + ": the miners would grind what the server does not check (leave miners.pow out)");
        return pow;
    }

    private static int grindThreads(Integer threads) {
        require(threads == null || threads >= 1, "miners.grind-threads", "must be at least 1");
        return threads != null ? threads : FleetSettings.DEFAULT_GRIND_THREADS;
    }

    private static ServerConfig embedded(ScenarioFile.Embedded e) {
        try {
            return ServerSettings.read(e == null ? Map.of() : e.serverSettings(),
                    ServerConfig.builder().port(0));
        } catch (IllegalArgumentException ex) {
            throw prefixed("target.embedded", ex);
        }
    }

    private static List<Phase> phases(List<ScenarioFile.PhaseEntry> entries) {
        require(entries != null && !entries.isEmpty(), "phases", "a scenario needs at least one phase");
        List<Phase> phases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Phase previous = null;
        for (int i = 0; i < entries.size(); i++) {
            String key = "phases[" + i + "]";
            ScenarioFile.PhaseEntry e = entries.get(i);
            require(e != null, key, "empty phase");
            try {
                previous = phase(e, previous, i);
            } catch (IllegalArgumentException ex) {
                throw prefixed(key, ex);
            }
            // Thresholds and the summary name phases: a name must be writable in {phase:NAME} and say which.
            require(NAME.matcher(previous.name()).matches(), key + ".name", "'" + previous.name()
                    + "' must be letters, digits, '.', '_' or '-' (thresholds name a phase as {phase:NAME})");
            require(names.add(previous.name()), key + ".name",
                    "'" + previous.name()
                            + "' names an earlier phase too; each phase needs a name of its own");
            phases.add(previous);
        }
        return phases;
    }

    private static Phase phase(ScenarioFile.PhaseEntry e, Phase previous, int index) {
        require(e.duration() != null, "duration", "every phase needs a duration");
        require(previous != null || e.miners() != null, "miners", "the first phase needs a number of miners");
        boolean rateGiven = e.solveRate() != null || e.hashrate() != null;
        require(e.solveRate() == null || e.hashrate() == null, "solve-rate",
                "give solve-rate or hashrate, not both");
        double[] ramp = e.solveRate() != null ? solveRate(e.solveRate()) : null;
        double solveRate = rateGiven
                ? (ramp != null ? ramp[0] : 0)
                : previous != null ? previous.finalSolveRatePerSecond() : 1.0;
        double solveRateEnd = ramp != null && ramp.length == 2 ? ramp[1] : Double.NaN;
        double hashrate = rateGiven
                ? (e.hashrate() != null ? e.hashrate() : 0)
                : previous != null ? previous.hashrate() : 0;
        HashrateDistribution dist = e.hashrateDist() != null
                ? hashrates(e.hashrateDist())
                : previous != null ? previous.hashrates() : new HashrateDistribution.Fixed();
        BadShareMix mix = e.badShares() != null
                ? badShares(e.badShares())
                : previous != null ? previous.badShares() : BadShareMix.NONE;
        long lifetime = e.sessionLifetime() != null
                ? duration("session-lifetime", e.sessionLifetime())
                : previous != null ? previous.sessionLifetimeNs() : 0;
        return new Phase(e.name() != null ? e.name() : "phase-" + (index + 1),
                duration("duration", e.duration()),
                e.miners() != null ? e.miners() : previous.miners(),
                e.connectRate() != null
                        ? e.connectRate()
                        : previous != null ? previous.connectRatePerSecond() : 1000,
                solveRate, hashrate, dist, mix,
                e.hostileRate() != null ? e.hostileRate() : previous != null ? previous.hostileRate() : 1,
                lifetime, serverAction(e.server()), solveRateEnd);
    }

    /** A rate ({@code 2.5}) or a ramp over the phase ({@code 5..50}): one value, or start and end. */
    private static double[] solveRate(String text) {
        String[] parts = text.strip().split("\\.\\.", -1);
        double[] rates = new double[parts.length];
        require(parts.length <= 2, "solve-rate", "'" + text + "' is not a rate or a ramp like 5..50");
        for (int i = 0; i < parts.length; i++) {
            try {
                rates[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        "solve-rate: '" + text + "' is not a rate or a ramp like 5..50");
            }
            require(rates[i] >= 0 && Double.isFinite(rates[i]), "solve-rate",
                    "'" + text + "' must not be negative");
        }
        return rates;
    }

    private static HostileMiners hostile(ScenarioFile.Miners m) {
        if (m.hostile() == null) {
            require(m.hostileShares() == null, "miners.hostile-shares", "needs miners.hostile, the share of "
                    + "miners that send them");
            return HostileMiners.NONE;
        }
        BadShareMix shares = HostileMiners.ALL_BAD;
        if (m.hostileShares() != null) {
            try {
                shares = BadShareMix.parse(m.hostileShares());
            } catch (IllegalArgumentException e) {
                throw prefixed("miners.hostile-shares", e);
            }
        }
        try {
            return new HostileMiners(m.hostile(), shares);
        } catch (IllegalArgumentException e) {
            throw prefixed("miners.hostile", e);
        }
    }

    private static HashrateDistribution hashrates(String text) {
        try {
            return HashrateDistribution.parse(text);
        } catch (IllegalArgumentException e) {
            throw prefixed("hashrate-dist", e);
        }
    }

    private static BadShareMix badShares(String text) {
        try {
            return BadShareMix.parse(text);
        } catch (IllegalArgumentException e) {
            throw prefixed("bad-shares", e);
        }
    }

    private static Phase.ServerAction serverAction(ScenarioFile.ServerAction a) {
        if (a == null) {
            return Phase.ServerAction.NONE;
        }
        boolean kill = Boolean.TRUE.equals(a.kill());
        require(kill || a.down() == null, "server.down", "only with kill: true");
        require(!kill || !Boolean.TRUE.equals(a.restart()), "server.kill",
                "a kill comes back on its own: leave restart out");
        return new Phase.ServerAction(Boolean.TRUE.equals(a.restart()),
                a.difficulty() == null ? null : difficulty("server.difficulty", a.difficulty()),
                a.blockInterval() == null ? null : duration("server.block-interval", a.blockInterval()),
                window(a.window()),
                kill ? (a.down() == null ? Long.valueOf(0) : duration("server.down", a.down())) : null);
    }

    private static Integer window(Integer window) {
        require(window == null || window >= 1 && window <= 1024, "server.window",
                "must be in 1..1024, was " + window);
        return window;
    }

    private static List<Threshold> thresholds(ScenarioFile f, List<String> phaseNames) {
        List<Threshold> rules = new ArrayList<>();
        if (f.thresholds() != null) {
            for (int i = 0; i < f.thresholds().size(); i++) {
                String rule = f.thresholds().get(i);
                require(rule != null, "thresholds[" + i + "]", "empty rule");
                Threshold threshold;
                try {
                    threshold = Threshold.parse(rule);
                } catch (IllegalArgumentException e) {
                    throw prefixed("thresholds[" + i + "]", e);
                }
                for (String phase : threshold.phases()) {
                    require(phaseNames.contains(phase), "thresholds[" + i + "]", "threshold '" + rule
                            + "': no phase is named '" + phase + "'; phases: "
                            + String.join(", ", phaseNames));
                }
                rules.add(threshold);
            }
        }
        return rules;
    }

    private static List<InetAddress> sources(String range, List<Phase> phases, InetSocketAddress external) {
        String text = range;
        boolean loopback = external == null || external.getAddress().isLoopbackAddress();
        if (text == null && loopback) {
            int most = 0;
            for (int i = 1; i < phases.size(); i++) {
                most = phases.get(i).miners() > phases.get(most).miners() ? i : most;
            }
            try {
                text = AddressRange.automaticLoopbackRange(phases.get(most).miners());
            } catch (IllegalArgumentException e) {
                throw prefixed("phases[" + most + "].miners", e); // the phase that asks for the most
            }
        }
        if (text == null) {
            return List.of();
        }
        try {
            return AddressRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw prefixed("miners.source-addresses", e);
        }
    }

    private static InetSocketAddress endpoint(String text) {
        int colon = text.lastIndexOf(':');
        require(colon > 0, "target.external", "'" + text + "' is not host:port");
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            require(port >= 1 && port <= 65535, "target.external", "port " + port + " is outside 1..65535");
            return new InetSocketAddress(InetAddress.getByName(text.substring(0, colon)), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target.external: '" + text + "' has no numeric port");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target.external: unknown host in '" + text + "'");
        }
    }

    private static BigInteger difficulty(String key, String text) {
        try {
            return Difficulty.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw prefixed(key, e);
        }
    }

    private static long duration(String key, String text) {
        try {
            return Units.durationNs(text);
        } catch (IllegalArgumentException e) {
            throw prefixed(key, e);
        }
    }

    private static int size(String key, String text) {
        try {
            return Units.sizeBytes(text);
        } catch (IllegalArgumentException e) {
            throw prefixed(key, e);
        }
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** Puts the key in front of a message; a message that already names a sub-key gets it joined with a dot. */
    private static IllegalArgumentException prefixed(String key, IllegalArgumentException e) {
        String message = e.getMessage();
        boolean keyed = message.matches("^[a-z][a-z0-9\\-\\[\\].]*: .*");
        return new IllegalArgumentException(keyed ? key + "." + message : key + ": " + message);
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new IllegalArgumentException(key + ": " + message);
        }
    }
}
