package org.stratumlab.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.stratumlab.loadgen.testing.RunFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.testing.ScriptedPeer;

/**
 * A real node serves 1024 connections at a time; the others complete the TCP handshake and are never read
 * (docs/protocol.md §1). The generator counts them as never answered after the subscribe timeout and does not wait on
 * them: the run ends on time. The test's timeout is shorter than the submit timeout (10 s), so a run that
 * waited on anything would fail it.
 */
@Timeout(8)
class SubscribeTimeoutTest {
    private static final int MINERS = 3;

    @TempDir
    Path out;

    @Test
    void connectionsWhoseSubscribeIsNeverAnsweredAreCountedAndNotWaitedOn() throws Exception {
        // A listener that never accepts: the kernel completes the handshakes, nobody reads.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress target = new InetSocketAddress(silent.getInetAddress(), silent.getLocalPort());
            LoadRun.Result result = Runs.run(Runs.config(Fleets.of(MINERS, 10)
                    .subscribeTimeoutNs(TimeUnit.MILLISECONDS.toNanos(300)).build(), target, null, 1000,
                    out));
            LoadMetrics.Counts c = result.counts();
            String state = "connectedMax=" + c.connectedMax() + " subscribedMax=" + c.subscribedMax()
                    + " neverAnswered=" + c.neverAnswered() + " sent=" + c.sent();
            assertEquals(MINERS, c.connectedMax(), state);
            assertEquals(MINERS, c.neverAnswered(), state);
            assertEquals(0, c.subscribedMax(), state);
            assertEquals(0, c.sent(), state);
            assertEquals(MINERS, RunFiles.tree(result.summary()).get("miners").get("neverAnswered").asInt());
            assertEquals(0,
                    RunFiles.tree(result.summary()).get("latencyUs").get("subscribe").get("count").asInt());
        }
    }

    @Test
    void aSubscribeAnsweredAfterTheTimeoutIsTakenBackFromNeverAnswered() throws Exception {
        try (ScriptedPeer slow = ScriptedPeer.start(connection -> {
            String subscribe = connection.readLine();
            Thread.sleep(600); // the behaviour under test: a reply well after the 200 ms subscribe timeout
            connection.writeLine(
                    "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + ScriptedPeer.idOf(subscribe) + "}");
            connection.writeLine(
                    ScriptedPeer.confluxNotify("12".repeat(32), 1, ScriptedPeer.BOUNDARY_DIFFICULTY_1));
            while (true) {
                String submit = connection.readLine();
                connection.writeLine(
                        "{\"jsonrpc\":\"2.0\",\"result\":[true],\"id\":" + ScriptedPeer.idOf(submit)
                                + "}");
            }
        })) {
            LoadRun.Result result = Runs.run(Runs.config(Fleets.of(MINERS, 10)
                    .subscribeTimeoutNs(TimeUnit.MILLISECONDS.toNanos(200)).build(), slow.address(), null,
                    1500,
                    out));
            LoadMetrics.Counts c = result.counts();
            String state = "subscribedMax=" + c.subscribedMax() + " neverAnswered=" + c.neverAnswered()
                    + " sent="
                    + c.sent() + " ended=" + c.ended();
            assertEquals(MINERS, c.subscribedMax(), state);
            assertEquals(0, c.neverAnswered(), state);
            assertEquals(c.sent(), c.ended(), state);
            assertEquals(MINERS,
                    RunFiles.tree(result.summary()).get("latencyUs").get("subscribe").get("count").asInt());
        }
    }
}
