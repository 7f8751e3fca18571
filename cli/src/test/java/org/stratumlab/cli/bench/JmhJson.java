package org.stratumlab.cli.bench;

import java.util.Locale;

/** Minimal JMH JSON documents for tests, with the fields {@link JmhRun} reads. */
final class JmhJson {
    private JmhJson() {
    }

    static String of(String jdk, String... results) {
        return "[" + String.join(",", results).replace("@JDK@", jdk) + "]";
    }

    static String result(String benchmark, int threads, String param, String value, double score,
            double error) {
        return String.format(Locale.ROOT,
                "{\"jmhVersion\":\"1.37\",\"benchmark\":\"org.stratumlab.bench.pow.%s\","
                        + "\"mode\":\"avgt\",\"threads\":%d,\"forks\":2,\"jvm\":\"/usr/bin/java\",\"jvmArgs\":[\"-Xmx1g\"],"
                        + "\"jdkVersion\":\"@JDK@\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"warmupIterations\":3,"
                        + "\"warmupTime\":\"1 s\",\"measurementIterations\":5,\"measurementTime\":\"1 s\","
                        + "\"params\":{\"%s\":\"%s\"},\"primaryMetric\":{\"score\":%s,\"scoreError\":%s,"
                        + "\"scoreUnit\":\"ns/op\"}}",
                benchmark, threads, param, value, score, error);
    }

    /** @return {@code result} with the GC profiler's bytes per operation, as {@code -prof gc} adds them */
    static String withAllocation(String result, double bytesPerOp) {
        return result.substring(0, result.length() - 1) + String.format(Locale.ROOT,
                ",\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":%s,\"scoreError\":0.1,"
                        + "\"scoreUnit\":\"B/op\"}}}",
                bytesPerOp);
    }
}
