package org.stratumlab.server.session;

import java.util.concurrent.Executor;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.mining.SubmitParams;
import org.stratumlab.server.chain.JobWindow;
import org.stratumlab.server.share.OctopusCheckPool;

/**
 * A submit whose Octopus check runs on the pool: it holds what the reply needs, and its place in the connection's
 * {@link OrderedReplies}. Made and finished on the connection's event loop; {@link #checked} runs on a pool thread
 * and hands the connection back to its loop.
 */
final class PendingSubmit implements OctopusCheckPool.Check {
    final JsonRpcCall call;
    final SubmitParams params;
    final JobWindow.Entry entry;
    private final Executor loop;
    private final Runnable onChecked;
    /** Set on the loop: the pool's queue was full when it was offered, so it waits for room (loop only). */
    boolean held;
    private volatile boolean wanted = true;
    private volatile boolean done;
    private boolean valid;
    private long checkNs;

    PendingSubmit(JsonRpcCall call, SubmitParams params, JobWindow.Entry entry, Executor loop,
            Runnable onChecked) {
        this.call = call;
        this.params = params;
        this.entry = entry;
        this.loop = loop;
        this.onChecked = onChecked;
    }

    @Override
    public long height() {
        return entry.job().height();
    }

    @Override
    public U256 powHash() {
        return params.powHash();
    }

    @Override
    public U256 nonce() {
        return params.nonce();
    }

    @Override
    public U256 boundary() {
        return entry.job().boundary();
    }

    @Override
    public boolean wanted() {
        return wanted;
    }

    /** The connection closed: the pool may skip the check. */
    void unwanted() {
        wanted = false;
    }

    @Override
    public void checked(boolean valid, long checkNs) {
        this.valid = valid;
        this.checkNs = checkNs;
        done = true; // publishes the two fields above to the loop
        loop.execute(onChecked);
    }

    /** @return whether the answer has arrived (loop) */
    boolean isChecked() {
        return done;
    }

    /** @return whether the nonce solves the job; only once {@link #isChecked} */
    boolean valid() {
        return valid;
    }

    /** @return how long the check took on the pool */
    long checkNs() {
        return checkNs;
    }
}
