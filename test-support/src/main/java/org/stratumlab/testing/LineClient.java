package org.stratumlab.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A scripted miner over a plain blocking {@link Socket}: writes exact bytes and reads exactly what the server
 * wrote, so that tests can assert on whole lines byte for byte. Every read takes a timeout (SO_TIMEOUT against a
 * deadline), so a missing line fails the test instead of hanging it.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * @param address the server
     * @return a connected client
     * @throws IOException if the connection fails
     */
    public static LineClient connect(InetSocketAddress address) throws IOException {
        return connect(address, 0);
    }

    /**
     * @param address the server
     * @param receiveBufferBytes the socket's receive buffer, set before connecting (so that it bounds the TCP
     *        window); 0 for the system default
     * @return a connected client
     * @throws IOException if the connection fails
     */
    public static LineClient connect(InetSocketAddress address, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            return new LineClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends {@code line} and a {@code \n}, UTF-8 encoded.
     *
     * @param line the line without its line end
     * @throws IOException if the write fails
     */
    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes sent exactly as given
     * @throws IOException if the write fails
     */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads up to the next {@code \n}.
     *
     * @param timeout how long the whole line may take
     * @return the line as UTF-8 text, without its {@code \n}
     * @throws IOException if the connection fails
     * @throws AssertionError if the line does not arrive in time or the connection ends first
     */
    public String readLine(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            int b = read(deadline, "a line", line);
            if (b < 0) {
                fail("the connection ended before a line end; got so far: " + text(line));
            }
            if (b == '\n') {
                return text(line);
            }
            line.write(b);
        }
    }

    /**
     * Reads up to the next {@code \n}, or to the end of the connection.
     *
     * @param timeout how long the line or the end may take
     * @return the line without its {@code \n}, or {@code null} when the connection ended (EOF or reset) first
     * @throws IOException if the connection fails other than by a reset
     * @throws AssertionError if neither arrives in time, or the connection ends in the middle of a line
     */
    public String readLineOrNull(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            int b;
            try {
                b = read(deadline, "a line or the end", line);
            } catch (SocketException reset) {
                b = -1;
            }
            if (b < 0 && line.size() > 0) {
                fail("the connection ended in the middle of a line: " + text(line));
            }
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                return text(line);
            }
            line.write(b);
        }
    }

    /**
     * @param count how many bytes to read
     * @param timeout how long they may take
     * @return exactly {@code count} bytes
     * @throws IOException if the connection fails
     * @throws AssertionError if they do not arrive in time or the connection ends first
     */
    public byte[] readRawBytes(int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count);
        while (bytes.size() < count) {
            int b = read(deadline, count + " bytes", bytes);
            if (b < 0) {
                fail("the connection ended after " + bytes.size() + " of " + count + " bytes");
            }
            bytes.write(b);
        }
        return bytes.toByteArray();
    }

    /**
     * Asserts that the server closes the connection without writing anything more: a read ends (EOF) or the
     * connection is reset within {@code timeout}.
     *
     * @param timeout how long the server has to close it
     * @throws IOException if reading fails other than by a reset
     */
    public void assertClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream unexpected = new ByteArrayOutputStream();
        try {
            int b = read(deadline, "the end of the connection", unexpected);
            if (b >= 0) {
                unexpected.write(b);
                fail("expected the connection to be closed, but the server wrote: " + text(unexpected)
                        + "...");
            }
        } catch (SocketException reset) {
            // Closed with unread input on the server side: a reset is a close too.
        }
    }

    private int read(long deadline, String awaited, ByteArrayOutputStream soFar) throws IOException {
        long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (System.nanoTime() - deadline >= 0) {
            fail("timed out waiting for " + awaited + "; got so far: " + text(soFar));
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            fail("timed out waiting for " + awaited + "; got so far: " + text(soFar));
            return -1; // unreachable
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** @return whether any byte from the server has arrived and is unread, without waiting for one */
    public boolean hasUnreadBytes() throws IOException {
        return in.available() > 0;
    }

    /** @return the socket, for its local address or options */
    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
