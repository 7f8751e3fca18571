package org.stratumlab.loadgen.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.results.Summary;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.testing.Await;

/**
 * Each attack kind, aimed over loopback at a real simulator with its defences, meets the defence it should, and
 * what the attackers counted agrees with what the simulator counted; every connection opened is accounted for by
 * how it ended.
 */
@Timeout(60)
class AttackFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int ATTACKERS = 3;

    private final NettyTransport transport = NettyTransport.named(NettyTransport.AUTO);
    private final EventLoopGroup group = transport.newGroup(2);
    private StratumServer server;
    private AttackFleet fleet;

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static ServerConfig.Builder defended() {
        return ServerConfig.builder().port(0).ioThreads(1).seed(7)
                .blockIntervalNs(TimeUnit.MILLISECONDS.toNanos(200));
    }

    private AttackCounters attack(ServerConfig config, AttackKind kind, double ratePerSecond)
            throws IOException {
        server = StratumServer.start(config);
        AttackCounters counters = new AttackCounters();
        fleet = new AttackFleet(new AttackSettings(kind, ratePerSecond, config.maxLineBytes()), counters,
                server.localAddress(), group, transport, () -> null, 42);
        fleet.setAttackers(ATTACKERS);
        return counters;
    }

    private long rejected(ServerMetrics.Rejection reason) {
        return server.metrics().snapshot().rejectedByReason().getOrDefault(reason, 0L);
    }

    /** Ends the attack and checks that every opened connection ended exactly one way. */
    private Summary.Attack finish() {
        fleet.close();
        Summary.Attack summary = fleet.summary();
        long ends = Arrays.stream(AttackEnd.values()).mapToLong(e -> summary.ended(e.label())).sum();
        assertEquals(summary.opened(), ends, "opened == the sum of the ends: " + summary.describe());
        return summary;
    }

    /** Waits for a moment when the attackers' count and the simulator's agree, both at least {@code least}. */
    private void awaitAgreement(String what, java.util.function.LongSupplier attackers,
            java.util.function.LongSupplier simulator, long least) {
        Await.until(what, () -> {
            long ours = attackers.getAsLong();
            return ours >= least && ours == simulator.getAsLong();
        }, () -> attackers.getAsLong() + " vs " + simulator.getAsLong() + "; "
                + fleet.counters().summary(AttackSettings.of(AttackKind.CHURN, 0), 0).describe(), WAIT);
    }

    private void await(String what, AttackCounters counters, Predicate<AttackCounters> condition) {
        Await.until(what, () -> condition.test(counters), () -> server.metrics().snapshot(), WAIT);
    }

    @Test
    void lineOverLimitIsAnsweredWithAnErrorLineAndClosedAsTooLong() throws IOException {
        AttackCounters counters = attack(defended().maxLineBytes(1024).build(), AttackKind.LINE_OVER_LIMIT,
                50);
        awaitAgreement("closes after an error, each counted line_too_long",
                () -> counters.ended(AttackEnd.CLOSED_AFTER_ERROR),
                () -> rejected(ServerMetrics.Rejection.LINE_TOO_LONG),
                6);
        Summary.Attack summary = finish();
        assertTrue(summary.answers().get("error:-32600") >= summary.ended("closed_after_error"),
                summary.describe());
    }

    @Test
    void lineAtLimitIsAnsweredAndKeepsItsConnection() throws IOException {
        AttackCounters counters = attack(defended().maxLineBytes(1024).build(), AttackKind.LINE_AT_LIMIT, 20);
        await("twenty subscribes answered", counters, c -> c.answers("result") >= 20);
        Summary.Attack summary = finish();
        assertEquals(ATTACKERS, summary.opened());
        assertEquals(ATTACKERS, summary.ended("still_open"));
        assertEquals(0, rejected(ServerMetrics.Rejection.LINE_TOO_LONG));
    }

    @Test
    void aMegabyteLineIsClosedAsTooLongWithTheSimulatorsDefaultLimit() throws IOException {
        AttackCounters counters = attack(defended().build(), AttackKind.LINE_MEGABYTES, 2);
        // the endpoint closes while most of the line is still unsent: the close arrives as a reset
        awaitAgreement("closes by the endpoint, each counted line_too_long", counters::closedByServer,
                () -> rejected(ServerMetrics.Rejection.LINE_TOO_LONG), ATTACKERS);
        Summary.Attack summary = finish();
        assertTrue(summary.bytesSent() >= ATTACKERS * (long) AttackPayloads.MEGABYTES_LINE_BYTES,
                summary.describe());
    }

    @Test
    void invalidUtf8IsClosedSilently() throws IOException {
        AttackCounters counters = attack(defended().build(), AttackKind.INVALID_UTF8, 50);
        awaitAgreement("silent closes, each counted invalid_utf8",
                () -> counters.ended(AttackEnd.CLOSED_SILENTLY),
                () -> rejected(ServerMetrics.Rejection.INVALID_UTF8), 6);
        Summary.Attack summary = finish();
        assertEquals(0, summary.answered(), "no reply: " + summary.describe());
    }

    @Test
    void slowlorisIsClosedByTheSubscribeTimeout() throws IOException {
        AttackCounters counters = attack(
                defended().subscribeTimeoutNs(TimeUnit.MILLISECONDS.toNanos(300)).build(),
                AttackKind.SLOWLORIS, 20);
        // a byte sent just after the close may meet a reset instead of the end of the stream
        awaitAgreement("closes by the endpoint, each counted subscribe_timeout", counters::closedByServer,
                () -> rejected(ServerMetrics.Rejection.SUBSCRIBE_TIMEOUT), ATTACKERS);
        Summary.Attack summary = finish();
        assertEquals(0, summary.ended("closed_after_error"), "no error line before the close");
        assertTrue(summary.linesSent() == 0 && summary.bytesSent() > ATTACKERS, summary.describe());
    }

    @Test
    void tlsHelloHasNoLineEndAndIsClosedByTheSubscribeTimeout() throws IOException {
        for (byte b : AttackPayloads.TLS_HELLO) {
            assertFalse(b == '\n', "a ClientHello holds no line end");
        }
        AttackCounters counters = attack(
                defended().subscribeTimeoutNs(TimeUnit.MILLISECONDS.toNanos(300)).build(),
                AttackKind.TLS_HELLO, 20);
        awaitAgreement("silent closes, each counted subscribe_timeout",
                () -> counters.ended(AttackEnd.CLOSED_SILENTLY),
                () -> rejected(ServerMetrics.Rejection.SUBSCRIBE_TIMEOUT),
                ATTACKERS);
        finish();
    }

    @Test
    void httpRequestLinesAreEachAnsweredWithAParseError() throws IOException {
        AttackCounters counters = attack(defended().build(), AttackKind.HTTP_REQUEST, 20);
        awaitAgreement("one parse error per line sent", () -> counters.answers("error:-32700"),
                counters::linesSent,
                40);
        assertEquals(ATTACKERS, finish().ended("still_open"));
    }

    @Test
    void malformedLinesAreEachAnsweredWithAParseError() throws IOException {
        AttackCounters counters = attack(defended().build(), AttackKind.MALFORMED_FLOOD, 50);
        awaitAgreement("one parse error per line sent", () -> counters.answers("error:-32700"),
                counters::linesSent,
                100);
        assertEquals(ATTACKERS, finish().ended("still_open"));
    }

    @Test
    void deepNestingAndHugeNumbersAreAnsweredAndKeepTheirConnections() throws IOException {
        AttackCounters counters = attack(defended().build(), AttackKind.DEEP_NESTING, 20);
        await("ten answers", counters, c -> c.answers("error:-32700") + c.answers("error:-32600") >= 10);
        assertEquals(ATTACKERS, finish().ended("still_open"));
        server.close();
        AttackCounters huge = attack(defended().build(), AttackKind.HUGE_NUMBERS, 20);
        await("ten answers", huge, c -> c.linesSent() >= 10 && summaryAnswered(c) >= 10);
        Summary.Attack summary = finish();
        assertEquals(ATTACKERS, summary.ended("still_open"), summary.describe());
    }

    private long summaryAnswered(AttackCounters counters) {
        return counters.summary(AttackSettings.of(AttackKind.HUGE_NUMBERS, 1), 0).answered();
    }

    @Test
    void aGiantBatchIsAnsweredInOneArrayLine() throws IOException {
        AttackCounters counters = attack(defended().maxLineBytes(1 << 20).build(), AttackKind.GIANT_BATCH, 5);
        await("six batch answers", counters, c -> c.answers("batch") >= 6);
        Summary.Attack summary = finish();
        assertEquals(ATTACKERS, summary.ended("still_open"));
        assertEquals(summary.answered(), summary.answers().get("batch"), summary.describe());
    }

    @Test
    void churnOpensAndClosesAndEveryOpenIsCounted() throws IOException {
        AttackCounters counters = attack(defended().build(), AttackKind.CHURN, 0);
        await("a hundred connections", counters, c -> c.ended(AttackEnd.CLOSED_BY_US) >= 100);
        Summary.Attack summary = finish();
        assertEquals(0, summary.connectFailed());
    }

    @Test
    void noReadMakesTheSimulatorDropNotifiesAndKeepsTheConnection() throws IOException {
        AttackCounters counters = attack(defended().blockIntervalNs(TimeUnit.MILLISECONDS.toNanos(1)).build(),
                AttackKind.NO_READ, 1);
        Await.until("notifies dropped", () -> server.metrics().snapshot().notifiesDropped() > 0,
                () -> server.metrics().snapshot(), WAIT);
        Summary.Attack summary = finish();
        assertEquals(ATTACKERS, summary.ended("still_open"));
        assertEquals(0, summary.answered(), "it never reads");
    }

    @Test
    void staleAndInvalidFloodsAreRejectedThroughTheMiningPath() throws IOException {
        AttackCounters stale = attack(defended().build(), AttackKind.STALE_FLOOD, 50);
        awaitAgreement("stale answers, each counted by the simulator", () -> stale.answers("stale"),
                () -> server.metrics().snapshot().submitsByOutcome().getOrDefault(SubmitOutcome.STALE_JOB,
                        0L),
                30);
        finish();
        server.close();
        AttackCounters invalid = attack(defended().difficulty(java.math.BigInteger.valueOf(1L << 40)).build(),
                AttackKind.INVALID_FLOOD, 50);
        awaitAgreement("incorrect answers, each counted by the simulator", () -> invalid.answers("incorrect"),
                () -> server.metrics().snapshot().submitsByOutcome()
                        .getOrDefault(SubmitOutcome.INCORRECT_NONCE, 0L),
                30);
        finish();
    }

    @Test
    void withNodeLimitsAnOverLongLineIsNeitherAnsweredNorClosed() throws IOException {
        AttackCounters counters = attack(defended().nodeLimits(true).build(), AttackKind.LINE_MEGABYTES, 1);
        Await.until("the megabyte lines sent", () -> counters.linesSent() >= ATTACKERS, WAIT);
        Summary.Attack summary = finish();
        assertEquals(ATTACKERS, summary.ended("still_open"), "the node buffers it: " + summary.describe());
        assertEquals(0, rejected(ServerMetrics.Rejection.LINE_TOO_LONG));
    }
}
