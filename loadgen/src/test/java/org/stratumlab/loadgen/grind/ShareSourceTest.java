package org.stratumlab.loadgen.grind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.octopus.LightCacheStore;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.protocol.miner.JobNotify;
import org.stratumlab.results.Summary;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.testing.Await;

/**
 * The share source hands out valid nonces ground on its own threads, each once, calls waiters back from those
 * threads (never from the caller's), and decides per job what grinding it needs.
 */
@Timeout(60)
class ShareSourceTest {
    private static final U256 POW_HASH = U256.parseHex(
            "0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae");
    private static final UnexpectedErrors ERRORS = UnexpectedErrors.toStderr("test");

    /** Records what it is called back with, and on which thread. */
    private static final class Recorder implements NonceWaiter {
        final List<U256> nonces = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void nonceReady(JobNonces job, U256 nonce) {
            nonces.add(nonce);
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void eachJobGetsTheSupplyItsDifficultyNeeds() {
        try (ShareSource keccak = new ShareSource(PowAlgorithms.KECCAK, 1, 1_000_000, 1, ERRORS);
                ShareSource octopus = new ShareSource(PowAlgorithms.OCTOPUS, 1, 1_000_000, 1, ERRORS)) {
            assertEquals(NonceSupply.ANY, keccak.newJob(POW_HASH, 1, U256.MAX).supply());
            assertEquals(NonceSupply.INLINE, keccak.newJob(POW_HASH, 1, boundary(16)).supply());
            assertEquals(NonceSupply.POOL, keccak.newJob(POW_HASH, 1, boundary(17)).supply());
            assertEquals(NonceSupply.POOL, keccak.newJob(POW_HASH, 1, boundary(1_000_000)).supply());
            assertEquals(NonceSupply.NONE, keccak.newJob(POW_HASH, 1, boundary(1_000_001)).supply());
            assertEquals(NonceSupply.ANY, octopus.newJob(POW_HASH, 1, U256.MAX).supply());
            assertEquals(NonceSupply.POOL, octopus.newJob(POW_HASH, 1, boundary(2)).supply(),
                    "an Octopus hash is never made on an event loop, however easy the job");
            assertEquals(NonceSupply.NONE,
                    octopus.newJob(POW_HASH, JobNotify.NO_HEIGHT, boundary(2)).supply(),
                    "Octopus needs the height");
            assertFalse(keccak.hashIsCostly());
            assertTrue(octopus.hashIsCostly());
        }
    }

    @Test
    void waitersAreCalledBackFromTheGrindingThreadsWithDistinctValidNonces() {
        U256 boundary = boundary(2000);
        PowAlgorithm check = PowAlgorithms.keccak();
        Recorder waiter = new Recorder();
        try (ShareSource source = new ShareSource(PowAlgorithms.KECCAK, 2, 1_000_000, 7, ERRORS)) {
            JobNonces job = source.newJob(POW_HASH, 1, boundary);
            Set<U256> seen = new HashSet<>();
            int wanted = 300;
            for (int i = 0; i < wanted; i++) {
                U256 ready = job.takeValid(waiter);
                if (ready != null) {
                    seen.add(ready);
                    assertTrue(check.isValid(POW_HASH, 1, ready, boundary), ready::toString);
                }
            }
            int taken = seen.size();
            Await.until("every waiter is called back", () -> waiter.nonces.size() == wanted - taken,
                    () -> waiter.nonces.size() + " of " + (wanted - taken), Duration.ofSeconds(30));
            for (U256 nonce : waiter.nonces) {
                assertTrue(check.isValid(POW_HASH, 1, nonce, boundary), nonce::toString);
                assertTrue(seen.add(nonce), "handed out twice: " + nonce);
            }
            assertTrue(waiter.threads.stream().allMatch(t -> t.startsWith("stratumlab-grind-")),
                    waiter.threads::toString);
            source.close(); // the threads stop grinding ahead: the counts hold still
            Summary.Grinding g = source.summary();
            assertEquals("keccak", g.pow());
            assertEquals(2, g.threads());
            assertTrue(g.groundAhead() >= wanted, "ground " + g.groundAhead());
            assertTrue(g.hashes() >= g.groundAhead(), "hashes " + g.hashes());
            assertEquals(g.groundAhead(), wanted + g.discarded(),
                    "every nonce ground is handed out or, still held at the end, counted discarded");
        }
    }

    @Test
    void aMinerStillOnAJobThatLeftTheLiveOnesIsServedAllTheSame() {
        Recorder late = new Recorder();
        try (ShareSource source = new ShareSource(PowAlgorithms.KECCAK, 1, 1_000_000, 11, ERRORS)) {
            JobNonces old = source.newJob(POW_HASH, 1, boundary(100));
            for (int i = 0; i < 20; i++) {
                source.newJob(U256.ofLong(1000 + i), 1, boundary(100)); // pushes the first job out
            }
            if (old.takeValid(late) == null) {
                Await.until("the late miner is called back", () -> !late.nonces.isEmpty(),
                        Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void aWithdrawnWaiterIsNotCalledBackAndAGivenBackNonceGoesToTheNextMiner() {
        Recorder gone = new Recorder();
        Recorder next = new Recorder();
        try (ShareSource source = new ShareSource(PowAlgorithms.KECCAK, 1, 1_000_000, 3, ERRORS)) {
            JobNonces job = source.newJob(POW_HASH, 1, boundary(1_000_000)); // a second or so per nonce in Java
            U256 first = job.takeValid(gone);
            if (first == null) {
                job.cancel(gone);
            }
            U256 handedBack = U256.ofLong(42);
            job.giveBack(handedBack);
            U256 taken = job.takeValid(next);
            assertEquals(handedBack, taken, "a given-back nonce is the next one handed out");
            assertTrue(gone.nonces.isEmpty(), "a withdrawn waiter is not called back");
        }
    }

    @Test
    void octopusNoncesAreGroundOffTheCallerAndInvalidOnesAreProven() {
        long height = 1; // stage 0: the smallest cache, built in about a second
        U256 boundary = boundary(3);
        Recorder waiter = new Recorder();
        LightCacheStore caches = new LightCacheStore(Executors.newSingleThreadExecutor());
        PowAlgorithm check = PowAlgorithms.octopus(caches);
        try (ShareSource source = new ShareSource(PowAlgorithms.OCTOPUS, 1, 1_000_000, 5, ERRORS)) {
            JobNonces job = source.newJob(POW_HASH, height, boundary);
            assertEquals(null, job.takeValid(waiter), "nothing is ground before the first call");
            Await.until("a nonce is called back", () -> !waiter.nonces.isEmpty(), Duration.ofSeconds(45));
            U256 valid = waiter.nonces.get(0);
            assertTrue(check.isValid(POW_HASH, height, valid, boundary), valid::toString);
            Await.until("an invalid nonce is kept", () -> peekInvalid(job) != null, Duration.ofSeconds(30));
            U256 invalid = job.takeInvalid();
            assertNotNull(invalid);
            assertFalse(check.isValid(POW_HASH, height, invalid, boundary), invalid::toString);
            assertTrue(waiter.threads.get(0).startsWith("stratumlab-grind-"), waiter.threads::toString);
            assertEquals("octopus", source.summary().pow());
        }
    }

    private static U256 peekInvalid(JobNonces job) {
        synchronized (job.source) {
            return job.invalid.peek();
        }
    }

    private static U256 boundary(long difficulty) {
        return Difficulty.toBoundary(difficulty);
    }
}
