package org.stratumlab.server.testing;

import org.stratumlab.testing.LineClient;
import org.stratumlab.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.chain.Job;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * One embedded server on a free loopback port and the clients connected to it, all closed after each test.
 * Register it as an instance field: {@code @RegisterExtension final ServerFixture fixture = new ServerFixture();}
 *
 * <p>The base settings make tests deterministic: the block timer is off (jobs come from
 * {@code blocks().newJobNow()} only) and there is one event loop, so that a broadcast writes to every subscriber
 * in one task on that loop: once one subscriber has received a notify, a request sent afterwards on any other
 * connection is read only after that task has run, so its reply comes after any notify the task wrote there (see
 * {@link #assertNothingPending}).
 */
public final class ServerFixture implements AfterEachCallback {
    /** The patience of every read and wait: generous, since only a failing test waits this long. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private final List<LineClient> clients = new ArrayList<>();
    private StratumServer server;
    private long nextId = 1;

    /** @return a running server with the base settings */
    public StratumServer start() throws IOException {
        return start(UnaryOperator.identity());
    }

    /**
     * @param settings changes to the base settings
     * @return a running server
     */
    public StratumServer start(UnaryOperator<ServerConfig.Builder> settings) throws IOException {
        ServerConfig.Builder base = ServerConfig.builder().host("127.0.0.1").port(0).blockIntervalNs(0)
                .ioThreads(1);
        server = StratumServer.start(settings.apply(base).build());
        return server;
    }

    /** @return the running server */
    public StratumServer server() {
        return server;
    }

    /** @return a new connection to the server, closed after the test */
    public LineClient connect() throws IOException {
        return connect(0);
    }

    /**
     * @param receiveBufferBytes the socket's receive buffer, 0 for the default
     * @return a new connection to the server, closed after the test
     */
    public LineClient connect(int receiveBufferBytes) throws IOException {
        LineClient client = LineClient.connect(server.localAddress(), receiveBufferBytes);
        clients.add(client);
        return client;
    }

    /**
     * Subscribes a connection with an empty password and checks the reply. When the reply has been read the
     * connection is registered: the server registers before it writes the reply.
     *
     * @param client the connection
     * @param worker the worker id
     */
    public void subscribe(LineClient client, String worker) throws IOException {
        String id = Long.toString(nextId++);
        client.send(Wire.subscribe(id, worker, ""));
        assertEquals(Wire.result(Wire.bool(server.config().dialect(), true), id), client.readLine(WAIT));
    }

    /** @return a new connection, subscribed as {@code worker} */
    public LineClient subscribed(String worker) throws IOException {
        LineClient client = connect();
        subscribe(client, worker);
        return client;
    }

    /**
     * The jobs the server's chain makes, predicted with a chain of the same seed (docs/protocol.md §7: reproducible).
     *
     * @param count how many
     * @return the first job (made at start, never pushed by itself) and the {@code count - 1} after it
     */
    public List<Job> predictedJobs(int count) {
        ServerConfig config = server.config();
        SimulatedChain chain = new SimulatedChain(config.seed(), config.startHeight(),
                Difficulty.toBoundary(config.difficulty()), config.window());
        List<Job> jobs = new ArrayList<>(List.of(chain.current()));
        while (jobs.size() < count) {
            jobs.add(chain.nextJob());
        }
        return jobs;
    }

    /**
     * Asserts that no notify is waiting on {@code client}: sends a request for an unknown method and checks that
     * its error is the next line. Meaningful once a broadcast has been seen by another subscriber (one event
     * loop: the broadcast wrote to every connection before that subscriber got it).
     */
    public void assertNothingPending(LineClient client) throws IOException {
        String id = "\"probe-" + nextId++ + "\"";
        client.send("{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"probe\"}");
        assertEquals(Wire.error(-32601, "Method not found", id), client.readLine(WAIT),
                "a line arrived before the probe's reply");
    }

    /** @return the server's counters now */
    public ServerMetrics.Snapshot metrics() {
        return server.metrics().snapshot();
    }

    /**
     * @param what describes the condition
     * @param condition on the counters, polled until true
     */
    public void awaitMetrics(String what, Predicate<ServerMetrics.Snapshot> condition) {
        Await.until(what, () -> condition.test(metrics()), this::metrics, WAIT);
    }

    /** Closes the server now (idempotent with the close after the test). */
    public void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (LineClient client : clients) {
            client.close();
        }
        clients.clear();
        stopServer();
    }
}
