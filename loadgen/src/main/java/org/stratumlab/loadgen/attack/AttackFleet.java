package org.stratumlab.loadgen.attack;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.stratumlab.loadgen.miner.AcceptedShare;
import org.stratumlab.protocol.transport.NettyTransport;

/**
 * The attackers of a run: extra connections beside the honest miners, as many as the current phase asks for,
 * each doing what the attack's kind does ({@link Attacker}). A connection the endpoint ends is opened again one
 * event later (churn's own close too), so a phase keeps its attackers; one the phase no longer wants is closed
 * and counted {@code closed_by_us}; those open at the end are counted {@code still_open}.
 *
 * <p>The calling thread changes the count; a control loop opens and retires connections; each connection runs
 * on its own event loop.
 */
public final class AttackFleet implements AutoCloseable {
    /** Answers as long as a giant batch's are read whole; longer ones count as {@code other}. */
    private static final int MAX_ANSWER_BYTES = 16 << 20;
    /** The receive buffer of a no-read attacker: small, so that the endpoint sees a slow reader soon. */
    private static final int NO_READ_RECEIVE_BUFFER_BYTES = 4096;
    /** The least time between a failed connect and the next, so that a refused port is not spun on. */
    private static final long RETRY_MIN_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AttackSettings settings;
    private final AttackCounters counters;
    private final InetSocketAddress target;
    private final Supplier<AcceptedShare> accepted;
    private final EventExecutor control;
    private final Bootstrap bootstrap;
    private final byte[] lineAtLimit;
    private final byte[] lineOverLimit;
    private final SplittableRandom random;
    /** Touched on the control loop only. */
    private final List<Slot> slots = new ArrayList<>();
    private int wanted;
    private int attackersMax;
    private volatile boolean closed;

    /** One attacker's place: its current connection, if any. */
    private static final class Slot {
        volatile Channel channel;
        volatile boolean retired;
    }

    /**
     * @param settings what the attackers do
     * @param counters where they count
     * @param target the endpoint
     * @param group the event loops the connections run on
     * @param transport the transport of that group
     * @param accepted the honest fleet's newest accepted share, which duplicate floods repeat
     * @param seed the seed of the attackers' random nonces
     */
    public AttackFleet(AttackSettings settings, AttackCounters counters, InetSocketAddress target,
            EventLoopGroup group, NettyTransport transport, Supplier<AcceptedShare> accepted, long seed) {
        this.settings = settings;
        this.counters = counters;
        this.target = target;
        this.accepted = accepted;
        this.control = group.next();
        this.random = new SplittableRandom(seed);
        this.lineAtLimit = AttackPayloads.padded(settings.lineLimitBytes());
        this.lineOverLimit = AttackPayloads.padded(settings.lineLimitBytes() + 1);
        Bootstrap b = new Bootstrap().group(group).channel(transport.socketChannelType())
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        if (settings.kind() == AttackKind.NO_READ) {
            b.option(ChannelOption.AUTO_READ, false).option(ChannelOption.SO_RCVBUF,
                    NO_READ_RECEIVE_BUFFER_BYTES);
        }
        this.bootstrap = b;
    }

    /**
     * Changes how many attackers are connected: more are opened at once, the ones beyond the number are closed.
     *
     * @param attackers the new number, 0 for none
     */
    public void setAttackers(int attackers) {
        control.execute(() -> {
            wanted = attackers;
            attackersMax = Math.max(attackersMax, attackers);
            while (slots.size() < wanted) {
                Slot slot = new Slot();
                slots.add(slot);
                connect(slot);
            }
            while (slots.size() > wanted) {
                Slot slot = slots.remove(slots.size() - 1);
                slot.retired = true;
                end(slot.channel, AttackEnd.CLOSED_BY_US);
            }
        });
    }

    /** @return the counters, for the summary and the live view */
    public AttackCounters counters() {
        return counters;
    }

    /** @return the attack's section of the summary, complete once {@link #close} returned */
    public org.stratumlab.results.Summary.Attack summary() {
        return counters.summary(settings, attackersMaxSeen());
    }

    private int attackersMaxSeen() {
        try {
            return control.submit(() -> attackersMax).get();
        } catch (Exception e) {
            return attackersMax;
        }
    }

    private void connect(Slot slot) {
        if (closed || slot.retired) {
            return;
        }
        ShareFlood flood = settings.kind().floodsShares() ? new ShareFlood(accepted, random.split()) : null;
        ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_ANSWER_BYTES),
                        new Attacker(settings, counters, flood, lineAtLimit, lineOverLimit));
            }
        }).connect(target);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                counters.connectFailed();
                again(slot, Math.max(RETRY_MIN_NS, settings.intervalNs()));
                return;
            }
            Channel channel = connecting.channel();
            slot.channel = channel;
            if (closed || slot.retired) {
                end(channel, closed ? AttackEnd.STILL_OPEN : AttackEnd.CLOSED_BY_US);
            }
            channel.closeFuture().addListener(f -> again(slot, settings.intervalNs()));
        });
    }

    private void again(Slot slot, long delayNs) {
        if (closed || slot.retired) {
            return;
        }
        if (delayNs == 0) {
            control.execute(() -> connect(slot));
        } else {
            control.schedule(() -> connect(slot), delayNs, TimeUnit.NANOSECONDS);
        }
    }

    private static void end(Channel channel, AttackEnd end) {
        if (channel == null) {
            return;
        }
        channel.eventLoop().execute(() -> {
            Attacker attacker = channel.pipeline().get(Attacker.class);
            if (attacker != null) {
                attacker.closeAs(end);
            } else {
                channel.close();
            }
        });
    }

    /** Closes every attacker, the open ones counted {@code still_open}, and waits until each has counted its end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Slot> all;
        try {
            all = control.submit(() -> new ArrayList<>(slots)).get();
        } catch (Exception e) {
            all = List.of();
        }
        for (Slot slot : all) {
            Channel channel = slot.channel;
            if (channel != null) {
                end(channel, AttackEnd.STILL_OPEN);
                channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
                // channelInactive, which counts the end, is queued on the loop by the task that completed the close
                // future, possibly after a task queued now: the second pass runs after it
                for (int pass = 0; pass < 2; pass++) {
                    channel.eventLoop().submit(() -> {
                    }).awaitUninterruptibly(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
