package org.stratumlab.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a published result records about the machine beyond the JVM's view: the CPU model and the load (Linux). */
public final class MachineFacts {
    private MachineFacts() {
    }

    /** @return the CPU's model name from /proc/cpuinfo, else {@code unknown} */
    public static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown"; // not Linux
        }
    }

    /** @return the 1, 5 and 15 minute load averages, e.g. {@code 0.52 0.61 0.70}, or {@code unknown} */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
