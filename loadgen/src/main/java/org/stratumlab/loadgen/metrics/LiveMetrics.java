package org.stratumlab.loadgen.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import org.stratumlab.loadgen.miner.MinerFleet;
import org.stratumlab.loadgen.record.IntervalSampler;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.server.metrics.MetricsEndpoint;

/**
 * A load run's live Prometheus endpoint ({@code --metrics-port}): the families of summary.json, labelled with the
 * run's shard, served on {@code http://HOST:PORT/metrics} while the run goes and until its summary is
 * written. The command opens it before the run (a port in use is refused before anything starts), the run
 * {@linkplain #attach attaches} its counters and announces its phases, and the command marks it
 * {@linkplain #finish finished} once summary.json is written, waiting (at most the linger) for a scrape to read the
 * final totals, then closes it.
 *
 * <p>Thread-safe: the run's thread writes, the endpoint's threads read.
 */
public final class LiveMetrics implements AutoCloseable {
    /** The {@code shard} label of a run that is not one shard of several. */
    public static final String UNSHARDED = "0";

    private final MetricsEndpoint endpoint;
    private final GeneratorCollector collector;

    private LiveMetrics(MetricsEndpoint endpoint, GeneratorCollector collector) {
        this.endpoint = endpoint;
        this.collector = collector;
    }

    /**
     * @param host the address to listen on ({@link MetricsEndpoint#LOOPBACK}, or e.g. {@code 0.0.0.0} for a
     *        Prometheus on another machine)
     * @param port the port, 0 for any free one
     * @param shard the value of every family's {@code shard} label: the shard's index, {@link #UNSHARDED} for a
     *        run of one process
     * @return the running endpoint, serving only {@code stratumlab_loadgen_run_finished} until a run attaches
     * @throws IOException if the address cannot be bound
     */
    public static LiveMetrics start(String host, int port, String shard) throws IOException {
        GeneratorCollector collector = new GeneratorCollector(shard);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        return new LiveMetrics(MetricsEndpoint.start(registry, host, port), collector);
    }

    /** @return the bound port */
    public int port() {
        return endpoint.port();
    }

    /**
     * Exposes a run's counters from now on, read at each scrape.
     *
     * @param metrics its counters and latency recorders
     * @param sampler its whole-run histograms
     * @param fleet its miners, for the rate due
     */
    public void attach(LoadMetrics metrics, IntervalSampler sampler, MinerFleet fleet) {
        collector.attach(metrics, sampler, fleet);
    }

    /**
     * @param index the phase's index in the run, from 0
     * @param name its name
     * @param miners the miners it asks for
     */
    public void phaseBegan(int index, String name, int miners) {
        collector.phaseBegan(index, name, miners);
    }

    /**
     * Marks every value final ({@code stratumlab_loadgen_run_finished 1}): call once summary.json is written. Then
     * waits until a scrape that began afterwards has been answered, so that the scraper has the final totals, or
     * until the linger has passed.
     *
     * @param lingerNs the longest to wait for that scrape; 0 not to wait
     * @return whether a scrape read the final totals within the linger
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean finish(long lingerNs) throws InterruptedException {
        collector.finished();
        long mark = endpoint.scrapesBegun(); // taken after the flag: any later scrape reads final values
        return lingerNs > 0 && endpoint.awaitScrapeAfter(mark, lingerNs);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
