package org.stratumlab.server.session;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structured random JSON-RPC requests for the request-handling property: each value is generated together with
 * what it means (its kind, decoded string, integer, nesting depth, and whether it makes the line unparsable), so
 * that {@link RequestOracle} can predict the answer without parsing the text. The placeholders {@link #HASH} and
 * {@link #HASH_UPPER} stand for the current problem hash, known only when the case runs.
 */
final class RequestModel {
    /** Replaced by the current problem hash's 64 lowercase hex digits when the case runs. */
    static final String HASH = "@h@";
    /** Replaced by the same digits in upper case. */
    static final String HASH_UPPER = "@H@";

    private static final String STALE_HASH = "2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";
    private static final String[] WHITESPACE = {"", "", "", " ", "\t", "\r", "  "};

    private RequestModel() {
    }

    /** What a JSON value is. */
    enum Kind {
        NULL, BOOLEAN, INTEGER, FLOAT, STRING, ARRAY, OBJECT
    }

    /**
     * A value and its meaning.
     *
     * @param text the JSON text
     * @param kind what it is
     * @param string the decoded value of a string, else {@code null}
     * @param integer the value of an integer, else {@code null}
     * @param depth the nesting depth of arrays and objects in it (0 for a scalar)
     * @param unparsable whether it makes the line a parse error (bad JSON, a lone surrogate, past a limit)
     * @param elements the elements of an array, else {@code null}
     */
    record Value(String text, Kind kind, String string, BigInteger integer, int depth, boolean unparsable,
            List<Value> elements) {
        Value(String text, Kind kind, String string, BigInteger integer, int depth, boolean unparsable) {
            this(text, kind, string, integer, depth, unparsable, null);
        }

        static Value scalar(String text, Kind kind) {
            return new Value(text, kind, null, null, 0, false);
        }

        boolean isString(String expected) {
            return kind == Kind.STRING && !unparsable && expected.equals(string);
        }
    }

    /** One member of a request object: its name (as a decoded string value) and its value. */
    record Member(Value name, Value value) {
    }

    /** A request object. */
    record Request(List<Member> members) {
        String text(SplittableRandom random) {
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < members.size(); i++) {
                text.append(i == 0 ? "" : ",").append(ws(random)).append(members.get(i).name().text())
                        .append(ws(random)).append(':').append(ws(random))
                        .append(members.get(i).value().text())
                        .append(ws(random));
            }
            return text.append('}').toString();
        }
    }

    /**
     * One request line.
     *
     * @param text the line, without its line end, placeholders not yet replaced
     * @param requests the request objects: one for a single request, any number for a batch
     * @param batch whether the line is a batch (an array)
     * @param raw for a line that is neither, its expected answer as {@link RequestOracle} names it; else null
     */
    record Line(String text, List<Request> requests, boolean batch, String raw) {
    }

    static Line line(SplittableRandom r) {
        int pick = r.nextInt(100);
        if (pick < 8) {
            return rawLine(r);
        }
        if (pick < 20) {
            List<Request> requests = new ArrayList<>();
            for (int n = r.nextInt(5); n > 0; n--) {
                requests.add(request(r));
            }
            StringBuilder text = new StringBuilder("[").append(ws(r));
            for (int i = 0; i < requests.size(); i++) {
                text.append(i == 0 ? "" : ",").append(requests.get(i).text(r)).append(ws(r));
            }
            if (r.nextInt(20) == 0) {
                return new Line(text.append(requests.isEmpty() ? "" : ",").append("1]").toString(), List.of(),
                        true, RequestOracle.PARSE_ERROR); // a batch of something other than objects
            }
            return trailing(r, new Line(text.append(']').toString(), requests, true, null));
        }
        if (pick < 35) {
            return new Line(canonicalSubmit(r), List.of(), false, RequestOracle.CANONICAL);
        }
        Request request = request(r);
        return trailing(r, new Line(ws(r) + request.text(r), List.of(request), false, null));
    }

    /** Whitespace after the value changes nothing; anything else makes the line a parse error. */
    private static Line trailing(SplittableRandom r, Line line) {
        return switch (r.nextInt(20)) {
            case 0 -> new Line(line.text() + pick(r, "x", "{}", "]", ",", "1", "\"\"", "}"), List.of(), false,
                    RequestOracle.PARSE_ERROR);
            case 1, 2 ->
                new Line(line.text() + pick(r, " ", "\t", "\r", " \t "), line.requests(), line.batch(),
                        line.raw());
            default -> line;
        };
    }

    private static Line rawLine(SplittableRandom r) {
        String[][] lines = {{"", "P"}, {" ", "P"}, {"\t", "P"}, {"null", "P"}, {"1", "P"}, {"\"x\"", "P"},
                {"true", "P"}, {"{", "P"}, {"}", "P"}, {"[", "P"}, {"]", "P"}, {"{}{}", "P"}, {"[1]", "P"},
                {"[{},1]", "P"}, {"{\"id\":1}}", "P"}, {"\ufeff{}", "P"}, {"\u0000{}", "P"},
                {"{\u0000}", "P"},
                {"[]", "I"}, {" [ ] ", "I"}, {"{}", "I"}, {"{\"id\":5}", "I5"}, {"[{}]", "[I]"}};
        String[] line = lines[r.nextInt(lines.length)];
        return new Line(line[0], List.of(), false, line[1]);
    }

    /** The miners' own shape, so that the connection's fast reader answers it. */
    private static String canonicalSubmit(SplittableRandom r) {
        return "{\"id\":" + r.nextInt(100_000) + (r.nextBoolean() ? ",\"jsonrpc\":\"2.0\"" : "")
                + ",\"method\":\"mining.submit\",\"params\":[\"rig" + r.nextInt(10) + "\",\"0x" + HASH
                + "\",\"" + nonce(r) + "\",\"" + pick(r, "0x" + HASH, "0x" + HASH, HASH, "0X" + HASH_UPPER,
                        "0x" + STALE_HASH)
                + "\"]}";
    }

    /** A request object: mostly well formed, each member now and then wrong, missing, repeated or extra. */
    static Request request(SplittableRandom r) {
        List<Member> members = new ArrayList<>();
        int idChoice = r.nextInt(20);
        if (idChoice < 15) {
            members.add(member("id", validId(r)));
        } else if (idChoice < 18) {
            members.add(member("id", invalidId(r)));
        } else if (idChoice == 18) {
            members.add(member("id", validId(r)));
            members.add(member("id", validId(r)));
        }
        int version = r.nextInt(10);
        if (version < 5) {
            members.add(member("jsonrpc", string("2.0")));
        } else if (version < 8) {
            members.add(member(pick(r, "jsonrpc"), pickValue(r, string("1.0"), string("2.0 "),
                    Value.scalar("2.0", Kind.FLOAT), Value.scalar("null", Kind.NULL), string(""))));
        } else if (version == 8) {
            members.add(member("jsonrpc", string("2.0")));
            members.add(member("jsonrpc", string("2.0")));
        }
        String method = methodName(r);
        int methodChoice = r.nextInt(20);
        if (methodChoice < 17) {
            members.add(member("method", string(method)));
        } else if (methodChoice < 19) {
            members.add(member("method", value(r, 2)));
        }
        int paramsChoice = r.nextInt(20);
        if (paramsChoice < 15) {
            members.add(member("params", params(r, method)));
        } else if (paramsChoice < 19) {
            members.add(member("params", pickValue(r, Value.scalar("null", Kind.NULL), object(r, 2),
                    string("x"), Value.scalar("1", Kind.INTEGER), Value.scalar("true", Kind.BOOLEAN))));
        }
        if (r.nextInt(25) == 0) {
            members.add(member(pick(r, "extra", "ID", "Method", "params ", ""), value(r, 2)));
        }
        if (r.nextInt(30) == 0 && !members.isEmpty()) {
            members.add(members.get(r.nextInt(members.size()))); // a repeated member
        }
        if (r.nextInt(4) == 0) {
            shuffle(r, members);
        }
        return new Request(members);
    }

    private static String methodName(SplittableRandom r) {
        int pick = r.nextInt(20);
        if (pick < 9) {
            return "mining.submit";
        }
        if (pick < 15) {
            return "mining.subscribe";
        }
        return pick(r, "mining.notify", "mining.authorize", "", "mining.Submit", "eth_submitWork", "\u00e9",
                "mining.submit ");
    }

    private static Value params(SplittableRandom r, String method) {
        List<Value> elements = new ArrayList<>();
        if (method.equals("mining.submit") && r.nextInt(4) != 0) {
            elements.add(string(r));
            elements.add(r.nextBoolean() ? string("0x" + HASH) : string(r));
            elements.add(string(nonce(r)));
            elements.add(string(pick(r, "0x" + HASH, "0x" + HASH, HASH, "0X" + HASH_UPPER, "0x" + STALE_HASH,
                    "0x" + HASH.substring(1), "0x" + HASH + "0", "0x" + "g".repeat(64), "")));
            if (r.nextInt(5) == 0) {
                elements.remove(r.nextInt(elements.size()));
            } else if (r.nextInt(5) == 0) {
                elements.add(r.nextInt(elements.size() + 1), string(r));
            }
        } else if (method.equals("mining.subscribe") && r.nextInt(4) != 0) {
            elements.add(string(r));
            elements.add(string(r));
            if (r.nextInt(4) == 0) {
                elements.remove(r.nextInt(2));
            } else if (r.nextInt(5) == 0) {
                elements.add(string(r));
            }
        } else {
            for (int n = r.nextInt(4); n > 0; n--) {
                elements.add(value(r, 3));
            }
        }
        if (r.nextInt(6) == 0) {
            // Non-strings among the params: dropped by submit, wrong types for subscribe; or nesting near the limit.
            Value extra = r.nextInt(3) == 0 ? deep(120 + r.nextInt(10)) : scalarOrContainer(r);
            elements.add(r.nextInt(elements.size() + 1), extra);
        }
        return array(r, elements);
    }

    private static String nonce(SplittableRandom r) {
        return switch (r.nextInt(16)) {
            case 0 -> "";
            case 1 -> "0x";
            case 2 -> "0X1F";
            case 3 -> "1f";
            case 4 -> "0x001f";
            case 5 -> "0x" + "f".repeat(64);
            case 6 -> "0x0" + "f".repeat(64);
            case 7 -> "0xg1";
            case 8 -> "0x0x1";
            case 9 -> "0x" + "F".repeat(63);
            default -> "0x" + Integer.toHexString(r.nextInt(4)); // a small pool: repeats are duplicates
        };
    }

    private static Value validId(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> integer("18446744073709551615");
            case 1 -> integer(pick(r, "9223372036854775807", "9223372036854775808", "0", "1023", "1024"));
            case 2 -> string(r);
            case 3 -> Value.scalar("null", Kind.NULL);
            default -> integer(Integer.toString(r.nextInt(100_000)));
        };
    }

    private static Value invalidId(SplittableRandom r) {
        return pickValue(r, integer("-1"), integer("-0"), integer("18446744073709551616"),
                integer("1" + "0".repeat(30)), Value.scalar("1.5", Kind.FLOAT),
                Value.scalar("1e2", Kind.FLOAT),
                Value.scalar("true", Kind.BOOLEAN), array(r, List.of()), object(r, 1));
    }

    static Value value(SplittableRandom r, int depth) {
        return depth <= 0 || r.nextInt(3) != 0
                ? scalar(r)
                : r.nextBoolean()
                        ? object(r, depth - 1)
                        : array(r,
                                elements(r, depth - 1));
    }

    private static Value scalarOrContainer(SplittableRandom r) {
        return r.nextBoolean() ? scalar(r) : value(r, 2);
    }

    private static List<Value> elements(SplittableRandom r, int depth) {
        List<Value> elements = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
            elements.add(value(r, depth));
        }
        return elements;
    }

    private static Value scalar(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> Value.scalar("null", Kind.NULL);
            case 1 -> Value.scalar(pick(r, "true", "false"), Kind.BOOLEAN);
            case 2 -> pickValue(r, integer("0"), integer("-7"), integer("123456789012345678901234567890"),
                    integer("9".repeat(1000)), Value.scalar("1.5e300", Kind.FLOAT), Value.scalar("-0.0",
                            Kind.FLOAT));
            case 3 -> pickValue(r, new Value("9".repeat(1001), Kind.INTEGER, null, null, 0, true), // too long
                    new Value("01", Kind.INTEGER, null, null, 0, true),
                    new Value("1.", Kind.FLOAT, null, null,
                            0, true),
                    new Value("tru", Kind.BOOLEAN, null, null, 0, true));
            default -> string(r);
        };
    }

    private static Value integer(String text) {
        return new Value(text, Kind.INTEGER, null, new BigInteger(text), 0, false);
    }

    /** A string of random pieces: plain text, every escape, raw non-ASCII, and now and then something invalid. */
    static Value string(SplittableRandom r) {
        StringBuilder text = new StringBuilder("\"");
        StringBuilder value = new StringBuilder();
        boolean unparsable = false;
        for (int n = r.nextInt(6); n > 0; n--) {
            String[] piece = PIECES[r.nextInt(PIECES.length)];
            if (piece.length == 1 && r.nextInt(8) != 0) {
                continue; // the invalid pieces, rarer
            }
            text.append(piece[0]);
            if (piece.length == 1) {
                unparsable = true;
            } else {
                value.append(piece[1]);
            }
        }
        return new Value(text.append('"').toString(), Kind.STRING, value.toString(), null, 0, unparsable);
    }

    /** Text and decoded value; a piece with no value makes the line unparsable. */
    private static final String[][] PIECES = {{"rig", "rig"}, {"a b", "a b"}, {"x", "x"}, {"0x1", "0x1"},
            {"\\\"", "\""}, {"\\\\", "\\"}, {"\\/", "/"}, {"\\b", "\b"}, {"\\f", "\f"}, {"\\n", "\n"},
            {"\\r", "\r"}, {"\\t", "\t"}, {"\\u0041", "A"}, {"\\u00e9", "\u00e9"}, {"\\u0000", "\u0000"},
            {"\\u001F", "\u001f"}, {"\\u007f", "\u007f"}, {"\\ud83d\\ude00", "\ud83d\ude00"},
            {"\u00e9", "\u00e9"},
            {"\u77ff\u5de5", "\u77ff\u5de5"}, {"\ud83d\ude00", "\ud83d\ude00"}, {"~!", "~!"}, {"\\ud800x"},
            {"\\udc00x"}, {"\t"}, {"\\x"}, {"\\u12"}};

    private static Value string(String value) {
        return new Value("\"" + value + "\"", Kind.STRING, value, null, 0, false); // value needs no escape
    }

    private static Value array(SplittableRandom r, List<Value> elements) {
        StringBuilder text = new StringBuilder("[");
        int depth = 0;
        boolean unparsable = false;
        for (int i = 0; i < elements.size(); i++) {
            Value element = elements.get(i);
            text.append(i == 0 ? "" : ",").append(ws(r)).append(element.text());
            depth = Math.max(depth, element.depth());
            unparsable |= element.unparsable();
        }
        return new Value(text.append(']').toString(), Kind.ARRAY, null, null, depth + 1, unparsable,
                List.copyOf(elements));
    }

    private static Value object(SplittableRandom r, int depth) {
        StringBuilder text = new StringBuilder("{");
        int inner = 0;
        boolean unparsable = false;
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Value key = string(r);
            Value value = value(r, depth);
            text.append(i == 0 ? "" : ",").append(key.text()).append(':').append(value.text());
            inner = Math.max(inner, value.depth());
            unparsable |= key.unparsable() || value.unparsable();
        }
        return new Value(text.append('}').toString(), Kind.OBJECT, null, null, inner + 1, unparsable);
    }

    /** {@code depth} nested arrays. */
    private static Value deep(int depth) {
        List<Value> inner = depth > 1 ? List.of(deep(depth - 1)) : List.of();
        return new Value("[".repeat(depth) + "]".repeat(depth), Kind.ARRAY, null, null, depth, false, inner);
    }

    private static Member member(String name, Value value) {
        return new Member(string(name), value);
    }

    private static String ws(SplittableRandom r) {
        return WHITESPACE[r.nextInt(WHITESPACE.length)];
    }

    private static String pick(SplittableRandom r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static Value pickValue(SplittableRandom r, Value... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static <T> void shuffle(SplittableRandom r, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
