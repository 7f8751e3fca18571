package org.stratumlab.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.cli.CliRun;

class PowCommandTest {
    private static final String HASH = "0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae";

    @Test
    void secretIsKeccakOfThePasswordAs64HexDigits() {
        CliRun run = CliRun.of("pow", "secret", "--password", "abc");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n", run.out());
    }

    @Test
    void emptyPasswordHasTheEmptyKeccak() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470\n",
                CliRun.of("pow", "secret", "--password", "").out());
    }

    @ParameterizedTest
    @CsvSource({"1, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "4, 0x4000000000000000000000000000000000000000000000000000000000000000",
            "1154431941698, 0xf3d239e674b857c6ea3a183e0bfad981eda61f560b62194c6cb332"})
    void boundaryIsPrintedAsTheNotifyCarriesIt(String difficulty, String boundary) {
        CliRun run = CliRun.of("pow", "boundary", "--difficulty", difficulty);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(boundary + "\n", run.out());
    }

    @Test
    void checkJsonIsExactlyOneObjectWithTheVectorsValues() throws Exception {
        CliRun run = CliRun.of("pow", "check", "--pow-hash", HASH, "--nonce", "0x1", "--difficulty", "4",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"hash\":\"0x23b84db68a2dbff05fa293a2e34cb6efef30e17a6d31446dd0174f919e3bb402\","
                + "\"lowerBound\":\"0x0\",\"boundary\":\"0x4000000000000000000000000000000000000000000000000000000000000000\","
                + "\"valid\":true}\n", run.out());
        JsonNode parsed = new ObjectMapper().readTree(run.out());
        assertTrue(parsed.get("valid").asBoolean());
    }

    @Test
    void checkReportsTheLowerBoundOfALargeNonce() throws Exception {
        CliRun run = CliRun.of("pow", "check", "--pow-hash", HASH, "--nonce",
                "0x100000000000000000400000000000000000000000000000005", "--boundary", "0x4" + "0".repeat(63),
                "--json");
        JsonNode parsed = new ObjectMapper().readTree(run.out());
        assertEquals("0x41896d09e81d2788f4c58c045c8f202e89439a435cecc9bbc485bc990d0e9765",
                parsed.get("hash").asText());
        assertEquals("0x100000000000000000400000000000000000000000000000000",
                parsed.get("lowerBound").asText());
        assertFalse(parsed.get("valid").asBoolean());
    }

    @Test
    void checkTextOutputNamesEachValue() {
        CliRun run = CliRun.of("pow", "check", "--pow-hash", HASH, "--nonce", "0", "--difficulty", "4");
        assertEquals(0, run.exitCode());
        assertEquals("hash:        0x88e93291e7a311c9284f5066610b0c83d32ce293ff5c1989b6fb0df19b9af4ef\n"
                + "lower bound: 0x0\n"
                + "boundary:    0x4000000000000000000000000000000000000000000000000000000000000000\n"
                + "valid:       false\n", run.out());
    }

    @Test
    void grindPrintsTheFirstValidNoncesFromTheStart() {
        CliRun run = CliRun.of("pow", "grind", "--pow-hash", HASH, "--difficulty", "4", "--count", "2");
        assertEquals(0, run.exitCode(), run.err());
        String[] nonces = run.out().strip().split("\n");
        assertEquals(2, nonces.length);
        assertEquals("0x1", nonces[0]); // the vectors: 0x0 fails difficulty 4, 0x1 passes
        for (String nonce : nonces) {
            CliRun check = CliRun.of("pow", "check", "--pow-hash", HASH, "--nonce", nonce, "--difficulty",
                    "4", "--json");
            assertTrue(check.out().contains("\"valid\":true"), nonce);
        }
    }

    /** Vectors from pow/src/test/resources/octopus-vectors.json (the reference miner's own implementation). */
    @ParameterizedTest
    @CsvSource({
            "2, 0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae, 0x0, "
                    + "0x7e3fb86e0128c8f538b75a74ae4b5e9e77e0522d17b3241b452b3fde8e0295b2",
            ", 0x226f0c74e81a2faa010379c8c98395fd2efbdc7570c66ab9baa68fcb95c77dd1, 0x0, "
                    + "0x7e65407227b2ead2367ff2135cd0e78696b350a444466535c0ad880b2ec16b5b"})
    void octopusCheckAgreesWithTheVectors(String height, String powHash, String nonce, String hash)
            throws Exception {
        String[] heightArgs = height == null ? new String[0] : new String[]{"--height", height}; // none: 10^8
        CliRun run = CliRun.of(Stream.concat(
                Stream.of("pow", "check", "--pow",
                        "octopus", "--pow-hash", powHash, "--nonce", nonce, "--difficulty", "2", "--json"),
                Arrays.stream(heightArgs)).toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode parsed = new ObjectMapper().readTree(run.out());
        assertEquals(hash, parsed.get("hash").asText());
        assertTrue(parsed.get("valid").asBoolean()); // below 2^255, the boundary of difficulty 2
    }

    @Test
    void octopusGrindFindsTheVectorsNonce() {
        CliRun run = CliRun.of("pow", "grind", "--pow", "octopus", "--height", "2", "--pow-hash",
                "0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae", "--difficulty", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0x0\n", run.out());
    }

    @Test
    void cachePrintsTheStageItsSizesSeedAndBuildTime() {
        CliRun run = CliRun.of("pow", "cache", "--height", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("stage:         0\n"
                + "cache bytes:   16776896\n"
                + "dataset bytes: 4294966528\n"
                + "seed:          0x" + "0".repeat(64) + "\n"
                + "build time:    "), run.out());
        assertTrue(run.out().endsWith(" ms\n"), run.out());
    }

    @Test
    void grindThatRunsOutOfAttemptsSaysSoWithExitCodeOne() {
        CliRun run = CliRun.of("pow", "grind", "--pow-hash", HASH, "--boundary", "0x1", "--max-attempts",
                "100");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("found 0 of 1 nonces within --max-attempts 100"), run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pow boundary --difficulty 0|--difficulty|difficulty must be at least 1, was 0",
            "pow boundary --difficulty 1e6|--difficulty|'1e6' is not a decimal integer",
            "pow boundary|--difficulty|Missing required option",
            "pow check --pow-hash 0x12 --nonce 1 --difficulty 4|--pow-hash|a pow hash has exactly 64",
            "pow check --pow-hash " + HASH + " --nonce 0xzz --difficulty 4|--nonce|is not hex",
            "pow check --pow-hash " + HASH
                    + " --nonce 1 --difficulty 4 --boundary 0x1|--difficulty|mutually exclusive",
            "pow check --pow-hash " + HASH
                    + " --nonce 0x00000000000000000000000000000000000000000000000000000000000000001 --difficulty 4|--nonce|65 hex digits",
            "pow grind --pow-hash " + HASH + " --difficulty 4 --count 0|--count|at least 1",
            "pow secret|--password|Missing required",
            "pow check --pow sha3 --pow-hash " + HASH
                    + " --nonce 1 --difficulty 4|--pow|unknown PoW algorithm 'sha3'",
            "pow grind --pow octopus --height 1e8 --pow-hash " + HASH
                    + " --difficulty 4|--height|'1e8' is not a decimal integer",
            "pow cache --height -1|--height|height must be 0 to 2147483647, was -1",
            "pow cache --height 2147483648|--height|height must be 0 to 2147483647, was 2147483648",
            "pow cache|--height|Missing required"})
    void badInputIsOneLineNamingTheOptionWithExitCodeTwo(String args, String option, String problem) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(option), run.err());
        assertTrue(run.err().contains(problem), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void everyPowSubcommandDocumentsItsOptions() {
        for (String sub : new String[]{"secret", "boundary", "check", "grind", "cache"}) {
            CliRun run = CliRun.of("pow", sub, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().contains("Usage: stratumlab pow " + sub), run.out());
        }
    }
}
