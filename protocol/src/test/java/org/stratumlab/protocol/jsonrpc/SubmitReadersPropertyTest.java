package org.stratumlab.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.mining.MiningMethods;
import org.stratumlab.protocol.mining.SubmitParams;
import org.stratumlab.testing.property.Property;
import org.stratumlab.testing.property.Shrink;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fast reader of canonical submits against the strict reader, as a property: on every generated submit line
 * (canonical, nearly canonical, malformed), {@link JsonRpcRequestParser#parse(ByteBuf, CanonicalSubmit)} either
 * takes the line and means exactly what the strict reader makes of it (same id, version, worker, nonce and
 * pow_hash), or leaves it and returns the strict reader's own classification. The case classes are counted so
 * that the property cannot pass on lines that never reach one side.
 */
class SubmitReadersPropertyTest {
    private static final int TRIES = 100_000;
    private static final String HASH = "2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";

    /** How the strict reader classifies a generated line. */
    enum CaseClass {
        /** The fast reader took it. */
        CANONICAL,
        /** A valid submit with well-formed params that the fast reader left to the strict one. */
        STRICT_ONLY_VALID,
        /** A submit call whose params do not parse ({@code [false]}). */
        MALFORMED_PARAMS,
        /** Not a submit that gets a result: a parse error, an invalid request, a notification. */
        NOT_A_SUBMIT
    }

    @Test
    void bothReadersMeanTheSameOnEverySubmitLine() {
        Map<CaseClass, Integer> counts = new EnumMap<>(CaseClass.class);
        CanonicalSubmit reuse = new CanonicalSubmit();
        int tries = Property
                .forAll("canonical and strict submit readers agree", SubmitReadersPropertyTest::line)
                .shrinkWith(Shrink.strings()).tries(TRIES)
                .check(line -> counts.merge(agree(line, reuse), 1, Integer::sum));
        for (CaseClass c : CaseClass.values()) {
            int count = counts.getOrDefault(c, 0);
            assertTrue(count >= tries / 10, c + ": only " + count + " of " + tries + " lines; " + counts);
        }
    }

    private static CaseClass agree(String line, CanonicalSubmit reuse) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        // Direct, as a socket delivers lines (the readers copy those); the readers allocate no buffer of their own.
        ByteBuf buf = Unpooled.directBuffer(Math.max(1, bytes.length)).writeBytes(bytes);
        try {
            ParsedLine strict = JsonRpcRequestParser.parse(buf);
            ParsedLine fast = JsonRpcRequestParser.parse(buf, reuse);
            assertEquals(0, buf.readerIndex(), "a reader consumed the line");
            assertEquals(1, buf.refCnt(), "a reader released or retained the line");
            if (fast != reuse) {
                assertEquals(strict, fast,
                        "the fast reader left the line but did not return the strict reading");
                return classify(strict);
            }
            assertSame(ParsedLine.Kind.SINGLE, strict.kind(),
                    "the fast reader took a line the strict one does not "
                            + "read as one call: " + strict);
            JsonRpcCall call = (JsonRpcCall) strict;
            assertTrue(call.isValid() && call.expectsResponse() && MiningMethods.SUBMIT.equals(call.method()),
                    "strict: " + call);
            assertEquals(JsonRpcId.ofNumber(reuse.id()), call.id());
            assertEquals(call.hasJsonrpc(), reuse.hasJsonrpc());
            SubmitParams params = SubmitParams.of(call.params());
            assertNotNull(params, "the fast reader took params the strict one finds malformed: " + call);
            assertEquals(params.workerId(), reuse.workerId().toString());
            assertEquals(params.nonce(), U256.of(reuse.nonceWord(3), reuse.nonceWord(2), reuse.nonceWord(1),
                    reuse.nonceWord(0)));
            assertEquals(params.powHash(), U256.of(reuse.powHashWord(3), reuse.powHashWord(2),
                    reuse.powHashWord(1), reuse.powHashWord(0)));
            assertEquals(call, reuse.toCall());
            return CaseClass.CANONICAL;
        } finally {
            buf.release();
        }
    }

    private static CaseClass classify(ParsedLine strict) {
        if (!(strict instanceof JsonRpcCall call) || !call.isValid() || !call.expectsResponse()
                || !MiningMethods.SUBMIT.equals(call.method())) {
            return CaseClass.NOT_A_SUBMIT;
        }
        return SubmitParams.of(call.params()) == null
                ? CaseClass.MALFORMED_PARAMS
                : CaseClass.STRICT_ONLY_VALID;
    }

    /** A submit line: the miners' shape, with each part now and then replaced by a near miss. */
    static String line(SplittableRandom random) {
        // A third of the lines keep the miners' shape throughout, so that the fast reader gets its share.
        Choices r = new Choices(random, random.nextInt(3) == 0);
        String id = often(r)
                ? Long.toString(r.nextLong(1L << 20))
                : pick(r, "0", "00", "01", "-1", "-0", "1.0",
                        "1e3", "9223372036854775807", "9223372036854775808", "18446744073709551615",
                        "18446744073709551616", "999999999999999999", "1000000000000000000", "\"7\"", "null",
                        "true",
                        "[1]", "{}", "");
        String worker = often(r)
                ? "rig" + r.nextInt(100)
                : pick(r, "", "a b~!", "r\\\"g", "r\\u0041", "\u00e9",
                        "\ud83d\ude00", "r\\ud800", "tab\\t", "\u007f", "x".repeat(300));
        String job = often(r) ? "0x" + HASH : pick(r, "", "j\\n", "\u77ff", "0x", "\\\\");
        String nonce = often(r)
                ? "0x" + Long.toHexString(r.nextLong())
                : pick(r, "", "0x", "0X1F", "1f",
                        "0x" + "f".repeat(64), "0x0" + "f".repeat(64), "0xg1", "0x0x1", " 0x1", "0x1 ",
                        "\\u0030x1",
                        "0x" + "0".repeat(63) + "1");
        String hash = often(r)
                ? "0x" + HASH
                : pick(r, HASH, "0X" + HASH.toUpperCase(), "0x" + HASH.substring(1),
                        "0x0" + HASH, "0x" + HASH.substring(1) + "g", "0x" + HASH + " ", "");
        String params = "[\"" + worker + "\",\"" + job + "\",\"" + nonce + "\",\"" + hash + "\"]";
        if (!often(r)) {
            params = pick(r, "[\"" + worker + "\",\"" + job + "\",\"" + nonce + "\"]",
                    "[\"" + worker + "\",1,\"" + job + "\",\"" + nonce + "\",\"" + hash + "\"]",
                    "[\"" + worker + "\",\"" + job + "\",\"" + nonce + "\",\"" + hash + "\",\"x\"]",
                    "[\"" + worker + "\", \"" + job + "\",\"" + nonce + "\",\"" + hash + "\"]", "{}", "null",
                    "\"" + worker + "\"", "[[],\"" + worker + "\",\"" + job + "\",\"" + nonce + "\",\"" + hash
                            + "\"]");
        }
        String version = r.nextBoolean()
                ? "\"jsonrpc\":\"2.0\","
                : often(r)
                        ? ""
                        : pick(r, "\"jsonrpc\":\"1.0\",",
                                "\"jsonrpc\":2.0,", "\"jsonrpc\":null,");
        String method = often(r)
                ? "mining.submit"
                : pick(r, "mining.Submit", "mining.submit ", "mining.subscribe",
                        "mining\\u002esubmit");
        String line = "{\"id\":" + id + "," + version + "\"method\":\"" + method + "\",\"params\":" + params
                + "}";
        return often(r) ? line : mutate(r, line, id, params);
    }

    private static String mutate(Choices r, String line, String id, String params) {
        return switch (r.nextInt(8)) {
            case 0 -> line + pick(r, " ", "\t", "x", "{}", ",", "\r");
            case 1 -> " " + line;
            case 2 -> line.replace(",\"method\"", ", \"method\"");
            case 3 -> "{\"method\":\"mining.submit\",\"id\":" + id + ",\"params\":" + params + "}";
            case 4 -> line.substring(0, line.length() - 1) + ",\"x\":1}";
            case 5 -> line.replace("{\"id\":" + id + ",", "{");
            case 6 -> "[" + line + "]";
            default -> line.replace("{\"id\":" + id, "{\"id\":" + id + ",\"id\":" + id);
        };
    }

    private static boolean often(Choices r) {
        return r.clean || r.random.nextInt(10) < 7;
    }

    private static String pick(Choices r, String... choices) {
        return choices[r.random.nextInt(choices.length)];
    }

    /** The case's source, and whether this line keeps the miners' shape. */
    private record Choices(SplittableRandom random, boolean clean) {
        boolean nextBoolean() {
            return random.nextBoolean();
        }

        int nextInt(int bound) {
            return random.nextInt(bound);
        }

        long nextLong() {
            return random.nextLong();
        }

        long nextLong(long bound) {
            return random.nextLong(bound);
        }
    }
}
