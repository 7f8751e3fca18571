package org.stratumlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted fake Stratum server for tests (MockWebServer's idea, plain {@code java.net}): listens on a loopback
 * port, and runs a {@link Script} on a thread of its own for each connection it accepts. Whatever the script
 * does — answer, stall, stay silent — is the behaviour under test.
 */
public final class ScriptedPeer implements AutoCloseable {
    /** Difficulty 1: every nonce is valid. */
    public static final String BOUNDARY_DIFFICULTY_1 = "0x" + "f".repeat(64);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    /** What the peer does with one connection. */
    @FunctionalInterface
    public interface Script {
        /**
         * @param connection the accepted connection; closed when the script returns
         * @throws Exception ends the connection
         */
        void run(Connection connection) throws Exception;
    }

    private final ServerSocket listener;
    private final Script script;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<InetAddress> remoteAddresses = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ScriptedPeer(Script script) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "scripted-peer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param script run for each connection
     * @return the listening peer
     * @throws IOException if it cannot listen
     */
    public static ScriptedPeer start(Script script) throws IOException {
        return new ScriptedPeer(script);
    }

    /** @return where it listens */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** @return connections accepted so far */
    public int accepted() {
        return accepted.get();
    }

    /** @return the address each accepted connection came from, in order */
    public List<InetAddress> remoteAddresses() {
        return remoteAddresses;
    }

    /** @return what scripts threw other than the connection ending */
    public List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                remoteAddresses.add(socket.getInetAddress());
                accepted.incrementAndGet();
                Thread t = new Thread(() -> serve(socket), "scripted-peer-" + accepted.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            script.run(new Connection(socket));
        } catch (IOException | UncheckedIOException e) {
            // the client went away: that ends the script
        } catch (Throwable e) {
            if (!closed) {
                failures.add(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /**
     * @param line a JSON-RPC request line
     * @return its numeric id
     */
    public static long idOf(String line) {
        Matcher m = ID.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("no numeric id in " + line);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * @param powHash 64 hex digits
     * @param height the block height
     * @param boundary {@code 0x} and hex
     * @return the node's notify line, byte for byte (docs/protocol.md §4), without the line end
     */
    public static String confluxNotify(String powHash, long height, String boundary) {
        return "{ \"id\": 17, \"method\": \"mining.notify\", \"params\": [\"0x" + powHash + "\", \"" + height
                + "\", \"0x" + powHash + "\",\"" + boundary + "\"] }";
    }

    /** One accepted connection, read and written line by line from the script's thread. */
    public static final class Connection {
        private final BufferedReader in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        /**
         * @return the next line, without its end
         * @throws IOException if the connection ended (end of stream included)
         */
        public String readLine() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("end of stream");
            }
            return line;
        }

        /**
         * @param line written with a {@code \n} and flushed
         * @throws IOException if the connection is gone
         */
        public void writeLine(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
