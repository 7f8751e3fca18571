package org.stratumlab.bench.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestParser;
import org.stratumlab.protocol.mining.SubmitParams;

/**
 * The wire's hot paths: {@code parseSubmit} turns one {@code mining.submit} line into
 * {@link SubmitParams} (worker, job, nonce and pow_hash as numbers) three ways: {@code streaming} (the protocol
 * module's parser on Jackson's streaming API, what the server runs: the baseline), {@code tree}
 * ({@code ObjectMapper.readTree}) and {@code databind} (a record). {@code encodeNotify} writes one
 * {@code mining.notify} line per dialect into a reused buffer, the once-per-job encoding of the fan-out.
 *
 * <p>Run: {@code ./stratumlab bench WireBenchmark -prof gc}. Expect {@code streaming} fastest and with the least
 * garbage, {@code tree} slowest, and a few hundred ns per notify.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class WireBenchmark {
    private static final int LINES = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The databind form of a submit request. */
    public record SubmitRequest(JsonNode id, String jsonrpc, String method, List<String> params) {
    }

    /** Parsers of a submit line ({@code parseSubmit}), or dialects of a notify ({@code encodeNotify}). */
    @State(Scope.Thread)
    public static class Submit {
        @Param({"streaming", "tree", "databind"})
        public String impl;
    }

    /** The dialects of a notify line. */
    @State(Scope.Thread)
    public static class Notify {
        @Param({"conflux", "doc"})
        public String impl;
    }

    private byte[][] lineBytes;
    private ByteBuf[] lineBufs;
    private U256[] powHashes;
    private U256 boundary;
    private ByteBuf out;
    private int next;
    private long notifyId;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        lineBytes = new byte[LINES][];
        lineBufs = new ByteBuf[LINES];
        powHashes = new U256[LINES];
        for (int i = 0; i < LINES; i++) {
            U256 hash = U256.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            powHashes[i] = hash;
            String line = "{\"id\":" + (i + 2)
                    + ",\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[\"rig-"
                    + i + "\",\"" + hash.toPaddedHex() + "\",\"0x" + Long.toHexString(random.nextLong())
                    + "\",\""
                    + hash.toPaddedHex() + "\"]}";
            lineBytes[i] = line.getBytes(StandardCharsets.US_ASCII);
            lineBufs[i] = Unpooled.wrappedBuffer(lineBytes[i]);
        }
        boundary = Difficulty.toBoundary(1154431941698L);
        out = Unpooled.buffer(512);
        notifyId = 16;
    }

    @Benchmark
    public SubmitParams parseSubmit(Submit submit) throws IOException {
        int i = next++ & (LINES - 1);
        return switch (submit.impl) {
            case "streaming" -> streaming(lineBufs[i]);
            case "tree" -> tree(lineBytes[i]);
            default -> databind(lineBytes[i]);
        };
    }

    @Benchmark
    public ByteBuf encodeNotify(Notify notify) {
        int i = next++ & (LINES - 1);
        Dialect dialect = notify.impl.equals("doc") ? Dialect.doc() : Dialect.conflux();
        out.clear();
        dialect.writeNotify(out, notifyId++, powHashes[i], 1_000_000 + i, boundary);
        return out;
    }

    private static SubmitParams streaming(ByteBuf line) {
        return SubmitParams.of(((JsonRpcCall) JsonRpcRequestParser.parse(line)).params());
    }

    private static SubmitParams tree(byte[] line) throws IOException {
        JsonNode params = MAPPER.readTree(line).get("params");
        return new SubmitParams(params.get(0).asText(), params.get(1).asText(),
                SubmitParams.parseNonce(params.get(2).asText()),
                SubmitParams.parsePowHash(params.get(3).asText()));
    }

    private static SubmitParams databind(byte[] line) throws IOException {
        List<String> params = MAPPER.readValue(line, SubmitRequest.class).params();
        return new SubmitParams(params.get(0), params.get(1), SubmitParams.parseNonce(params.get(2)),
                SubmitParams.parsePowHash(params.get(3)));
    }
}
