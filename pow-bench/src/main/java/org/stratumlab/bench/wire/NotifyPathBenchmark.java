package org.stratumlab.bench.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.math.BigInteger;
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
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.miner.NotifyLineCache;
import org.stratumlab.protocol.miner.ServerMessage;
import org.stratumlab.protocol.miner.ServerMessageParser;

/**
 * What one simulated miner pays for a notify of a job its fleet has already seen: the server writes the same
 * line to every connection, so with 1,000 miners each job's line is read 1,000 times.
 *
 * <p>Run: {@code java -jar pow-bench/target/benchmarks.jar NotifyPathBenchmark -prof gc}.
 *
 * <p>{@code repeatedNotify} with {@code read=parse} is every miner parsing the line in full (the Jackson parser,
 * the param strings, two {@code U256}s and the notify: about 1.4 KB per miner); {@code read=cached} is the
 * fleet's {@link NotifyLineCache} recognising the line by its bytes and handing back the notify already read.
 * Expect about 0 B/op and well under 100 ns/op for {@code cached}, about 1.4 KB/op and a microsecond or more for
 * {@code parse}. {@code rateViaBigInteger} is what a hashrate-driven miner paid per notify to turn the boundary
 * into a rate; {@code rateFromCachedFraction} is what it pays with the fraction computed once per job.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class NotifyPathBenchmark {
    private static final double TWO_POW_256 = Math.pow(2, 256);

    @Param({"parse", "cached"})
    public String read;

    private ByteBuf line;
    private NotifyLineCache cache;
    private U256 boundary;
    private double boundaryFraction;
    private double hashrate;

    @Setup(Level.Trial)
    public void setUp() {
        U256 powHash = U256.parseHex("0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf");
        boundary = Difficulty.toBoundary(BigInteger.valueOf(4));
        // The node's bytes, in a direct buffer as a socket read leaves them.
        line = Dialect.conflux().encodeNotify(PooledByteBufAllocator.DEFAULT, 17, powHash, 1234, boundary);
        cache = new NotifyLineCache();
        cache.read(line); // the first miner of the fleet read it
        boundaryFraction = boundary.toBigInteger().doubleValue() / TWO_POW_256;
        hashrate = 1e9;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        line.release();
    }

    /** @return the notify of a line every miner receives */
    @Benchmark
    public ServerMessage repeatedNotify() {
        return read.equals("parse") ? ServerMessageParser.parse(line) : cache.read(line);
    }

    /** @return a miner's solution rate from the job's boundary, through BigInteger as before */
    @Benchmark
    public double rateViaBigInteger() {
        return hashrate * (boundary.toBigInteger().doubleValue() / TWO_POW_256);
    }

    /** @return the same rate from the fraction the fleet's job computed once */
    @Benchmark
    public double rateFromCachedFraction() {
        return hashrate * boundaryFraction;
    }
}
