package org.stratumlab.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The benchmarks a JMH jar holds, read from its {@code META-INF/BenchmarkList} without JMH (which stays out of the
 * runnable jar), so that a regex that selects nothing is refused before a JVM is forked for it.
 *
 * <p>Each line of the list starts with {@code JMH}, then length-prefixed strings {@code S <length> <text>}: the
 * benchmark class, the generated class and the method. JMH names a benchmark {@code class.method} and selects it
 * when an include regex is found anywhere in that name.
 */
final class JarBenchmarks {
    static final String LIST = "META-INF/BenchmarkList";

    private JarBenchmarks() {
    }

    /**
     * @param jar a benchmarks jar
     * @return its benchmarks as JMH names them ({@code org.example.KeccakBenchmark.keccak32}); empty when the jar has
     *         no list
     * @throws IOException if the jar cannot be read
     */
    static List<String> names(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry list = file.getEntry(LIST);
            if (list == null) {
                return names;
            }
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(file.getInputStream(list), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("JMH ")) {
                        names.add(name(line));
                    }
                }
            }
        }
        return names;
    }

    /**
     * @param regex an include regex
     * @param names the benchmarks there are
     * @return whether JMH would select at least one of them
     */
    static boolean selectsAny(String regex, List<String> names) {
        Pattern pattern = Pattern.compile(regex);
        return names.stream().anyMatch(name -> pattern.matcher(name).find());
    }

    private static String name(String line) {
        int[] at = {"JMH ".length()};
        String benchmarkClass = string(line, at);
        string(line, at); // the generated class
        return benchmarkClass + "." + string(line, at);
    }

    private static String string(String line, int[] at) {
        if (!line.startsWith("S ", at[0])) {
            throw new IllegalArgumentException("not a JMH benchmark list line: " + line);
        }
        int lengthStart = at[0] + 2;
        int lengthEnd = line.indexOf(' ', lengthStart);
        int length = Integer.parseInt(line.substring(lengthStart, lengthEnd));
        at[0] = lengthEnd + 1 + length + 1;
        return line.substring(lengthEnd + 1, lengthEnd + 1 + length);
    }
}
