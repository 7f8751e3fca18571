package org.stratumlab.loadgen.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.simulator.ForkProtocol;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.resources.ResourceReading;

/**
 * The embedded simulator in a child JVM, driven over {@link ForkProtocol}: same java binary, same class path, and
 * the JVM options of this process that a second one may repeat (its heap size, GC options, -D properties; see
 * {@link ForkProtocol#forwardedJvmOptions}). The child exits when its standard input closes, so it cannot outlive the run. Used from the run's thread only.
 */
final class ForkedServer implements EmbeddedServer {
    /** The settings now: the start's, with every change phases made since (a restart keeps them). */
    private ServerConfig config;
    private Process process;
    private PrintStream commands;
    private BufferedReader replies;
    private int port;
    private int metricsPort;
    private String description;
    private ServerMetrics.Snapshot earlierInstances;
    private int killedInstances;

    private ForkedServer(ServerConfig config) {
        this.config = config;
    }

    static ForkedServer start(ServerConfig config) throws IOException {
        ForkedServer server = new ForkedServer(config);
        server.launch(config);
        return server;
    }

    private void launch(ServerConfig settings) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The parent's heap (-Xmx from STRATUMLAB_JAVA_OPTS) and GC options are the child's too: it holds the
        // server's half of every connection.
        List<String> command = ForkProtocol.childCommand(java, System.getProperty("java.class.path"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        commands.println(ForkProtocol.configLine(settings));
        String line = reply();
        ForkProtocol.Listening listening = ForkProtocol.Listening.parse(line);
        if (listening == null) {
            close();
            throw new IOException("the embedded server did not start: " + line.replaceFirst("^error ", ""));
        }
        port = listening.port();
        metricsPort = listening.metricsPort();
        description = listening.description().replace("stratumlab server",
                "embedded server (separate process)");
    }

    private String reply() throws IOException {
        String line = replies.readLine();
        if (line == null) {
            throw new IOException("the embedded server's process ended unexpectedly");
        }
        return line;
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(config.host(), port);
    }

    /** @return the port of the child's metrics endpoint (the one it bound if it was given 0), or -1 for none */
    int metricsPort() {
        return metricsPort;
    }

    @Override
    public boolean sharesThisProcess() {
        return false;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void apply(Phase.ServerAction action) throws IOException {
        if (action.kills()) {
            kill(action.killDownNs());
        }
        if (action.restart()) {
            ServerMetrics.Snapshot before = stop(); // this instance's final counts: earlier ones are kept
            if (before == null) {
                throw new IOException("the embedded server's process ended without its final counters");
            }
            earlierInstances = earlierInstances == null ? before : earlierInstances.plus(before);
            config = EmbeddedServer.afterRestart(config, port);
            launch(config);
        }
        config = EmbeddedServer.afterChanges(config, action);
        if (action.difficulty() != null) {
            command("difficulty " + action.difficulty());
        }
        if (action.window() != null) {
            command("window " + action.window());
        }
        if (action.blockIntervalNs() != null) {
            command("block-interval " + action.blockIntervalNs());
        }
    }

    private void command(String line) throws IOException {
        commands.println(line);
        String answer = reply();
        if (!answer.equals("ok")) {
            throw new IOException("the embedded server refused '" + line + "': " + answer);
        }
    }

    @Override
    public ServerMetrics.Snapshot counters() throws IOException {
        ServerMetrics.Snapshot now = instanceCounters();
        return earlierInstances == null ? now : earlierInstances.plus(now);
    }

    /** @return the counters of the running instance alone */
    private ServerMetrics.Snapshot instanceCounters() throws IOException {
        commands.println("counters");
        return ForkProtocol.parseCounters(reply());
    }

    @Override
    public ResourceReading resources() throws IOException {
        commands.println(ForkProtocol.RESOURCES);
        return ForkProtocol.parseResources(reply());
    }

    /**
     * Kills the child with SIGKILL, as a crashing node dies: no connection is closed in order, nothing is flushed,
     * and the miners learn of it from their sockets. Its counts are those of a poll just before the kill (all a
     * dead process leaves); then it stays down for {@code downNs} and comes back on the same port.
     */
    private void kill(long downNs) throws IOException {
        ServerMetrics.Snapshot lastPoll = instanceCounters();
        earlierInstances = earlierInstances == null ? lastPoll : earlierInstances.plus(lastPoll);
        killedInstances++;
        commands.close(); // nothing more is asked of it; the kill, not this, is what ends it
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IOException("the embedded server's process outlived SIGKILL by 10 s");
            }
            // The fault's length: the endpoint is down for this long before it comes back.
            TimeUnit.NANOSECONDS.sleep(downNs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the embedded server was down", e);
        }
        config = EmbeddedServer.afterRestart(config, port);
        launch(config);
    }

    @Override
    public int killedInstances() {
        return killedInstances;
    }

    /** @return the instance's final counters, printed after it closed every connection, or null if it died */
    private ServerMetrics.Snapshot stop() {
        commands.println("stop");
        commands.close();
        ServerMetrics.Snapshot last = null;
        try {
            for (String line = replies.readLine(); line != null
                    && !line.equals("stopped"); line = replies.readLine()) {
                if (ForkProtocol.isCounters(line)) {
                    last = ForkProtocol.parseCounters(line);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed before is all there is
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return last;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
