package org.stratumlab.cli.pow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.stratumlab.pow.keccak.Keccak256;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratumlab pow secret}: the node's {@code stratum_secret} for a password (docs/protocol.md §3, §8). */
@Command(name = "secret", mixinStandardHelpOptions = true, description = {
        "Prints the node's stratum_secret for a password: keccak256 of its UTF-8 bytes, 64 hex digits.",
        "Put it in the node's config as stratum_secret = \"<hex>\"; miners send the plaintext password."})
public final class SecretCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--password", paramLabel = "P", required = true,
                description = "The password (visible in the process list and shell history; see --password-stdin).")
        String password;

        @Option(names = "--password-stdin", required = true,
                description = "Read the password from the first line of standard input instead.")
        boolean fromStdin;
    }

    @Override
    public Integer call() throws IOException {
        String password = source.fromStdin ? readFirstLine() : source.password;
        byte[] digest = Keccak256.hash(password.getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().println(HexFormat.of().formatHex(digest));
        return 0;
    }

    private String readFirstLine() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--password-stdin: standard input is empty");
        }
        return line;
    }
}
