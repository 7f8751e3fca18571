package org.stratumlab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.protocol.frame.Utf8ValidationHandler;
import org.stratumlab.protocol.jsonrpc.CanonicalSubmit;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestDecoder;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestParser;
import org.stratumlab.server.chain.BlockProducer;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.NotifyBroadcaster;
import org.stratumlab.server.notify.NotifyWriter;
import org.stratumlab.server.notify.SubscriberRegistry;

/**
 * The canonical submit reader against the strict one: the same lines, canonical and nearly so, through two
 * connections alike but for the decoder, must get the same reply bytes and leave the same counters. The lines come
 * from a seeded generator (the seed is in every failure message).
 */
class CanonicalSubmitDifferentialTest {
    private static final int LINES = 2500;

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "18446744073709551616"})
    void bothReadersAnswerEveryLineAlike(String difficulty) throws IOException {
        long seed = 20261202L ^ difficulty.hashCode();
        try (Side fast = new Side(JsonRpcRequestDecoder.create(), difficulty);
                Side strict = new Side(JsonRpcRequestDecoder.strict(), difficulty)) {
            LineMaker maker = new LineMaker(new Random(seed), fast.chain);
            int canonical = 0;
            for (int i = 0; i < LINES; i++) {
                String line = maker.next();
                canonical += isCanonical(line) ? 1 : 0;
                String context = "seed " + seed + ", line " + i + ": " + line;
                assertEquals(strict.send(line), fast.send(line), context);
                if (i % 500 == 0) {
                    assertEquals(strict.scrape(), fast.scrape(), context);
                }
            }
            assertEquals(strict.scrape(), fast.scrape(), "seed " + seed);
            assertEquals(strict.metrics.snapshot(), fast.metrics.snapshot(), "seed " + seed);
            assertTrue(canonical > LINES / 6, "only " + canonical + " canonical lines; seed " + seed);
            assertTrue(canonical < LINES * 3 / 4, canonical + " canonical lines; seed " + seed);
        }
    }

    @Test
    void repeatedNoncesAreDuplicatesOnBothPathsWhateverTheirSpelling() throws IOException {
        try (Side fast = new Side(JsonRpcRequestDecoder.create(), "1")) {
            String hash = fast.chain.current().powHash().toPaddedHex().substring(2);
            String start = "{\"id\":5,\"method\":\"mining.submit\",\"params\":[\"rig\",\"j\",";
            assertEquals("{\"result\":[true],\"id\":5}\n",
                    fast.send(start + "\"0x1f\",\"0x" + hash + "\"]}"));
            assertEquals(
                    "{\"result\":[false,\"Problem already solved with nonce = 31! worker_id = rig\"],\"id\":5}\n",
                    fast.send(start + "\"0x001F\",\"0x" + hash + "\"]}"));
            assertEquals(
                    "{\"result\":[false,\"Problem already solved with nonce = 31! worker_id = rig\"],\"id\":5}\n",
                    fast.send(" " + start + "\"1f\",\"0x" + hash + "\"]}")); // the strict reader's turn
        }
    }

    private static boolean isCanonical(String line) {
        ByteBuf buf = Unpooled.copiedBuffer(line, StandardCharsets.UTF_8);
        try {
            CanonicalSubmit submit = new CanonicalSubmit();
            return JsonRpcRequestParser.parse(buf, submit) == submit;
        } finally {
            buf.release();
        }
    }

    /** One connection's pipeline as the server builds it, with a decoder chosen by the test, in frozen time. */
    private static final class Side implements AutoCloseable {
        final ServerMetrics metrics = new ServerMetrics(UnexpectedErrors.loggingTo("test", message -> {
        }));
        final SimulatedChain chain;
        private final BlockProducer producer;
        private final EmbeddedChannel channel = new EmbeddedChannel();

        Side(JsonRpcRequestDecoder decoder, String difficulty) {
            chain = new SimulatedChain(7, 1, Difficulty.toBoundary(new BigInteger(difficulty)), 3);
            chain.nextJob();
            chain.nextJob(); // three jobs in the window, and older ones beyond it
            SubscriberRegistry registry = new SubscriberRegistry(metrics);
            NotifyBroadcaster broadcaster = new NotifyBroadcaster(Dialect.conflux(), registry,
                    ByteBufAllocator.DEFAULT);
            producer = new BlockProducer(chain, 0, TimeUnit.HOURS.toNanos(1), broadcaster::broadcast,
                    metrics::jobMade, metrics.unexpectedErrors());
            MiningCalls calls = new MiningCalls(Dialect.conflux(), null, false, false, registry, broadcaster,
                    chain, producer, metrics);
            NotifyWriter notifyWriter = new NotifyWriter(metrics);
            channel.freezeTime();
            channel.pipeline().addLast(new LineFrameDecoder(1024), Utf8ValidationHandler.INSTANCE, decoder,
                    notifyWriter, new StratumRequestHandler(calls, notifyWriter),
                    new DefenceHandler(metrics));
        }

        String send(String line) {
            channel.writeInbound(Unpooled.copiedBuffer(line + "\n", StandardCharsets.UTF_8));
            StringBuilder written = new StringBuilder();
            for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                written.append(out.toString(StandardCharsets.UTF_8));
                ReferenceCountUtil.release(out);
            }
            return written.toString();
        }

        String scrape() throws IOException {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(text, metrics.registry().scrape());
            return text.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            channel.finishAndReleaseAll();
            producer.close();
        }
    }

    /** Submit lines: mostly the miners' own shape, with one thing or another changed now and then. */
    private static final class LineMaker {
        private static final String[] IDS = {"0", "7", "1023", "1024", "9223372036854775807",
                "9223372036854775808", "18446744073709551615", "18446744073709551616", "-1", "-0", "01",
                "1.5", "1e2",
                "\"7\"", "\"\"", "null", "true"};
        private static final String[] WORKERS = {"rig1", "", "farm-0001.gpu3", "a b!~", "r\\\"g", "r\\\\g",
                "r\\u0041g", "rig\u00e9", "\u77ff\u5de5", "\ud83d\ude00", "r\\tg", "r\\/g", "r\\ud800g"};
        private static final String[] JOB_IDS = {"0x2106e1162d11994", "", "j\u00e9", "j\\u0041", "x"};
        private final Random random;
        private final List<String> hashes = new ArrayList<>();
        private final List<String> nonces = new ArrayList<>();

        LineMaker(Random random, SimulatedChain chain) {
            this.random = random;
            SimulatedChain older = new SimulatedChain(7, 1, chain.current().boundary(), 1);
            for (int i = 0; i < 5; i++) {
                hashes.add(older.current().powHash().toPaddedHex().substring(2)); // the window's three, and two stale
                older.nextJob();
            }
            for (int i = 0; i < 40; i++) {
                nonces.add(Long.toHexString(random.nextLong()));
            }
        }

        String next() {
            String id = pick(0.7, "" + random.nextInt(100_000), IDS);
            String worker = pick(0.7, "rig-" + random.nextInt(50), WORKERS);
            String job = pick(0.8, "0x" + hashes.get(0), JOB_IDS);
            String nonce = nonce();
            String hash = hash();
            String jsonrpc = random.nextBoolean() ? "\"jsonrpc\":\"2.0\"," : "";
            String params = "[\"" + worker + "\",\"" + job + "\",\"" + nonce + "\",\"" + hash + "\"]";
            String line = "{\"id\":" + id + "," + jsonrpc + "\"method\":\"mining.submit\",\"params\":"
                    + params
                    + "}";
            return random.nextDouble() < 0.7 ? line : mutate(line, id, jsonrpc, params);
        }

        private String nonce() {
            String digits = nonces.get(random.nextInt(nonces.size())); // repeats make duplicates
            return switch (random.nextInt(14)) {
                case 0 -> digits.toUpperCase();
                case 1 -> "0X" + digits;
                case 2 -> digits;
                case 3 -> "0x00" + digits;
                case 4 -> "";
                case 5 -> "0x";
                case 6 -> "0x" + digits + "0".repeat(16); // above 2^64
                case 7 -> "0x" + "f".repeat(64);
                case 8 -> "0x0" + "f".repeat(64); // 65 digits
                case 9 -> "0xg" + digits;
                case 10 -> "0x0x" + digits;
                default -> "0x" + digits;
            };
        }

        private String hash() {
            String hash = hashes.get(random.nextInt(hashes.size()));
            return switch (random.nextInt(12)) {
                case 0 -> "0x" + hash.toUpperCase();
                case 1 -> hash;
                case 2 -> "0X" + hash;
                case 3 -> "0x" + hash.substring(1);
                case 4 -> "0x0" + hash;
                case 5 -> "0x" + hash.substring(1) + "z";
                default -> "0x" + hash;
            };
        }

        private String mutate(String line, String id, String jsonrpc, String params) {
            return switch (random.nextInt(16)) {
                case 0 -> "{" + jsonrpc + "\"method\":\"mining.submit\",\"params\":" + params + ",\"id\":"
                        + id + "}";
                case 1 -> "{\"method\":\"mining.submit\",\"id\":" + id + "," + jsonrpc + "\"params\":"
                        + params + "}";
                case 2 -> line.replace(",", ", ");
                case 3 -> " " + line;
                case 4 -> line + " \r";
                case 5 -> line.replace("\"]}", "\",\"extra\"]}");
                case 6 -> line.replace("\"]}", "\",7]}");
                case 7 -> line.replace("mining.submit", "mining.Submit");
                case 8 -> line.replace("{\"id\":", "{\"id\":1,\"id\":");
                case 9 -> line.replace("\"method\"", "\"method\":\"mining.submit\",\"method\"");
                case 10 -> "[" + line + "," + line + "]";
                case 11 -> line.replace("{\"id\":" + id + ",", "{");
                case 12 -> line.replace("}", ",\"x\":1}");
                case 13 -> line.replace("\"jsonrpc\":\"2.0\"", "\"jsonrpc\":\"1.0\"");
                case 14 -> line + "{}";
                default -> line.replace("\"params\":" + params, "\"params\":null");
            };
        }

        private String pick(double usual, String value, String[] others) {
            return random.nextDouble() < usual ? value : others[random.nextInt(others.length)];
        }
    }
}
