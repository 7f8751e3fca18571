package org.stratumlab.loadgen.resources;

import java.io.IOException;
import org.stratumlab.server.resources.ResourceReading;

/** A simulator whose resources a run can read: the embedded one, in this process or a child JVM. */
public interface ResourceSource {
    /**
     * @return its heap after a full collection, descriptors and per-connection state
     * @throws IOException if it does not answer
     */
    ResourceReading resources() throws IOException;

    /**
     * @return the connections it has open now (cheap: no collection)
     * @throws IOException if it does not answer
     */
    long openConnections() throws IOException;
}
