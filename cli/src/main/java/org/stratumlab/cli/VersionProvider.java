package org.stratumlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code stratumlab-version.properties}, plus the JVM that runs. */
public final class VersionProvider implements IVersionProvider {
    /** @return the version Maven built, or {@code unknown} */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/stratumlab-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[]{"stratumlab " + version(),
                "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
    }
}
