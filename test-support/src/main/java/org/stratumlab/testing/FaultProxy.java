package org.stratumlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fault-injecting TCP proxy for tests, in place of {@code tc netem} (plain {@code java.net}, threads of its own):
 * listens on a loopback port and forwards each connection to an upstream address, and on command adds a delay to
 * either direction, stalls every connection (stops forwarding, keeps the sockets open), closes them in order
 * ({@link #dropAll}) or resets them ({@link #resetAll}: SO_LINGER 0, so the peers read RST, as after a crashed
 * middlebox).
 *
 * <p>Each direction of a connection has a reader thread, which stamps every chunk it reads with the time it may be
 * written (now plus the direction's delay), and a writer thread, which writes it no sooner. Delays and the stall
 * apply to bytes read after the command; a stall holds back bytes already read too.
 *
 * <p>Thread-safe: commands come from the test's thread.
 */
public final class FaultProxy implements AutoCloseable {
    /** Which way bytes go. */
    public enum Direction {
        /** From the client that connected to the proxy, to the upstream server. */
        TO_UPSTREAM,
        /** From the upstream server back to the client. */
        TO_CLIENT
    }

    private static final int CHUNK_BYTES = 16 * 1024;

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final long[] delayNs = new long[Direction.values().length];
    private final Object stallLock = new Object();
    private boolean stalled;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress upstream, ServerSocket listener) {
        this.upstream = upstream;
        this.listener = listener;
    }

    /**
     * @param upstream where connections are forwarded
     * @return a proxy listening on a free loopback port
     * @throws IOException if it cannot listen
     */
    public static FaultProxy start(InetSocketAddress upstream) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(upstream, listener);
        Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** @return the address clients connect to */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** @return connections accepted so far */
    public int accepted() {
        return accepted.get();
    }

    /** @return connections open now (both sockets) */
    public int open() {
        return (int) links.stream().filter(l -> !l.ended).count();
    }

    /**
     * @param direction which way
     * @param nanos the delay added to every chunk read from now on (0 for none)
     */
    public synchronized void delay(Direction direction, long nanos) {
        delayNs[direction.ordinal()] = nanos;
    }

    private synchronized long delayNs(Direction direction) {
        return delayNs[direction.ordinal()];
    }

    /** @param on stop forwarding in both directions (sockets stay open), or go on */
    public void stall(boolean on) {
        synchronized (stallLock) {
            stalled = on;
            stallLock.notifyAll();
        }
    }

    /** @return how many open connections were reset: closed with SO_LINGER 0 on both sides (RST) */
    public int resetAll() {
        return endAll(true);
    }

    /** @return how many open connections were closed in order (FIN) on both sides */
    public int dropAll() {
        return endAll(false);
    }

    private int endAll(boolean reset) {
        int n = 0;
        for (Link link : links) {
            if (link.end(reset)) {
                n++;
            }
        }
        links.removeIf(l -> l.ended);
        return n;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
        stall(false);
        dropAll();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            try {
                Socket server = new Socket();
                server.setTcpNoDelay(true);
                server.connect(upstream, 5_000);
                client.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                link.pump(client, server, Direction.TO_UPSTREAM);
                link.pump(server, client, Direction.TO_CLIENT);
            } catch (IOException e) {
                quietClose(client); // the upstream refused: the client sees its connection closed
            }
        }
    }

    private void awaitNotStalled() throws InterruptedException {
        synchronized (stallLock) {
            while (stalled && !closed) {
                stallLock.wait();
            }
        }
    }

    private static void quietClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** A chunk read at one end, and the earliest time it may be written at the other. */
    private record Chunk(byte[] bytes, long dueNs) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /** One proxied connection: the client's socket and the upstream one. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean ended;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to, Direction direction) {
            BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
            start("fault-proxy-read-" + direction, () -> read(from, chunks, direction));
            start("fault-proxy-write-" + direction, () -> write(to, chunks));
        }

        private void read(Socket from, BlockingQueue<Chunk> chunks, Direction direction) {
            byte[] buffer = new byte[CHUNK_BYTES];
            try (InputStream in = from.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    chunks.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNs(direction)));
                }
            } catch (IOException e) {
                // reset or closed: the other side learns of it from END
            }
            chunks.add(Chunk.END);
        }

        private void write(Socket to, BlockingQueue<Chunk> chunks) {
            try {
                OutputStream out = to.getOutputStream();
                for (Chunk chunk = chunks.take(); chunk != Chunk.END; chunk = chunks.take()) {
                    // The delay itself: this chunk is not to arrive before its time.
                    for (long waitNs = chunk.dueNs - System.nanoTime(); waitNs > 0; waitNs = chunk.dueNs
                            - System.nanoTime()) {
                        LockSupport.parkNanos(waitNs);
                    }
                    awaitNotStalled();
                    out.write(chunk.bytes);
                    out.flush();
                }
                end(false); // the other end closed: pass the close on
            } catch (IOException | InterruptedException e) {
                end(false);
            }
        }

        /** @return whether this call ended a connection that was open */
        synchronized boolean end(boolean reset) {
            if (ended) {
                return false;
            }
            ended = true;
            for (Socket s : new Socket[]{client, server}) {
                try {
                    if (reset) {
                        s.setSoLinger(true, 0);
                    }
                } catch (SocketException e) {
                    // closed already
                }
                quietClose(s);
            }
            return true;
        }

        private void start(String name, Runnable task) {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        }
    }
}
