package org.stratumlab.loadgen.attack;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.stratumlab.results.Summary;

/**
 * What a run's attackers did and met, counted from their event loops; read at any time. Every connection opened
 * is counted once more when it ends, by how it ended, so that {@code opened} equals the sum of the ends once
 * every connection is closed.
 */
public final class AttackCounters {
    private final LongAdder opened = new LongAdder();
    private final LongAdder connectFailed = new LongAdder();
    private final LongAdder linesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    /** Answer kinds are few (a dozen error codes at most), so a map of adders stays small. */
    private final Map<String, LongAdder> answersByKind = new ConcurrentHashMap<>();
    private final Map<AttackEnd, LongAdder> connectionsByEnd = new EnumMap<>(AttackEnd.class);
    private final LongAdder serverClosedNsTotal = new LongAdder();
    private final LongAccumulator serverClosedNsMax = new LongAccumulator(Math::max, 0);

    /** Counters at zero. */
    public AttackCounters() {
        for (AttackEnd end : AttackEnd.values()) {
            connectionsByEnd.put(end, new LongAdder());
        }
    }

    void countOpened() {
        opened.increment();
    }

    void connectFailed() {
        connectFailed.increment();
    }

    void sent(int lines, long bytes) {
        linesSent.add(lines);
        bytesSent.add(bytes);
    }

    void answered(String kind) {
        answersByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void ended(AttackEnd end, long openNs) {
        connectionsByEnd.get(end).increment();
        if (end.byServer()) {
            serverClosedNsTotal.add(openNs);
            serverClosedNsMax.accumulate(openNs);
        }
    }

    /** @return connections opened so far */
    public long opened() {
        return opened.sum();
    }

    /**
     * @param end how connections ended
     * @return how many ended so far
     */
    public long ended(AttackEnd end) {
        return connectionsByEnd.get(end).sum();
    }

    /** @return the connections the endpoint closed or reset so far */
    public long closedByServer() {
        long closed = 0;
        for (AttackEnd end : AttackEnd.values()) {
            closed += end.byServer() ? ended(end) : 0;
        }
        return closed;
    }

    /**
     * @param kind an answer kind, as in {@link Summary.Attack#answers}
     * @return how many such lines came back
     */
    public long answers(String kind) {
        LongAdder count = answersByKind.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** @return the lines sent so far */
    public long linesSent() {
        return linesSent.sum();
    }

    /**
     * @param settings what the attackers did
     * @param attackersMax the most attackers any phase had
     * @return the summary's attack section
     */
    public Summary.Attack summary(AttackSettings settings, int attackersMax) {
        Map<String, Long> answers = new TreeMap<>();
        answersByKind.forEach((kind, count) -> answers.put(kind, count.sum()));
        Map<String, Long> ends = new TreeMap<>();
        connectionsByEnd.forEach((end, count) -> ends.put(end.label(), count.sum()));
        long closedByServer = closedByServer();
        Double meanMs = closedByServer == 0 ? null : serverClosedNsTotal.sum() / 1e6 / closedByServer;
        Double maxMs = closedByServer == 0 ? null : serverClosedNsMax.get() / 1e6;
        return new Summary.Attack(settings.kind().label(), settings.ratePerSecond(), attackersMax, opened(),
                connectFailed.sum(), linesSent(), bytesSent.sum(), answers, ends, meanMs, maxMs);
    }
}
