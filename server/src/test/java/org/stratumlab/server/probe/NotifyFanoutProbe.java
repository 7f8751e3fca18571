package org.stratumlab.server.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.stratumlab.pow.NonceGrinder;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.protocol.miner.JobNotify;
import org.stratumlab.protocol.miner.MinerRequestWriter;
import org.stratumlab.protocol.miner.ServerMessage;
import org.stratumlab.protocol.miner.ServerMessageDecoder;

/**
 * A scenario benchmark, not a test ("a new job reaches all of 10,000 subscribed miners within 20 ms p99
 * of its creation"), to run against a separate {@code stratumlab server} process until the load generator
 * exists. Connects N miners, subscribes them, then for each round submits a valid solution from miner 0 (with
 * the server's new-job-on-solution the next job follows at once) and records, for every miner, the time from
 * that submit's send to the receipt of the new job. That bounds the fan-out latency from above by the submit's
 * own trip.
 *
 * <pre>
 * ./stratumlab server --port 32600 --block-interval 0 --notify-on-subscribe &amp;
 * java -cp "server/target/test-classes:$(cat /tmp/cp)" org.stratumlab.server.probe.NotifyFanoutProbe 127.0.0.1 32600 10000 50 0
 * </pre>
 *
 * Args: host port miners rounds holdSeconds (pause after all have subscribed, for heap measurements).
 */
public final class NotifyFanoutProbe {
    private final int miners;
    private final AtomicInteger subscribed = new AtomicInteger();
    private final AtomicInteger receivedThisRound = new AtomicInteger();
    private final List<Channel> channels = new ArrayList<>();
    private volatile U256 solvedJob;
    private volatile U256 latestJob;
    private volatile long triggerNs;
    private final long[] latenciesNs;
    private final AtomicInteger recorded = new AtomicInteger();

    private NotifyFanoutProbe(int miners, int rounds) {
        this.miners = miners;
        this.latenciesNs = new long[miners * rounds];
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int miners = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int holdSeconds = Integer.parseInt(args[4]);
        new NotifyFanoutProbe(miners, rounds).run(host, port, rounds, holdSeconds);
    }

    private void run(String host, int port, int rounds, int holdSeconds) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(EpollSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new LineFrameDecoder(65536), ServerMessageDecoder.INSTANCE,
                                    new Miner());
                        }
                    });
            long connectStart = System.nanoTime();
            for (int i = 0; i < miners; i++) {
                Channel ch = bootstrap.connect(host, port).sync().channel();
                channels.add(ch);
                ByteBuf subscribe = ch.alloc().buffer();
                MinerRequestWriter.writeSubscribeLine(subscribe, 1, "probe-" + i, "");
                ch.writeAndFlush(subscribe);
            }
            await(() -> subscribed.get() == miners && latestJob != null, 60);
            System.out.printf("connected and subscribed %d miners in %.2f s%n", miners,
                    (System.nanoTime() - connectStart) / 1e9);
            if (holdSeconds > 0) {
                System.out.println("HOLDING " + holdSeconds + " s");
                Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds)); // a pause for the operator's heap snapshot
            }
            NonceGrinder grinder = new NonceGrinder();
            for (int round = 0; round < rounds; round++) {
                U256 job = latestJob;
                U256 nonce = grinder.next(job, U256.of(0x4000_0000_0000_0000L, 0, 0, 0),
                        U256.ofLong(round * 1000L),
                        10_000_000);
                receivedThisRound.set(0);
                solvedJob = job;
                ByteBuf submit = channels.get(0).alloc().buffer();
                MinerRequestWriter.writeSubmitLine(submit, 2, "probe-0", job.toPaddedHex(), nonce,
                        job.toPaddedHex());
                triggerNs = System.nanoTime();
                channels.get(0).writeAndFlush(submit);
                await(() -> receivedThisRound.get() == miners, 10);
            }
            report();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private void report() {
        long[] sorted = Arrays.copyOf(latenciesNs, recorded.get());
        Arrays.sort(sorted);
        System.out.printf("notify latency from the triggering submit, %d receipts: p50 %.2f ms, p90 %.2f ms, "
                + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", sorted.length, at(sorted, 0.5),
                at(sorted, 0.9),
                at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(1);
        }
    }

    private final class Miner extends SimpleChannelInboundHandler<ServerMessage> {
        private U256 lastJob;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
            long now = System.nanoTime();
            if (message instanceof JobNotify notify) {
                if (lastJob == null) {
                    subscribed.incrementAndGet();
                }
                lastJob = notify.powHash();
                latestJob = notify.powHash();
                U256 solved = solvedJob;
                if (solved != null && !notify.powHash().equals(solved)) {
                    latenciesNs[recorded.getAndIncrement()] = now - triggerNs;
                    receivedThisRound.incrementAndGet();
                }
            }
        }
    }
}
