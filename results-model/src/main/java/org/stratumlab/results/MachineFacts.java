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

    /**
     * @return what tells two CPUs of one model name apart, e.g. {@code family 25 model 1, avx2} (the vector
     *         extensions decide what the native code runs), or an empty string off Linux
     */
    public static String cpuDetail() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            String family = "";
            String model = "";
            String vectors = "";
            for (String line : (Iterable<String>) lines::iterator) {
                String value = line.substring(line.indexOf(':') + 1).strip();
                if (line.startsWith("cpu family") && family.isEmpty()) {
                    family = value;
                } else if (line.startsWith("model\t") && model.isEmpty()) {
                    model = value;
                } else if (line.startsWith("flags") && vectors.isEmpty()) {
                    java.util.List<String> flags = java.util.List.of(value.split("\\s+"));
                    vectors = flags.contains("avx512f")
                            ? "avx512"
                            : flags.contains("avx2") ? "avx2" : "no avx2";
                }
            }
            return family.isEmpty() ? "" : "family " + family + " model " + model + ", " + vectors;
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux
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
