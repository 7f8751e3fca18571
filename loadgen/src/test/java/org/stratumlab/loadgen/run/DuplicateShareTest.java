package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.testing.ScriptedPeer;

/**
 * A deliberately duplicate share repeats a nonce the server <em>accepted</em>, even when several submits are in
 * flight and replies to them differ: the reply to one submit must not be taken for the verdict on another.
 */
@Timeout(30)
class DuplicateShareTest {
    private static final Pattern NONCE = Pattern.compile("\"params\":\\[\"[^\"]*\",\"[^\"]*\",\"([^\"]*)\"");
    private static final String REJECTED = "[false,\"Incorrect Nonce! worker_id = miner-0!\"]";

    @TempDir
    Path out;

    @Test
    void duplicatesRepeatOnlyNoncesTheServerAccepted() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> repeatsOfRejected = new CopyOnWriteArrayList<>();
        AtomicInteger repeats = new AtomicInteger();
        try (ScriptedPeer peer = ScriptedPeer.start(connection -> {
            String subscribe = connection.readLine();
            connection.writeLine(
                    "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + ScriptedPeer.idOf(subscribe) + "}");
            connection.writeLine(
                    ScriptedPeer.confluxNotify("ef".repeat(32), 1, ScriptedPeer.BOUNDARY_DIFFICULTY_1));
            // Reads two submits before answering either, so that two are always in flight; answers pairs as
            // (accept, accept), (accept, reject), (accept, accept), ...
            for (int pair = 0;; pair++) {
                String first = connection.readLine();
                String second = connection.readLine();
                boolean rejectSecond = pair % 2 == 1;
                for (String submit : new String[]{first, second}) {
                    String nonce = nonceOf(submit);
                    if (!seen.add(nonce)) {
                        repeats.incrementAndGet();
                        if (!accepted.contains(nonce)) {
                            repeatsOfRejected.add(nonce);
                        }
                    }
                    boolean reject = submit == second && rejectSecond;
                    if (!reject) {
                        accepted.add(nonce);
                    }
                    connection.writeLine("{\"jsonrpc\":\"2.0\",\"result\":" + (reject ? REJECTED : "[true]")
                            + ",\"id\":" + ScriptedPeer.idOf(submit) + "}");
                }
            }
        })) {
            LoadRun.Result result = Runs.run(Runs.config(Fleets.of(1, 200).badShares("duplicate=0.3").seed(23)
                    // The last submit may have no partner to be answered with: let it time out soon.
                    .submitTimeoutNs(500_000_000L).build(), peer.address(), null, 1500, out));
            LoadMetrics.Counts c = result.counts();
            String state = ReconciliationTest.describe(c) + "; repeats " + repeats + ", of rejected nonces "
                    + repeatsOfRejected.size();
            assertEquals(List.of(), peer.failures(), state);
            assertTrue(repeats.get() > 10, state);
            assertEquals(List.of(), repeatsOfRejected, state);
            assertTrue(c.of(Outcome.REJECTED_INCORRECT) > 0, state);
        }
    }

    private static String nonceOf(String submit) {
        Matcher m = NONCE.matcher(submit);
        if (!m.find()) {
            throw new IllegalArgumentException("no nonce in " + submit);
        }
        return m.group(1);
    }
}
