package org.stratumlab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.chain.BlockProducer;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.NotifyBroadcaster;
import org.stratumlab.server.notify.SubscriberRegistry;
import org.stratumlab.server.session.RequestModel.Line;
import org.stratumlab.testing.property.CountingAllocator;
import org.stratumlab.testing.property.LeakWatch;
import org.stratumlab.testing.property.Property;
import org.stratumlab.testing.property.Shrink;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Request handling as a property: connections built by the server's own initializer get structured random
 * JSON-RPC lines (valid and nearly so: every id type, wrong params, missing, repeated and extra members, batches,
 * nesting around the limit, escapes and lone surrogates, trailing garbage, the miners' canonical submit) and must
 * answer each line with exactly the line {@link RequestOracle} predicts from docs/protocol.md, stay open, count no
 * unexpected error, and leak no buffer.
 */
class RequestHandlingPropertyTest {
    private static final int CASES = 12_000;

    /** A connection's worth of lines, how they are cut into reads, and which server answers them. */
    record Case(List<Line> lines, long chunkSeed, boolean everyNonceSolves) {
        Case withLines(List<Line> fewer) {
            return new Case(fewer, chunkSeed, everyNonceSolves);
        }

        @Override
        public String toString() {
            return (everyNonceSolves ? "difficulty 1" : "no nonce solves") + ", chunk seed " + chunkSeed
                    + ", lines:\n    " + lines.stream().map(Line::text).collect(Collectors.joining("\n    "));
        }
    }

    @Test
    void everyLineGetsTheAnswerTheProtocolPrescribes() {
        try (Server easy = new Server(BigInteger.ONE);
                Server impossible = new Server(BigInteger.TWO.pow(255));
                LeakWatch leaks = LeakWatch.open()) {
            Map<String, Integer> answers = new TreeMap<>();
            Property.forAll("every request line is answered as docs/protocol.md says", random -> {
                List<Line> list = new ArrayList<>();
                for (int n = 1 + random.nextInt(6); n > 0; n--) {
                    list.add(RequestModel.line(random));
                }
                if (random.nextBoolean()) {
                    list.add(list.get(random.nextInt(list.size()))); // a line sent again: duplicates, renames
                }
                return new Case(list, random.nextLong(), random.nextBoolean());
            }).shrinkWith(Shrink.of(Case::lines, Case::withLines, Shrink.lists())).tries(CASES).check(c -> {
                answersAsTheOracleSays(c.everyNonceSolves() ? easy : impossible, c)
                        .forEach(reply -> answers.merge(kindOf(reply), 1, Integer::sum));
            });
            leaks.assertNoLeaks();
            assertEquals(List.of(), easy.errorLog);
            assertEquals(List.of(), impossible.errorLog);
            // Not vacuous: every kind of answer came up (and nothing else), each on at least 0.2 % of the lines.
            int lines = answers.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(ANSWER_KINDS.size() + 2, answers.size(), "kinds of answer seen: " + answers);
            answers.forEach((kind, count) -> assertTrue(count >= lines / 500, kind + ": " + answers));
        }
    }

    /** What tells each kind of single answer apart, in the order they are tried. */
    private static final List<String> ANSWER_KINDS = List.of("-32700", "-32600", "-32601", "-32602",
            "\"result\":true", "[true]", "stale job", "Incorrect Nonce", "already solved", "[false]");

    private static String kindOf(String reply) {
        if (reply.isEmpty()) {
            return "empty line";
        }
        if (reply.startsWith("[")) {
            return "batch";
        }
        return ANSWER_KINDS.stream().filter(reply::contains).findFirst().orElse(reply);
    }

    /** @return the replies, one per line */
    private static List<String> answersAsTheOracleSays(Server server, Case c) {
        server.chain.nextJob(); // a fresh problem: no nonce of an earlier case is a duplicate here
        String hash = server.chain.current().powHash().toPaddedHex().substring(2);
        RequestOracle oracle = new RequestOracle(hash, c.everyNonceSolves());
        StringBuilder stream = new StringBuilder();
        List<Pattern> expected = new ArrayList<>();
        for (Line line : c.lines()) {
            stream.append(oracle.text(line)).append('\n');
            expected.add(oracle.answer(line));
        }
        CountingAllocator allocator = new CountingAllocator();
        EmbeddedChannel channel = server.open(allocator);
        List<ByteBuf> inputs = new ArrayList<>();
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        SplittableRandom chunks = new SplittableRandom(c.chunkSeed());
        StringBuilder written = new StringBuilder();
        for (int at = 0; at < bytes.length;) {
            int size = Math.min(bytes.length - at, 1 + chunks.nextInt(chunks.nextBoolean() ? 16 : 400));
            ByteBuf chunk = chunks.nextInt(4) == 0
                    ? PooledByteBufAllocator.DEFAULT.directBuffer(size)
                    : Unpooled.buffer(size);
            inputs.add(chunk.writeBytes(bytes, at, size));
            channel.writeInbound(chunk);
            at += size;
            drain(channel, written);
        }
        boolean open = channel.isActive();
        channel.finishAndReleaseAll();
        List<String> replies = List.of(written.toString().split("\n", -1));
        assertEquals(c.lines().size() + 1, replies.size(), "one reply line per request line: " + written);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).matcher(replies.get(i)).matches(), "line " + (i + 1) + ": "
                    + oracle.text(c.lines().get(i)) + "\n  answered: " + replies.get(i) + "\n  expected: "
                    + expected.get(i));
        }
        assertTrue(open, "the connection was closed");
        assertEquals(List.of(), server.errorLog, "unexpected errors");
        for (ByteBuf input : inputs) {
            assertEquals(0, input.refCnt(), "an input chunk is still referenced");
        }
        allocator.assertAllReleased();
        return replies.subList(0, expected.size());
    }

    private static void drain(EmbeddedChannel channel, StringBuilder written) {
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            written.append(((ByteBuf) out).toString(StandardCharsets.UTF_8));
            ReferenceCountUtil.release(out);
        }
    }

    /** The server's parts for one difficulty, the block producer never started; no password, window 1. */
    static final class Server implements AutoCloseable {
        final List<String> errorLog = new CopyOnWriteArrayList<>();
        final ServerMetrics metrics = new ServerMetrics(UnexpectedErrors.loggingTo("test", errorLog::add));
        final SimulatedChain chain;
        private final BlockProducer producer;
        private final StratumChannelInitializer initializer;

        Server(BigInteger difficulty) {
            chain = new SimulatedChain(11, 1, Difficulty.toBoundary(difficulty), 1);
            SubscriberRegistry registry = new SubscriberRegistry(metrics);
            NotifyBroadcaster broadcaster = new NotifyBroadcaster(Dialect.conflux(), registry,
                    ByteBufAllocator.DEFAULT);
            producer = new BlockProducer(chain, 0, TimeUnit.HOURS.toNanos(1), broadcaster::broadcast,
                    metrics::jobMade, metrics.unexpectedErrors());
            MiningCalls calls = new MiningCalls(Dialect.conflux(), null, false, false, registry, broadcaster,
                    chain,
                    producer, metrics);
            ServerConfig config = ServerConfig.builder().maxLineBytes(16_384).idleTimeoutNs(0)
                    .subscribeTimeoutNs(0).build();
            initializer = new StratumChannelInitializer(calls, registry, metrics, config,
                    new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
        }

        /** @param allocator what the connection's handlers allocate from */
        EmbeddedChannel open(ByteBufAllocator allocator) {
            EmbeddedChannel channel = new EmbeddedChannel();
            channel.config().setAllocator(allocator);
            channel.freezeTime();
            initializer.addHandlers(channel.pipeline());
            return channel;
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
