package org.stratumlab.server.resources;

/**
 * What the simulator holds at one moment, read on request ({@link ResourceProbe#read}): its live heap, its file
 * descriptors, and the size of every structure it keeps per connection, so that a long run can show that none of
 * them grows (a leak shows as a heap that climbs while the miners stay the same, or as state left behind by
 * connections that closed).
 *
 * @param heapAfterGcBytes heap used right after a full collection the reading asked for ({@code System.gc()}):
 *        the live heap, not what garbage happens to be waiting
 * @param heapCommittedBytes heap the JVM has reserved from the operating system
 * @param openFds the process's open file descriptors, or -1 where the JVM cannot tell (not Unix)
 * @param connections open connections, as the server counts them
 * @param subscribers entries of the subscriber registry (a connection that subscribed and has not closed)
 * @param openChannels channels in the group that shutdown closes (every served or held connection)
 * @param heldConnections connections held unread for want of one of the node's places ({@code --node-limits})
 * @param directBytes direct (off-heap) memory Netty's allocator holds: where request lines are buffered, so that
 *        a line the server keeps whole shows here, not in the heap; -1 where the allocator does not tell
 */
public record ResourceReading(long heapAfterGcBytes, long heapCommittedBytes, long openFds, long connections,
        long subscribers, long openChannels, long heldConnections, long directBytes) {

    /** @return every entry the server keeps per connection, in all its structures */
    public long perConnectionState() {
        return subscribers + openChannels + heldConnections;
    }
}
