package org.stratumlab.loadgen.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.stratumlab.results.Summary;
import org.stratumlab.server.resources.ResourceReading;

/**
 * Samples the embedded simulator's resources over a run: once at the start, before any miner connects (the
 * baseline of descriptors and per-connection state); every {@code resource-interval} while the phases play; and
 * once at the end, after every miner left and the server saw them go. The heap's slope is fitted to the samples
 * from the end of the first phase on (the first phase is where miners connect, and a heap that grows with them
 * is no leak); a run of one phase fits all of them.
 *
 * <p>Each reading collects the simulator's heap in full first ({@code System.gc()}), which pauses it: at the
 * default of one a minute that is a pause of tens of milliseconds a minute.
 *
 * <p>Called from the run's thread only; a reading blocks it for the collection.
 */
public final class ServerResourceSampler {
    /** How often the simulator is read while the phases play, unless a scenario says otherwise. */
    public static final long DEFAULT_INTERVAL_NS = TimeUnit.MINUTES.toNanos(1);
    /** The longest the end reading waits for the server to see every connection closed. */
    private static final long MINERS_GONE_WAIT_NS = TimeUnit.SECONDS.toNanos(5);

    private final ResourceSource source;
    private final long intervalNs;
    private final boolean sharedWithGenerator;
    private final List<Summary.ResourceSample> samples = new ArrayList<>();
    private Summary.ResourceSample start;
    private long startNs;
    private long nextNs;
    private double slopeFromS;
    private int failedReadings;

    /**
     * @param source the simulator
     * @param intervalNs how often to read it while the phases play; 0 for only the start and the end
     * @param sharedWithGenerator whether it runs in the generator's process (its heap is the generator's too)
     */
    public ServerResourceSampler(ResourceSource source, long intervalNs, boolean sharedWithGenerator) {
        if (intervalNs < 0) {
            throw new IllegalArgumentException("resource interval must not be negative");
        }
        this.source = source;
        this.intervalNs = intervalNs;
        this.sharedWithGenerator = sharedWithGenerator;
    }

    /**
     * Takes the baseline, recorded at 0 s: call before the run's clock starts (its collection must not delay the
     * first phase) and before any miner connects.
     *
     * @throws IOException if the simulator does not answer
     */
    public void baseline() throws IOException {
        start = reading(0, "");
    }

    /**
     * Starts the clock of the readings while the phases play.
     *
     * @param runStartNs the run's start (System.nanoTime)
     */
    public void begin(long runStartNs) {
        this.startNs = runStartNs;
        this.nextNs = runStartNs + intervalNs;
    }

    /**
     * Takes a reading when one is due. A reading the simulator does not answer is counted, not fatal: the run
     * goes on, and its end says what happened to the simulator.
     *
     * @param nowNs now (System.nanoTime)
     * @param phase the phase playing
     */
    public void sampleIfDue(long nowNs, String phase) {
        if (intervalNs == 0 || nowNs < nextNs) {
            return;
        }
        nextNs += intervalNs * ((nowNs - nextNs) / intervalNs + 1); // a late reading does not bunch the next ones
        try {
            samples.add(sample(nowNs, phase));
        } catch (IOException e) {
            failedReadings++;
        }
    }

    /**
     * Notes where the first phase ended: the heap's slope is fitted from there on.
     *
     * @param nowNs the first phase's end (System.nanoTime)
     */
    public void firstPhaseEnded(long nowNs) {
        slopeFromS = seconds(nowNs);
    }

    /**
     * Waits (up to 5 s) until the simulator has no connection open, then takes the last reading. Call after every
     * miner closed.
     *
     * @return what the simulator held over the run
     * @throws IOException if the simulator does not answer
     */
    public Summary.ServerResources end() throws IOException {
        long deadline = System.nanoTime() + MINERS_GONE_WAIT_NS;
        while (source.openConnections() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // closes are seen on the server's loops
        }
        Summary.ResourceSample end = sample(System.nanoTime(), "");
        long peak = Math.max(start.heapAfterGcBytes(), end.heapAfterGcBytes());
        for (Summary.ResourceSample s : samples) {
            peak = Math.max(peak, s.heapAfterGcBytes());
        }
        Long fdsGrowth = start.openFds() == null || end.openFds() == null
                ? null
                : end.openFds() - start.openFds();
        return new Summary.ServerResources(sharedWithGenerator, intervalNs / 1e9, start, samples, end, peak,
                slope(), fdsGrowth, end.stateTotal() - start.stateTotal(), failedReadings);
    }

    private Summary.HeapSlope slope() {
        List<Summary.ResourceSample> fitted = samples.stream().filter(s -> s.atS() >= slopeFromS).toList();
        double[] atS = new double[fitted.size()];
        double[] heap = new double[fitted.size()];
        for (int i = 0; i < atS.length; i++) {
            atS[i] = fitted.get(i).atS();
            heap[i] = fitted.get(i).heapAfterGcBytes();
        }
        return HeapTrend.fit(atS, heap);
    }

    private Summary.ResourceSample sample(long nowNs, String phase) throws IOException {
        return reading(seconds(nowNs), phase);
    }

    private Summary.ResourceSample reading(double atS, String phase) throws IOException {
        ResourceReading r = source.resources();
        Map<String, Long> state = new LinkedHashMap<>();
        state.put("subscribers", r.subscribers());
        state.put("channels", r.openChannels());
        state.put("held", r.heldConnections());
        return new Summary.ResourceSample(atS, phase, r.heapAfterGcBytes(), r.heapCommittedBytes(),
                r.openFds() < 0 ? null : r.openFds(), r.connections(), state,
                r.directBytes() < 0 ? null : r.directBytes());
    }

    private double seconds(long nowNs) {
        return Math.round((nowNs - startNs) / 1e6) / 1e3;
    }
}
