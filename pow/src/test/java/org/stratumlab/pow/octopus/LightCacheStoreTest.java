package org.stratumlab.pow.octopus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cache store's policy (one build per stage, at most {@code maxStages} held, builds off the caller's thread)
 * with a counting builder that makes empty caches, so that no test spends a second per stage.
 */
@Timeout(10)
class LightCacheStoreTest {
    private static final long STAGE = OctopusStage.STAGE_LENGTH_BLOCKS;

    private final List<Long> built = new ArrayList<>();

    private synchronized LightCache countingBuild(OctopusStage stage) {
        built.add(stage.stage());
        return new LightCache(stage, new int[0], 1);
    }

    @Test
    void getBuildsEachStageOnceAndReturnsTheSameCache() {
        LightCacheStore store = new LightCacheStore(Runnable::run, 2, this::countingBuild);
        LightCache first = store.get(0);
        assertSame(first, store.get(STAGE - 1));
        assertEquals(1, store.get(STAGE).stage().stage());
        assertSame(first, store.get(5));
        assertEquals(List.of(0L, 1L), built);
    }

    @Test
    void aThirdStageEvictsTheLeastRecentlyUsedOne() {
        LightCacheStore store = new LightCacheStore(Runnable::run, 2, this::countingBuild);
        store.get(0);
        store.get(STAGE);
        store.get(0);
        store.get(2 * STAGE);
        assertNull(store.getIfReady(STAGE));
        assertEquals(0, store.getIfReady(0).stage().stage());
        store.get(STAGE);
        assertEquals(List.of(0L, 1L, 2L, 1L), built);
    }

    @Test
    void theStageInUseIsNotEvictedByPreparingTheNextButOne() {
        LightCacheStore store = new LightCacheStore(Runnable::run, 2, this::countingBuild);
        LightCache current = store.get(0);
        store.prepare(STAGE).join();
        // Served by the fast path, which leaves the eviction clock alone: stage 0 still counts as in use.
        assertSame(current, store.get(1));
        store.prepare(2 * STAGE).join();
        assertSame(current, store.getIfReady(0));
        assertNull(store.getIfReady(STAGE));
        assertEquals(List.of(0L, 1L, 2L), built);
    }

    @Test
    void prepareBuildsOnTheExecutorAndGetWaitsForThatBuild() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        LightCacheStore store = new LightCacheStore(executor, 2, stage -> {
            await(release);
            builds.incrementAndGet();
            return new LightCache(stage, new int[0], 1);
        });
        try {
            CompletableFuture<LightCache> prepared = store.prepare(3 * STAGE);
            assertSame(prepared, store.prepare(3 * STAGE + 1));
            assertFalse(prepared.isDone());
            assertNull(store.getIfReady(3 * STAGE));
            release.countDown();
            assertSame(prepared.get(5, TimeUnit.SECONDS), store.get(3 * STAGE));
            assertEquals(1, builds.get());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailedBuildIsRethrownAndRetriedByTheNextCall() {
        AtomicInteger calls = new AtomicInteger();
        LightCacheStore store = new LightCacheStore(Runnable::run, 2, stage -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("out of memory, say");
            }
            return new LightCache(stage, new int[0], 1);
        });
        assertEquals("out of memory, say",
                assertThrows(IllegalStateException.class, () -> store.get(0)).getMessage());
        assertTrue(store.prepare(0).isCompletedExceptionally() || calls.get() == 2);
        assertEquals(0, store.get(0).stage().stage());
    }

    @Test
    void aRejectedPrepareFailsItsFutureAndLeavesTheStageBuildable() {
        LightCacheStore store = new LightCacheStore(task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, 2, this::countingBuild);
        assertTrue(store.prepare(0).isCompletedExceptionally());
        assertEquals(0, store.get(0).stage().stage());
    }

    @Test
    void badSettingsAndHeightsAreRejected() {
        assertEquals("maxStages must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new LightCacheStore(Runnable::run, 0))
                        .getMessage());
        LightCacheStore store = new LightCacheStore(Runnable::run, 1, this::countingBuild);
        assertThrows(IllegalArgumentException.class, () -> store.get(-1));
        assertEquals(1, store.maxStages());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
