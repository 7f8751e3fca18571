package org.stratumlab.loadgen.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.loadgen.grind.ShareSource;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.SolveSchedule;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.protocol.miner.NotifyLineCache;
import org.stratumlab.protocol.miner.ServerMessageDecoder;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.Lines;

/**
 * A notify every miner of a fleet receives is parsed once, not once per miner: every miner after the first gets
 * the notify already read and the fleet's one copy of the job; a new job is parsed again.
 */
@Timeout(30)
class NotifyFanOutTest {
    private static final String HASH_A = "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";
    private static final String HASH_B = "0x3106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";

    private final LoadMetrics metrics = new LoadMetrics();
    private final FleetContext fleet = new FleetContext(metrics, UnexpectedErrors.toStderr("test"), "",
            BadShareMix.NONE, BadShareMix.NONE, TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(10),
            new ShareSource(PowAlgorithms.KECCAK, 1, 1_000_000, 1, UnexpectedErrors.toStderr("test")), 0);
    private final NotifyLineCache lines = new NotifyLineCache();

    private static String notifyLine(long id, String hash) {
        return "{ \"id\": " + id + ", \"method\": \"mining.notify\", \"params\": [\"" + hash + "\", \"1\", \""
                + hash + "\",\"0x4000000000000000000000000000000000000000000000000000000000000000\"] }";
    }

    private SimulatedMiner[] miners(EmbeddedChannel[] channels) {
        SimulatedMiner[] miners = new SimulatedMiner[channels.length];
        for (int i = 0; i < channels.length; i++) {
            SplittableRandom random = new SplittableRandom(i);
            MinerSlot slot = new MinerSlot(i, "w" + i, SolveSchedule.fromHashrate(random.split(), 1000),
                    random,
                    false);
            miners[i] = new SimulatedMiner(slot, fleet);
            channels[i] = new EmbeddedChannel(ServerMessageDecoder.sharing(lines), miners[i]);
        }
        return miners;
    }

    private static void deliver(EmbeddedChannel[] channels, String line) {
        for (EmbeddedChannel channel : channels) {
            ByteBuf buf = Lines.direct(line);
            channel.writeInbound(buf);
            assertEquals(0, buf.refCnt(), "the line is released");
        }
    }

    @Test
    void aRepeatedNotifyGivesEveryMinerTheSameSharedJobWithoutParsing() {
        EmbeddedChannel[] channels = new EmbeddedChannel[50];
        SimulatedMiner[] miners = miners(channels);

        deliver(channels, notifyLine(17, HASH_A));

        SharedJob job = miners[0].currentJob();
        assertNotNull(job);
        for (SimulatedMiner miner : miners) {
            assertSame(job, miner.currentJob());
        }
        assertEquals(1, lines.notifyParses(), "one parse for 50 miners");
        assertEquals(1, metrics.counts().jobsSeen());
        assertEquals(50, metrics.counts().notifiesReceived());
        assertEquals(job.boundaryFraction(), SolveSchedule.fractionOfHashSpace(job.boundary()));
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aChangedJobIsParsedAndReachesEveryMiner() {
        EmbeddedChannel[] channels = new EmbeddedChannel[20];
        SimulatedMiner[] miners = miners(channels);

        deliver(channels, notifyLine(17, HASH_A));
        SharedJob first = miners[0].currentJob();
        deliver(channels, notifyLine(18, HASH_B));

        SharedJob second = miners[0].currentJob();
        assertNotSame(first, second);
        assertEquals(HASH_B, second.powHashText());
        for (SimulatedMiner miner : miners) {
            assertSame(second, miner.currentJob());
        }
        assertEquals(2, lines.notifyParses());
        assertEquals(2, metrics.counts().jobsSeen());
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void overRealSocketsAFleetParsesEachBroadcastNotifyAboutOnce() throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).ioThreads(1).newJobOnSolution(false)
                .blockIntervalNs(TimeUnit.MILLISECONDS.toNanos(50)).build();
        int miners = 40;
        int ioThreads = 2;
        try (StratumServer server = StratumServer.start(config)) {
            NettyTransport transport = NettyTransport.best();
            EventLoopGroup group = transport.newGroup(ioThreads);
            LoadMetrics fleetMetrics = new LoadMetrics();
            try (MinerFleet fleet = new MinerFleet(Fleets.of(miners, 1).build(), fleetMetrics,
                    server.localAddress(), group, transport)) {
                fleet.start();
                Await.until("every miner has received 10 notifies",
                        () -> fleetMetrics.counts().notifiesReceived() >= 10L * miners,
                        fleetMetrics::counts, Duration.ofSeconds(20));
                LoadMetrics.Counts counts = fleetMetrics.counts();
                long parses = fleet.notifyParses();
                String state = "parses " + parses + ", jobs " + counts.jobsSeen() + ", notifies "
                        + counts.notifiesReceived();
                assertTrue(parses >= 1, state);
                // Each event loop may parse a line once if it races another to it, and a few lines may have
                // arrived after the counts were read; never once per miner.
                assertTrue(parses <= (counts.jobsSeen() + 2) * ioThreads, state);
                assertTrue(parses * 5 < counts.notifiesReceived(), state);
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }
}
