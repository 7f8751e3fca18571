package org.stratumlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code stratumlab-version.properties}, plus the JVM that runs. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/stratumlab-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[]{"stratumlab " + properties.getProperty("version", "unknown"),
                "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
    }
}
