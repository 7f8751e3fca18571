package org.stratumlab.server.session;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * The node's transport admission (docs/protocol.md §1): at most {@code places} connections are served at a time;
 * a connection beyond them completes the TCP handshake and is held with reading off (never read, never written)
 * until a served one closes, then the longest-held is served. Held connections are served in arrival order.
 *
 * <p>Thread-safe: connections arrive and close on every event loop; a held connection is served on its own.
 */
final class NodeAdmission {
    private final int places;
    private final ServerMetrics metrics;
    private final Consumer<Channel> serve;
    private final ArrayDeque<Channel> held = new ArrayDeque<>();
    private int served;

    /**
     * @param places the most connections served at once
     * @param metrics where held connections are counted
     * @param serve builds a connection's pipeline and starts reading it; called on the channel's event loop
     */
    NodeAdmission(int places, ServerMetrics metrics, Consumer<Channel> serve) {
        this.places = places;
        this.metrics = metrics;
        this.serve = serve;
    }

    /** A new connection, on its event loop, before it is first read: served now or held. */
    void arrived(Channel channel) {
        if (takePlaceOrHold(channel)) {
            start(channel);
        } else {
            channel.config().setAutoRead(false);
            metrics.heldChanged(1);
        }
    }

    private synchronized boolean takePlaceOrHold(Channel channel) {
        if (served < places) {
            served++;
            return true;
        }
        held.addLast(channel);
        return false;
    }

    private void start(Channel channel) {
        // Registered first: a connection that closed while held gives its place on at once.
        channel.closeFuture().addListener(f -> placeFreed());
        serve.accept(channel);
    }

    private void placeFreed() {
        Channel next = nextHeld();
        if (next != null) {
            metrics.heldChanged(-1);
            next.eventLoop().execute(() -> start(next));
        }
    }

    /** @return how many connections are held now, waiting for a place */
    synchronized int heldCount() {
        return held.size();
    }

    /** @return the longest-held connection, which takes the freed place, or null (the place is then free) */
    private synchronized Channel nextHeld() {
        Channel next = held.pollFirst();
        if (next == null) {
            served--;
        }
        return next;
    }
}
