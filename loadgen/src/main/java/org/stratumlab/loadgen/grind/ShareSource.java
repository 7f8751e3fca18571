package org.stratumlab.loadgen.grind;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.octopus.LightCacheStore;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.protocol.miner.JobNotify;
import org.stratumlab.results.Summary;
import org.stratumlab.server.errors.UnexpectedErrors;

/**
 * Where a fleet's valid nonces come from, so that no event loop grinds (a Keccak share at difficulty 10^6 is a
 * million hashes, an Octopus share at difficulty 100 a third of a second): a few grinding threads grind ahead
 * for the newest job, as many nonces as the miners took in the last {@link #LEAD_NS} (at least
 * {@link #MIN_READY}), or in half a job's mean lifetime when jobs live shorter (what is ground for a job that
 * ends unused is wasted CPU the endpoint would have had), and for any job a miner waits on. A miner takes a ready nonce at its solution event, or
 * waits and is called back; either way its submit latency still runs from the event's intended time, so a
 * generator that cannot grind fast enough shows as latency and in {@link #summary()}, never as a quieter run.
 *
 * <p>Calling pattern: the fleet calls {@link #newJob} once per job (miners share its {@link JobNonces}); miners
 * call the job's methods from their event loops; {@link #close} stops the threads. Thread-safe: one lock guards
 * every job's queues; it is held for a queue operation at a time, never while hashing.
 */
public final class ShareSource implements AutoCloseable {
    /** The hardest Keccak job a miner grinds on its event loop (expected attempts: the difficulty). */
    public static final long INLINE_MAX_DIFFICULTY = 16;
    /** Attempts a miner makes on its event loop: about 15 µs with the native hasher, before it asks the pool. */
    public static final long INLINE_ATTEMPTS = 256;
    /** How far ahead the threads grind: the nonces the miners took in this long. */
    static final long LEAD_NS = TimeUnit.MILLISECONDS.toNanos(200);
    static final int MIN_READY = 4;
    /** Bounds the nonces held per job, valid and invalid alike. */
    static final int MAX_HELD = 4096;
    /** Jobs kept live (a miner may still be on an older one while a notify fans out). */
    private static final int LIVE_JOBS = 8;
    private static final long DEMAND_WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String pow;
    private final long maxAttempts;
    private final GrindCounters counters = new GrindCounters();
    private final LongAdder groundAhead = new LongAdder();
    private final LongAdder hashes = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final AtomicLongArray cpuNs;
    private final Thread[] threads;
    private final ExecutorService cacheBuilder;
    private final LightCacheStore caches;
    private final UnexpectedErrors errors;
    private final String implementationName;
    // Guarded by this.
    private final ArrayDeque<JobNonces> live = new ArrayDeque<>();
    private long requests;
    private long windowStartNs = System.nanoTime();
    private int readyTarget = MIN_READY;
    private long lastJobNs;
    /** The mean time between new jobs (an exponential average), 0 before the second job. */
    private double jobLifetimeNs;
    private int idleThreads;
    private volatile boolean closed;

    /**
     * Starts the grinding threads, idle until a job needs them.
     *
     * @param pow {@code keccak} or {@code octopus}
     * @param threads how many grinding threads, at least 1
     * @param maxAttempts the most nonces worth trying per share: a job whose difficulty is above it is
     *        {@link NonceSupply#NONE}
     * @param seed where every thread's nonces start (each its own), for runs that repeat
     * @param errors where a grinding thread's unexpected exception is recorded (the thread then goes on)
     */
    public ShareSource(String pow, int threads, long maxAttempts, long seed, UnexpectedErrors errors) {
        this.pow = PowAlgorithms.requireKnown(pow);
        if (threads < 1) {
            throw new IllegalArgumentException("grinding threads must be at least 1, was " + threads);
        }
        this.maxAttempts = maxAttempts;
        this.errors = errors;
        this.cpuNs = new AtomicLongArray(threads);
        boolean octopus = pow.equals(PowAlgorithms.OCTOPUS);
        this.cacheBuilder = octopus
                ? Executors.newSingleThreadExecutor(r -> daemon(r, "stratumlab-grind-cache"))
                : null;
        this.caches = octopus ? new LightCacheStore(cacheBuilder) : null;
        this.implementationName = NonceSearch.create(pow, caches).implementationName();
        this.threads = new Thread[threads];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < threads; i++) {
            int index = i;
            SplittableRandom own = random.split();
            this.threads[i] = daemon(new Grinder(index, own), "stratumlab-grind-" + i);
            this.threads[i].start();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** @return the counters miners report to */
    public GrindCounters counters() {
        return counters;
    }

    /** @return the algorithm ground */
    public String pow() {
        return pow;
    }

    /**
     * @return whether one hash costs too much for an event loop (Octopus: milliseconds), so that a miner never
     *         hashes, not even to prove a nonce invalid
     */
    public boolean hashIsCostly() {
        return caches != null;
    }

    /** @return the hash implementation the threads grind with, for the summary */
    public String implementationName() {
        return implementationName;
    }

    /**
     * A job the fleet saw for the first time: it becomes the one ground ahead for, and how its nonces are had is
     * decided once here.
     *
     * @param powHash the job's problem hash
     * @param height its height, or {@link JobNotify#NO_HEIGHT}
     * @param boundary its boundary
     * @return the job's nonces, which every miner on the job shares
     */
    public JobNonces newJob(U256 powHash, long height, U256 boundary) {
        NonceSupply supply = supplyOf(height, boundary);
        // The cache is built off the grinding threads, which would otherwise all wait on it.
        CompletableFuture<?> ready = supply == NonceSupply.POOL && caches != null
                ? caches.prepare(height)
                : CompletableFuture.completedFuture(null);
        JobNonces job = new JobNonces(this, powHash, height, boundary, supply, ready);
        synchronized (this) {
            long now = System.nanoTime();
            if (lastJobNs != 0) {
                double lifetime = now - lastJobNs;
                jobLifetimeNs = jobLifetimeNs == 0 ? lifetime : 0.8 * jobLifetimeNs + 0.2 * lifetime;
            }
            lastJobNs = now;
            live.addLast(job);
            evictOldJobs();
            if (idleThreads > 0) {
                notifyAll();
            }
        }
        return job;
    }

    private NonceSupply supplyOf(long height, U256 boundary) {
        if (boundary.equals(U256.MAX)) {
            return NonceSupply.ANY;
        }
        BigInteger difficulty = Difficulty.ofBoundary(boundary);
        boolean octopus = caches != null;
        if (difficulty.compareTo(BigInteger.valueOf(maxAttempts)) > 0
                || octopus && (height == JobNotify.NO_HEIGHT || height < 0
                        || height > OctopusStage.MAX_HEIGHT)) {
            return NonceSupply.NONE;
        }
        return !octopus && difficulty.compareTo(BigInteger.valueOf(INLINE_MAX_DIFFICULTY)) <= 0
                ? NonceSupply.INLINE
                : NonceSupply.POOL;
    }

    /** Drops the oldest jobs beyond {@link #LIVE_JOBS}, unless a miner still waits on one; never the newest. */
    private void evictOldJobs() {
        Iterator<JobNonces> oldestFirst = live.iterator();
        int excess = live.size() - LIVE_JOBS;
        JobNonces newest = live.peekLast();
        while (excess > 0 && oldestFirst.hasNext()) {
            JobNonces job = oldestFirst.next();
            if (job.waiters.isEmpty() && job != newest) {
                discarded.add(job.valid.size());
                job.valid.clear();
                job.invalid.clear();
                oldestFirst.remove();
                excess--;
            }
        }
    }

    synchronized U256 takeValid(JobNonces job, NonceWaiter waiter) {
        requests++;
        U256 nonce = job.valid.poll();
        if (nonce == null) {
            job.waiters.addLast(waiter);
            if (!live.contains(job)) {
                // An old job a miner is still on (a late notify, a job pushed on subscribe): ground again, or
                // its waiter would never be called back.
                live.addFirst(job);
            }
        }
        if (idleThreads > 0 && (nonce == null || job.valid.size() < readyTarget)) {
            notifyAll();
        }
        return nonce;
    }

    synchronized void cancel(JobNonces job, NonceWaiter waiter) {
        job.waiters.remove(waiter);
    }

    void offerValid(JobNonces job, U256 nonce) {
        NonceWaiter waiter;
        synchronized (this) {
            waiter = job.waiters.poll();
            if (waiter == null) {
                if (job.valid.size() < MAX_HELD && live.contains(job)) {
                    job.valid.addLast(nonce);
                } else {
                    discarded.increment();
                }
                return;
            }
        }
        waiter.nonceReady(job, nonce); // outside the lock: the waiter hands it to an event loop
    }

    private synchronized void markBroken(JobNonces job) {
        job.broken = true;
    }

    synchronized U256 takeInvalid(JobNonces job) {
        return job.invalid.poll();
    }

    private synchronized void offerInvalid(JobNonces job, U256 nonce) {
        if (job.invalid.size() < MAX_HELD) {
            job.invalid.addLast(nonce);
        }
    }

    /** Waits for a job that needs nonces: one a miner waits on, else the newest if it has fewer than wanted. */
    private synchronized JobNonces awaitWork() throws InterruptedException {
        while (!closed) {
            JobNonces job = neediest();
            if (job != null) {
                return job;
            }
            idleThreads++;
            try {
                wait(DEMAND_WINDOW_NS / 1_000_000);
            } finally {
                idleThreads--;
            }
        }
        return null;
    }

    private JobNonces neediest() {
        long now = System.nanoTime();
        if (now - windowStartNs >= DEMAND_WINDOW_NS) {
            double perNs = (double) requests / (now - windowStartNs);
            double leadNs = jobLifetimeNs > 0 ? Math.min(LEAD_NS, jobLifetimeNs / 2) : LEAD_NS;
            readyTarget = (int) Math.max(MIN_READY, Math.min(MAX_HELD, Math.ceil(perNs * leadNs)));
            requests = 0;
            windowStartNs = now;
        }
        Iterator<JobNonces> newestFirst = live.descendingIterator();
        JobNonces newest = null;
        while (newestFirst.hasNext()) {
            JobNonces job = newestFirst.next();
            newest = newest == null ? job : newest;
            if (!job.waiters.isEmpty() && !job.broken && job.ready.isDone()) {
                return job;
            }
        }
        // A job whose Octopus cache is still being built is left until it is: the threads would only wait on it.
        return newest != null && newest.supply == NonceSupply.POOL && !newest.broken && newest.ready.isDone()
                && newest.valid.size() < readyTarget
                        ? newest
                        : null;
    }

    /** One grinding thread: grinds a chunk at a time for the neediest job, from its own random start per job. */
    private final class Grinder implements Runnable, NonceSearch.Found {
        private final int index;
        private final SplittableRandom random;
        private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        private JobNonces job;
        private U256 cursor;

        Grinder(int index, SplittableRandom random) {
            this.index = index;
            this.random = random;
        }

        @Override
        public void run() {
            NonceSearch search = NonceSearch.create(pow, caches);
            try {
                JobNonces next;
                while ((next = awaitWork()) != null) {
                    if (next != job) {
                        job = next;
                        cursor = U256.of(random.nextLong(), random.nextLong(), random.nextLong(),
                                random.nextLong());
                    }
                    try {
                        long tried = search.chunk(job, cursor, this);
                        hashes.add(tried);
                        cursor = cursor.add(tried);
                    } catch (RuntimeException | OutOfMemoryError e) {
                        // A cache that cannot be built, a bug: counted once per class, and the job is no longer
                        // ground (its waiting events end as never sent), rather than failing again at full speed
                        // or leaving the thread dead.
                        errors.record(e);
                        markBroken(job);
                        job = null;
                    }
                    cpuNs.set(index, Math.max(0, cpu.getCurrentThreadCpuTime())); // -1 where unsupported
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cpuNs.set(index, Math.max(0, cpu.getCurrentThreadCpuTime()));
        }

        @Override
        public void valid(U256 nonce) {
            groundAhead.increment();
            offerValid(job, nonce);
        }

        @Override
        public void invalid(U256 nonce) {
            offerInvalid(job, nonce);
        }
    }

    /** Stops the grinding threads; miners still waiting are never called back (the run is over). */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5)); // an Octopus hash in progress ends within milliseconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (cacheBuilder != null) {
            cacheBuilder.shutdownNow();
        }
    }

    /** @return what grinding produced and cost so far */
    public Summary.Grinding summary() {
        long cpu = 0;
        for (int i = 0; i < cpuNs.length(); i++) {
            cpu += cpuNs.get(i);
        }
        long leftOver;
        synchronized (this) {
            leftOver = live.stream().mapToLong(j -> j.valid.size()).sum();
        }
        return new Summary.Grinding(pow, threads.length, groundAhead.sum(), counters.groundInline.sum(),
                hashes.sum(), Math.round(cpu / 1e6) / 1000.0, counters.waited.sum(), counters.neverSent.sum(),
                counters.unground.sum(), counters.invalidUnchecked.sum(), discarded.sum() + leftOver);
    }
}
