package org.stratumlab.loadgen.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.loadgen.grind.ShareSource;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.SolveSchedule;
import org.stratumlab.testing.Await;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.testing.ScriptedPeer;
import org.stratumlab.protocol.frame.LineTooLongException;
import org.stratumlab.protocol.transport.NettyTransport;

/**
 * A miner's connection counts what it does not expect, by exception class, and closes; a reset by the peer is
 * a lost connection, not an error of the generator's.
 */
@Timeout(20)
class UnexpectedMinerErrorsTest {
    private static final String BUG = IllegalStateException.class.getName();

    private final FleetContext fleet = new FleetContext(new LoadMetrics(),
            UnexpectedErrors.toStderr("test"), "", BadShareMix.NONE, BadShareMix.NONE,
            TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(10),
            new ShareSource(PowAlgorithms.KECCAK, 1, 1_000_000, 1, UnexpectedErrors.toStderr("test")), 0);

    private EmbeddedChannel miner() {
        SplittableRandom random = new SplittableRandom(1);
        MinerSlot slot = new MinerSlot(0, "w", SolveSchedule.fixedRate(random.split(), 1), random, false);
        return new EmbeddedChannel(new SimulatedMiner(slot, fleet));
    }

    @Test
    void unexpectedExceptionClosesTheConnectionAndIsCountedByClass() {
        EmbeddedChannel first = miner();
        EmbeddedChannel second = miner();

        first.pipeline().fireExceptionCaught(new IllegalStateException("a bug under test"));
        second.pipeline().fireExceptionCaught(new IllegalStateException("a bug under test"));

        assertFalse(first.isOpen());
        assertFalse(second.isOpen());
        assertEquals(Map.of(BUG, 2L), fleet.unexpectedErrors.snapshot());
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }

    @Test
    void peerResetClosesWithoutCounting() {
        EmbeddedChannel channel = miner();

        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertFalse(channel.isOpen());
        assertEquals(Map.of(), fleet.unexpectedErrors.snapshot());
        channel.finishAndReleaseAll();
    }

    @Test
    void fleetReportsWhatItsConnectionsThrew() throws Exception {
        // A peer that answers the subscribe with a line over the miners' line limit: a framing error, not a reset.
        try (ScriptedPeer peer = ScriptedPeer.start(connection -> {
            connection.readLine();
            connection.writeLine("x".repeat(100_000));
            connection.readLine(); // until the miner closes
        })) {
            NettyTransport transport = NettyTransport.best();
            EventLoopGroup group = transport.newGroup(1);
            try (MinerFleet fleet = new MinerFleet(Fleets.of(1, 1).build(), new LoadMetrics(), peer.address(),
                    group, transport)) {
                fleet.start();
                Await.until("the framing error is counted",
                        () -> fleet.unexpectedErrors().containsKey(LineTooLongException.class.getName()),
                        fleet::unexpectedErrors, Duration.ofSeconds(10));
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }
}
