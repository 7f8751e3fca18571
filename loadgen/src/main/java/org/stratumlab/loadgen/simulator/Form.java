package org.stratumlab.loadgen.simulator;

import java.math.BigInteger;
import java.util.Locale;
import org.stratumlab.loadgen.units.Units;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.ServerSecret;

/**
 * How one kind of server setting is written as text (the command line, scenario files and the fork pipe all
 * write it so) and echoed into summary.json. {@link #parse} throws {@link IllegalArgumentException} with a
 * message that says what is wrong with the value but not which setting it is: the caller names the setting.
 *
 * @param <T> the value's type
 */
interface Form<T> {
    Class<T> type();

    T parse(String text);

    String format(T value);

    /** @return the value as summary.json holds it */
    default Object echo(T value) {
        return value;
    }

    /** @return the unit the echo's name ends in, e.g. {@code Ms} */
    default String echoUnit() {
        return "";
    }

    static Form<String> text() {
        return of(String.class, String::strip, s -> s);
    }

    static Form<Integer> integer() {
        return of(Integer.class, t -> number(t, "an int", Integer::valueOf), String::valueOf);
    }

    static Form<Long> longInteger() {
        return of(Long.class, t -> number(t, "a long", Long::valueOf), String::valueOf);
    }

    static Form<Boolean> bool() {
        return of(Boolean.class, Form::parseBoolean, String::valueOf);
    }

    static Form<BigInteger> difficulty() {
        return new Plain<>(BigInteger.class, t -> Difficulty.parse(t.strip()), BigInteger::toString) {
            @Override
            public Object echo(BigInteger value) {
                return value.toString(); // beyond a JSON number's precision
            }
        };
    }

    static Form<Dialect> dialect() {
        return new Plain<>(Dialect.class, t -> Dialect.byName(t.strip()), Dialect::name) {
            @Override
            public Object echo(Dialect value) {
                return value.name();
            }
        };
    }

    /** A proof-of-work algorithm's name, checked against the known ones. */
    static Form<String> pow() {
        return of(String.class, t -> PowAlgorithms.requireKnown(t.strip()), s -> s);
    }

    /** A Netty transport's name or {@code auto}; a transport this machine refuses is refused here, saying why. */
    static Form<String> transport() {
        return of(String.class, NettyTransport::requireAvailable, s -> s);
    }

    /** Nanoseconds, written with a unit ({@code 500ms}); echoed in milliseconds. */
    static Form<Long> durationNs() {
        return new Plain<>(Long.class, Units::durationNs, Units::formatDurationNs) {
            @Override
            public Object echo(Long value) {
                return value / 1e6;
            }

            @Override
            public String echoUnit() {
                return "Ms";
            }
        };
    }

    /** Bytes: {@code 16384}, {@code 16k}. */
    static Form<Integer> sizeBytes() {
        return of(Integer.class, Units::sizeBytes, String::valueOf);
    }

    /** The node's stratum_secret as 64 hex digits. */
    static Form<ServerSecret> secretHex() {
        return of(ServerSecret.class, t -> ServerSecret.ofHex(t.strip()), ServerSecret::toHex);
    }

    /** A password, kept only as its secret: it can be read, never written back. */
    static Form<ServerSecret> password() {
        return of(ServerSecret.class, ServerSecret::ofPassword, s -> {
            throw new UnsupportedOperationException("a password is kept only as its secret");
        });
    }

    private static <T> Form<T> of(Class<T> type, java.util.function.Function<String, T> parse,
            java.util.function.Function<T, String> format) {
        return new Plain<>(type, parse, format);
    }

    private static <N> N number(String text, String what, java.util.function.Function<String, N> parse) {
        try {
            return parse.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean");
        };
    }

    /** A form made of two functions. */
    class Plain<T> implements Form<T> {
        private final Class<T> type;
        private final java.util.function.Function<String, T> parse;
        private final java.util.function.Function<T, String> format;

        Plain(Class<T> type, java.util.function.Function<String, T> parse,
                java.util.function.Function<T, String> format) {
            this.type = type;
            this.parse = parse;
            this.format = format;
        }

        @Override
        public Class<T> type() {
            return type;
        }

        @Override
        public T parse(String text) {
            return parse.apply(text);
        }

        @Override
        public String format(T value) {
            return format.apply(value);
        }
    }
}
