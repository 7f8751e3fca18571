package org.stratumlab.loadgen.run;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.simulator.ServerSettings;

/** The effective settings of a run, as summary.json records them (after every override). */
final class RunSettings {
    private RunSettings() {
    }

    static Map<String, Object> of(LoadConfig config, InetSocketAddress target) {
        FleetSettings f = config.fleet();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("target",
                config.target() == null ? "embedded" : target.getHostString() + ":" + target.getPort());
        s.put("miners", f.miners());
        s.put("durationS", config.durationNs() / 1e9);
        s.put("workerPrefix", f.workerPrefix());
        s.put("seed", f.seed());
        s.put("pow", f.pow());
        s.put("grindThreads", f.grindThreads());
        s.put("subscribeTimeoutS", f.subscribeTimeoutNs() / 1e9);
        s.put("submitTimeoutS", f.submitTimeoutNs() / 1e9);
        if (f.hostile().fraction() > 0) {
            Map<String, Object> hostile = new LinkedHashMap<>();
            hostile.put("fraction", f.hostile().fraction());
            hostile.put("badShares", f.hostile().shares().describe());
            s.put("hostileMiners", hostile);
        }
        s.put("sourceAddresses", f.sourceAddresses().stream().map(a -> a.getHostAddress()).toList());
        s.put("ioThreads", config.ioThreads());
        s.put("transport", config.transport());
        s.put("phases", phases(config.phases()));
        if (config.target() == null) {
            s.put("server", ServerSettings.echo(config.embeddedServer()));
        }
        return s;
    }

    private static List<Map<String, Object>> phases(List<Phase> phases) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Phase p : phases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("durationS", p.durationNs() / 1e9);
            m.put("miners", p.miners());
            m.put("connectRatePerSecond", p.connectRatePerSecond());
            if (p.hashrate() > 0) {
                m.put("hashrate", p.hashrate());
                m.put("hashrateDistribution", p.hashrates().describe());
            } else if (p.ramps()) {
                m.put("solveRatePerSecond", p.solveRatePerSecond() + ".." + p.solveRateEndPerSecond());
            } else {
                m.put("solveRatePerSecond", p.solveRatePerSecond());
            }
            m.put("badShares", p.badShares().describe());
            if (p.hostileRate() != 1) {
                m.put("hostileRate", p.hostileRate());
            }
            m.put("sessionLifetimeS", p.sessionLifetimeNs() / 1e9);
            if (!p.server().isNone()) {
                Map<String, Object> action = new LinkedHashMap<>();
                action.put("restart", p.server().restart());
                action.put("difficulty",
                        p.server().difficulty() == null ? null : p.server().difficulty().toString());
                action.put("blockIntervalMs", p.server().blockIntervalNs() == null
                        ? null
                        : p.server().blockIntervalNs() / 1e6);
                action.put("window", p.server().window());
                if (p.server().kills()) {
                    action.put("killDownS", p.server().killDownNs() / 1e9);
                }
                m.put("server", action);
            }
            list.add(m);
        }
        return list;
    }
}
