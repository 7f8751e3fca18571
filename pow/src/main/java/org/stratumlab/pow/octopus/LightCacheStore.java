package org.stratumlab.pow.octopus;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The light caches of a process, one per stage, built once and shared by every verifier. It holds at most
 * {@code maxStages} of them (2 by default: the current stage and the previous or next one), evicting the least
 * recently used, so that memory stays bounded (about 2 x 28 MiB at mainnet heights).
 *
 * <p>Calling pattern: a server calls {@link #prepare} from its job thread when a new stage comes near, so the
 * build (about a second) runs on the supplied executor, off any event loop; validators call {@link #get}, which
 * returns at once when the stage is built, waits for a build in progress, or builds in the calling thread when
 * nobody started one. {@link #getIfReady} never blocks.
 *
 * <p>Thread-safe. A {@link #get} of the stage last returned reads one volatile field and allocates nothing.
 */
public final class LightCacheStore {
    /** The default number of stages held: the current one and one neighbour. */
    public static final int DEFAULT_MAX_STAGES = 2;

    private final Executor executor;
    private final Function<OctopusStage, LightCache> builder;
    private final Entry[] entries;
    private long useClock;
    /** The cache last returned by {@link #get}: the fast path, since nearly every call asks for the same stage. */
    private volatile LightCache latest;

    /** One held stage: its build, done or not, and when it was last asked for (for eviction). */
    private static final class Entry {
        final long stage;
        final CompletableFuture<LightCache> cache;
        long lastUse;

        Entry(long stage, CompletableFuture<LightCache> cache) {
            this.stage = stage;
            this.cache = cache;
        }
    }

    /**
     * Makes a store holding {@value #DEFAULT_MAX_STAGES} stages.
     *
     * @param executor where {@link #prepare} builds caches (a single background thread is enough)
     */
    public LightCacheStore(Executor executor) {
        this(executor, DEFAULT_MAX_STAGES);
    }

    /**
     * Makes a store.
     *
     * @param executor where {@link #prepare} builds caches
     * @param maxStages how many stages' caches to hold at most, 1 or more
     * @throws IllegalArgumentException if {@code maxStages} is below 1
     */
    public LightCacheStore(Executor executor, int maxStages) {
        this(executor, maxStages, LightCache::build);
    }

    /** With another builder, so that tests of the store need not spend a second per stage. */
    LightCacheStore(Executor executor, int maxStages, Function<OctopusStage, LightCache> builder) {
        if (maxStages < 1) {
            throw new IllegalArgumentException("maxStages must be at least 1, got " + maxStages);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.entries = new Entry[maxStages];
    }

    /** @return how many stages this store holds at most */
    public int maxStages() {
        return entries.length;
    }

    /**
     * Starts building the cache of a height's stage on the executor, unless it is built or being built.
     *
     * @param height a block height
     * @return the cache, when built; completes exceptionally if the build fails or the executor rejects it (the
     *         stage is then dropped, and a later call builds it again)
     * @throws IllegalArgumentException if the height is out of range ({@link OctopusStage#ofHeight})
     */
    public CompletableFuture<LightCache> prepare(long height) {
        long stage = OctopusStage.stageOf(height);
        CompletableFuture<LightCache> created = new CompletableFuture<>();
        CompletableFuture<LightCache> cache = findOrAdd(stage, created);
        if (cache == created) {
            // Submitted outside the lock: a direct executor would otherwise build under it.
            try {
                executor.execute(() -> buildInto(stage, created));
            } catch (RuntimeException e) {
                // A rejected build must not leave a future that every later get() would wait on forever.
                remove(created);
                created.completeExceptionally(e);
            }
        }
        return cache;
    }

    /**
     * The cache of a height's stage, blocking while it is built.
     *
     * @param height a block height
     * @return the cache
     * @throws IllegalArgumentException if the height is out of range ({@link OctopusStage#ofHeight})
     * @throws RuntimeException or {@link Error} as the build threw it (e.g. {@link OutOfMemoryError})
     */
    public LightCache get(long height) {
        long stage = OctopusStage.stageOf(height);
        LightCache cache = latest;
        if (cache != null && cache.stage().stage() == stage) {
            return cache;
        }
        return getSlow(stage);
    }

    /**
     * The cache of a height's stage if it is built, never blocking.
     *
     * @param height a block height
     * @return the cache, or null if it is not built (nor being asked for: call {@link #prepare} for that)
     * @throws IllegalArgumentException if the height is out of range ({@link OctopusStage#ofHeight})
     */
    public LightCache getIfReady(long height) {
        long stage = OctopusStage.stageOf(height);
        LightCache cache = latest;
        if (cache != null && cache.stage().stage() == stage) {
            return cache;
        }
        CompletableFuture<LightCache> future = find(stage);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    private LightCache getSlow(long stage) {
        CompletableFuture<LightCache> future = find(stage);
        if (future == null) {
            CompletableFuture<LightCache> created = new CompletableFuture<>();
            future = findOrAdd(stage, created);
            if (future == created) {
                buildInto(stage, created);
            }
        }
        LightCache cache;
        try {
            cache = future.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
        publishIfHeld(cache);
        return cache;
    }

    /** Makes a cache the fast path's, unless it was evicted meanwhile (the fast path must not keep it alive). */
    private synchronized void publishIfHeld(LightCache cache) {
        for (Entry entry : entries) {
            if (entry != null && entry.stage == cache.stage().stage()) {
                latest = cache;
                return;
            }
        }
    }

    private void buildInto(long stage, CompletableFuture<LightCache> future) {
        try {
            future.complete(builder.apply(OctopusStage.ofStage(stage)));
        } catch (RuntimeException | Error e) {
            remove(future);
            future.completeExceptionally(e);
        }
    }

    private synchronized CompletableFuture<LightCache> find(long stage) {
        for (Entry entry : entries) {
            if (entry != null && entry.stage == stage) {
                entry.lastUse = ++useClock;
                return entry.cache;
            }
        }
        return null;
    }

    private synchronized CompletableFuture<LightCache> findOrAdd(long stage,
            CompletableFuture<LightCache> created) {
        CompletableFuture<LightCache> found = find(stage);
        if (found != null) {
            return found;
        }
        int slot = leastRecentlyUsedSlot();
        Entry evicted = entries[slot];
        if (evicted != null && latest != null && latest.stage().stage() == evicted.stage) {
            latest = null;
        }
        Entry entry = new Entry(stage, created);
        entry.lastUse = ++useClock;
        entries[slot] = entry;
        return created;
    }

    private synchronized void remove(CompletableFuture<LightCache> future) {
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] != null && entries[i].cache == future) {
                entries[i] = null;
            }
        }
    }

    /**
     * An empty slot if there is one, else the slot asked for longest ago, never the fast path's stage while
     * another can go: calls that take the fast path do not update {@code lastUse}, so the stage in use would
     * otherwise look idle.
     */
    private int leastRecentlyUsedSlot() {
        LightCache inUse = latest;
        long inUseStage = inUse == null ? -1 : inUse.stage().stage();
        int slot = -1;
        for (int i = 0; i < entries.length; i++) {
            Entry entry = entries[i];
            if (entry == null) {
                return i;
            }
            if (entry.stage != inUseStage && (slot < 0 || entry.lastUse < entries[slot].lastUse)) {
                slot = i;
            }
        }
        return slot < 0 ? 0 : slot;
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new CompletionException(cause);
    }
}
