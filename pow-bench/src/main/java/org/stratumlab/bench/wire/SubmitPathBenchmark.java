package org.stratumlab.bench.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.frame.Utf8ValidationHandler;
import org.stratumlab.protocol.jsonrpc.CanonicalSubmit;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestParser;
import org.stratumlab.server.chain.BlockProducer;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.NotifyBroadcaster;
import org.stratumlab.server.notify.SubscriberRegistry;
import org.stratumlab.server.session.MiningCalls;

/**
 * The server's whole submit path on one thread: check the line's UTF-8, read it, validate (window lookup, two
 * Keccak permutations, boundary check, duplicate set), count it in the metrics and encode the response. Only the
 * framing's newline search and the socket write are left out. {@code path=canonical} is what a connection runs
 * for the line a real miner sends (the allocation-free reader of {@code CanonicalSubmit}); {@code path=strict}
 * reads the same line with Jackson's streaming parser and the params reader, as every other line is read.
 * Target for {@code canonical}: at most 1.0 µs/op and 0 B/op ({@code gc.alloc.rate.norm}; the reply buffer is
 * reused here), of which the PoW check's two permutations are about half (compare {@code PowCheckBenchmark}).
 *
 * <p>Run: {@code java -jar pow-bench/target/benchmarks.jar SubmitPathBenchmark -prof gc}.
 *
 * <p>{@code outcome=accepted} runs at difficulty 1, so every nonce is valid and each is new (the nonce is a
 * counter written into the line), which exercises the duplicate set's insert. Every 4096 submits the chain moves
 * to a new job (its hash is written into the line), as blocks do, so the set stays the size a busy job's set
 * reaches rather than growing for the whole run. {@code outcome=incorrect} runs at difficulty 2^64, so every
 * nonce fails the boundary after the full PoW check and the reply carries the reason string. What is allocated
 * at all with {@code canonical} comes once per job, not per submit: the chain's new job and the duplicate set's
 * table sized for the 4096 nonces the job before accepted (64 KiB, so about 16 B/op amortised with
 * {@code accepted}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SubmitPathBenchmark {
    private static final String NONCE_PLACEHOLDER = "0x0000000000000000";

    @Param({"accepted", "incorrect"})
    public String outcome;

    @Param({"canonical", "strict"})
    public String path;

    private static final int SUBMITS_PER_JOB = 4096;

    private SimulatedChain chain;
    private MiningCalls calls;
    private BlockProducer producer;
    private ByteBuf line;
    private int nonceDigitsAt;
    private int jobHashAt;
    private int powHashAt;
    private ByteBuf out;
    private long nonce;
    private CanonicalSubmit canonical;

    @Setup(Level.Iteration)
    public void setUp() {
        BigInteger difficulty = outcome.equals("accepted") ? BigInteger.ONE : BigInteger.ONE.shiftLeft(64);
        chain = new SimulatedChain(42, 1, Difficulty.toBoundary(difficulty), 1);
        ServerMetrics metrics = new ServerMetrics();
        SubscriberRegistry registry = new SubscriberRegistry(metrics);
        NotifyBroadcaster broadcaster = new NotifyBroadcaster(Dialect.conflux(), registry,
                Unpooled.buffer(0).alloc());
        producer = new BlockProducer(chain, 0, TimeUnit.HOURS.toNanos(1), broadcaster::broadcast,
                metrics::jobMade);
        calls = new MiningCalls(Dialect.conflux(), null, false, false, registry, broadcaster, chain, producer,
                metrics);
        String hash = chain.current().powHash().toPaddedHex();
        String text = "{\"id\":7,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[\"rig-0001\",\""
                + hash
                + "\",\"" + NONCE_PLACEHOLDER + "\",\"" + hash + "\"]}";
        nonceDigitsAt = text.indexOf(NONCE_PLACEHOLDER) + 2;
        jobHashAt = text.indexOf(hash);
        powHashAt = text.lastIndexOf(hash);
        line = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
        out = Unpooled.buffer(256);
        canonical = path.equals("canonical") ? new CanonicalSubmit() : null;
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        producer.close();
    }

    @Benchmark
    public ByteBuf submit() {
        if ((++nonce & (SUBMITS_PER_JOB - 1)) == 0) {
            nextJob();
        }
        writeNonce(nonce);
        if (!Utf8ValidationHandler.isValidUtf8(line)) {
            throw new AssertionError("the template line is ASCII");
        }
        out.clear();
        if (canonical == null) {
            calls.submit((JsonRpcCall) JsonRpcRequestParser.parse(line), out);
        } else if (JsonRpcRequestParser.parse(line, canonical) == canonical) {
            calls.submit(canonical, out);
        } else {
            throw new AssertionError("the template line is canonical");
        }
        return out;
    }

    private void nextJob() {
        byte[] hash = chain.nextJob().powHash().toPaddedHex().getBytes(StandardCharsets.US_ASCII);
        line.setBytes(jobHashAt, hash);
        line.setBytes(powHashAt, hash);
    }

    /** Writes 16 hex digits of the nonce into the line, in place: the harness's share of each op. */
    private void writeNonce(long value) {
        for (int i = 15; i >= 0; i--) {
            line.setByte(nonceDigitsAt + i, Character.forDigit((int) (value & 0xf), 16));
            value >>>= 4;
        }
    }
}
