package org.stratumlab.loadgen.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.resources.ResourceReading;

/** The fork pipe's lines and the child's command line. */
class ForkProtocolTest {
    @Test
    void theChildGetsTheParentsHeapGcAndPropertiesButNoAgentDebuggerOrRecordingFile() {
        List<String> parent = List.of("-Xmx3g", "-Xms512m", "-XX:+UseParallelGC",
                "-Dio.netty.leakDetection.level=paranoid",
                "--add-modules=jdk.incubator.vector",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-javaagent:/tmp/agent.jar", "-agentpath:/tmp/libprof.so", "-Xdebug",
                "-Xrunjdwp:transport=dt_socket",
                "-XX:StartFlightRecording=filename=run.jfr", "-Xlog:gc:file=gc.log", "-Xlog:gc",
                "-Dcom.sun.management.jmxremote.port=9010");
        List<String> command = ForkProtocol.childCommand("/jdk/bin/java", "a.jar:b.jar", parent);
        assertEquals(List.of("/jdk/bin/java", "-Xmx3g", "-Xms512m", "-XX:+UseParallelGC",
                "-Dio.netty.leakDetection.level=paranoid", "--add-modules=jdk.incubator.vector", "-Xlog:gc",
                "-cp",
                "a.jar:b.jar", ForkedServerMain.class.getName()), command);
    }

    @Test
    void countersTravelAsOneJsonLineOfTheSnapshot() {
        ServerMetrics.Snapshot counters = new ServerMetrics.Snapshot(3, 2, 17, 40, 1,
                Map.of(SubmitOutcome.ACCEPTED, 9L, SubmitOutcome.STALE_JOB, 2L),
                Map.of(ServerMetrics.Rejection.values()[0], 4L), 1234, 5678,
                Map.of("java.lang.IllegalStateException", 2L));
        String line = ForkProtocol.countersLine(counters);
        assertEquals(1, line.lines().count(), line);
        assertEquals(counters, ForkProtocol.parseCounters(line));
    }

    @Test
    void aResourceReadingTravelsAsOneJsonLine() {
        ResourceReading reading = new ResourceReading(50_000_000, 64_000_000, 120, 2000, 1990, 2000, 0,
                16_777_216);
        String line = ForkProtocol.resourcesLine(reading);
        assertEquals(1, line.lines().count(), line);
        assertEquals(reading, ForkProtocol.parseResources(line));
    }
}
