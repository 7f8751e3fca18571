package org.stratumlab.loadgen.grind;

import org.stratumlab.pow.NonceGrinder;
import org.stratumlab.pow.PowAlgorithm;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.octopus.LightCacheStore;

/**
 * One grinding thread's way of trying nonces for a job, a chunk at a time: Keccak through the fastest scanning
 * hasher (about a million attempts per second per core), Octopus one light hash at a time (milliseconds each),
 * keeping the nonces it proved invalid. Not thread-safe: one per grinding thread.
 */
abstract class NonceSearch {
    /** What a chunk found. */
    interface Found {
        /** @param nonce a valid nonce */
        void valid(U256 nonce);

        /** @param nonce a nonce proven invalid */
        void invalid(U256 nonce);
    }

    /**
     * Tries the next nonces for a job.
     *
     * @param job the job
     * @param start the first nonce to try
     * @param found told of what was found
     * @return how many nonces were tried; the next chunk starts that far on
     */
    abstract long chunk(JobNonces job, U256 start, Found found);

    /** @return the hash implementation's name, for the summary */
    abstract String implementationName();

    static NonceSearch create(String pow, LightCacheStore caches) {
        return pow.equals(PowAlgorithms.OCTOPUS) ? new Octopus(PowAlgorithms.octopus(caches)) : new Keccak();
    }

    /** Keccak: a chunk of {@value #CHUNK} attempts, about a millisecond; invalid nonces are not worth keeping. */
    private static final class Keccak extends NonceSearch {
        private static final long CHUNK = 1 << 14;
        private final NonceGrinder grinder = NonceGrinder.fastest();

        @Override
        long chunk(JobNonces job, U256 start, Found found) {
            U256 nonce = grinder.next(job.powHash, job.boundary, start, CHUNK);
            if (nonce == null) {
                return CHUNK;
            }
            found.valid(nonce);
            return nonce.subtract(start).w0() + 1;
        }

        @Override
        String implementationName() {
            return grinder.implementationName();
        }
    }

    /** Octopus: one light hash per chunk; an invalid nonce is kept, since proving one costs as much. */
    private static final class Octopus extends NonceSearch {
        private final PowAlgorithm octopus;

        Octopus(PowAlgorithm octopus) {
            this.octopus = octopus;
        }

        @Override
        long chunk(JobNonces job, U256 start, Found found) {
            if (octopus.isValid(job.powHash, job.height, start, job.boundary)) {
                found.valid(start);
            } else {
                found.invalid(start);
            }
            return 1;
        }

        @Override
        String implementationName() {
            return "octopus-java";
        }
    }
}
