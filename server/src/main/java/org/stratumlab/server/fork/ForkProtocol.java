package org.stratumlab.server.fork;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.ServerSecret;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * The line protocol between a load run and a server it forked into a child JVM (a second process has a file
 * descriptor budget of its own: 10,000 miners and their server do not fit in one process under a 20,000 limit).
 *
 * <pre>
 * parent: config host=.. port=.. difficulty=.. ... secret=HEX|-     child: listening PORT DESCRIPTION | error MESSAGE
  * parent: difficulty N | window N | block-interval NS                            child: ok
 * parent: counters                                                   child: counters k=v k=v ...
  * parent: stop (or closes stdin)                                     child: counters ..., stopped, then exits
 * </pre>
 *
 * The secret travels over the pipe, never on a command line.
 */
public final class ForkProtocol {
    private ForkProtocol() {
    }

    /**
     * @param c the configuration
     * @return the {@code config} line
     */
    public static String configLine(ServerConfig c) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("host", c.host());
        kv.put("port", Integer.toString(c.port()));
        kv.put("difficulty", c.difficulty().toString());
        kv.put("window", Integer.toString(c.window()));
        kv.put("dialect", c.dialect().name());
        kv.put("block-interval-ns", Long.toString(c.blockIntervalNs()));
        kv.put("new-job-on-solution", Boolean.toString(c.newJobOnSolution()));
        kv.put("notify-on-subscribe", Boolean.toString(c.notifyOnSubscribe()));
        kv.put("height", Long.toString(c.startHeight()));
        kv.put("seed", Long.toString(c.seed()));
        kv.put("max-line-bytes", Integer.toString(c.maxLineBytes()));
        kv.put("idle-timeout-ns", Long.toString(c.idleTimeoutNs()));
        kv.put("max-connections", Integer.toString(c.maxConnections()));
        kv.put("heartbeat-ns", Long.toString(c.heartbeatNs()));
        kv.put("io-threads", Integer.toString(c.ioThreads()));
        kv.put("secret", c.secret() == null ? "-" : c.secret().toHex());
        StringBuilder line = new StringBuilder("config");
        kv.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return line.toString();
    }

    static ServerConfig parseConfig(String line) {
        Map<String, String> kv = pairs(line, "config");
        ServerConfig.Builder b = ServerConfig.builder().host(kv.get("host"))
                .port(Integer.parseInt(kv.get("port")))
                .difficulty(new BigInteger(kv.get("difficulty"))).window(Integer.parseInt(kv.get("window")))
                .dialect(Dialect.byName(kv.get("dialect")))
                .blockIntervalNs(Long.parseLong(kv.get("block-interval-ns")))
                .newJobOnSolution(Boolean.parseBoolean(kv.get("new-job-on-solution")))
                .notifyOnSubscribe(Boolean.parseBoolean(kv.get("notify-on-subscribe")))
                .startHeight(Long.parseLong(kv.get("height"))).seed(Long.parseLong(kv.get("seed")))
                .maxLineBytes(Integer.parseInt(kv.get("max-line-bytes")))
                .idleTimeoutNs(Long.parseLong(kv.get("idle-timeout-ns")))
                .maxConnections(Integer.parseInt(kv.get("max-connections")))
                .heartbeatNs(Long.parseLong(kv.get("heartbeat-ns")))
                .ioThreads(Integer.parseInt(kv.get("io-threads")));
        if (!kv.get("secret").equals("-")) {
            b.secret(ServerSecret.ofHex(kv.get("secret")));
        }
        return b.build();
    }

    static String countersLine(ServerMetrics.Snapshot s) {
        StringBuilder line = new StringBuilder("counters");
        line.append(" connections=").append(s.connections()).append(" subscribed=").append(s.subscribed())
                .append(" jobs=").append(s.jobs()).append(" notifies-sent=").append(s.notifiesSent())
                .append(" notifies-dropped=").append(s.notifiesDropped()).append(" bytes-received=")
                .append(s.bytesReceived()).append(" bytes-sent=").append(s.bytesSent());
        s.submitsByOutcome()
                .forEach((k, v) -> line.append(" submit.").append(k.name()).append('=').append(v));
        s.rejectedByReason()
                .forEach((k, v) -> line.append(" closed.").append(k.name()).append('=').append(v));
        return line.toString();
    }

    /**
     * @param line a {@code counters} line
     * @return the counters it carries
     */
    public static ServerMetrics.Snapshot parseCounters(String line) {
        Map<String, String> kv = pairs(line, "counters");
        Map<SubmitOutcome, Long> outcomes = new EnumMap<>(SubmitOutcome.class);
        for (SubmitOutcome o : SubmitOutcome.values()) {
            outcomes.put(o, Long.parseLong(kv.getOrDefault("submit." + o.name(), "0")));
        }
        Map<ServerMetrics.Rejection, Long> closed = new EnumMap<>(ServerMetrics.Rejection.class);
        for (ServerMetrics.Rejection r : ServerMetrics.Rejection.values()) {
            closed.put(r, Long.parseLong(kv.getOrDefault("closed." + r.name(), "0")));
        }
        return new ServerMetrics.Snapshot(num(kv, "connections"), num(kv, "subscribed"), num(kv, "jobs"),
                num(kv, "notifies-sent"), num(kv, "notifies-dropped"), outcomes, closed,
                num(kv, "bytes-received"),
                num(kv, "bytes-sent"), Map.of());
    }

    private static long num(Map<String, String> kv, String key) {
        return Long.parseLong(kv.getOrDefault(key, "0"));
    }

    private static Map<String, String> pairs(String line, String verb) {
        if (!line.startsWith(verb + " ") && !line.equals(verb)) {
            throw new IllegalArgumentException("expected a '" + verb + "' line, got: " + line);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : line.substring(verb.length()).trim().split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return kv;
    }
}
