package org.stratumlab.loadgen.run;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this process has used, every thread together (event loops, grinding threads, GC, JIT), so that a
 * run can say what producing its load cost. Read twice per run, off the hot paths.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** @return the process's CPU time in nanoseconds, or -1 when this JVM does not tell */
    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
