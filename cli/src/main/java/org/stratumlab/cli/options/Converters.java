package org.stratumlab.cli.options;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option converters shared by the subcommands. Each throws {@link TypeConversionException} with what is wrong;
 * picocli prefixes the option's name, so the user gets one line naming the option and the problem.
 */
public final class Converters {
    private Converters() {
    }

    /** A nonce or boundary: optional 0x, at most 64 hex digits (the node's nonce rule, SPEC.md §5). */
    public static final class Number implements ITypeConverter<U256> {
        @Override
        public U256 convert(String value) {
            try {
                return U256.parseHex(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A problem hash: optional 0x and exactly 64 hex digits, as the node requires of a submit's pow_hash. */
    public static final class Hash implements ITypeConverter<U256> {
        @Override
        public U256 convert(String value) {
            U256 hash = new Number().convert(value);
            int digits = value.length() - (value.startsWith("0x") || value.startsWith("0X") ? 2 : 0);
            if (digits != 64) {
                throw new TypeConversionException("'" + value + "' has " + digits
                        + " hex digits, a pow hash has exactly 64");
            }
            return hash;
        }
    }

    /** A difficulty in decimal, at least 1. */
    public static final class DifficultyValue implements ITypeConverter<BigInteger> {
        @Override
        public BigInteger convert(String value) {
            try {
                return Difficulty.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A duration with its unit: {@code 250us}, {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a bare
     * {@code 0} is zero. Converts to nanoseconds.
     */
    public static final class DurationNs implements ITypeConverter<Long> {
        private static final Pattern FORMAT = Pattern
                .compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

        @Override
        public Long convert(String value) {
            if (value.equals("0")) {
                return 0L;
            }
            Matcher m = FORMAT.matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException("'" + value
                        + "' is not a duration: a number and a unit (ns, us, ms, s, m, h), e.g. 500ms or 10s");
            }
            double nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            double ns = Double.parseDouble(m.group(1)) * nanosPerUnit;
            if (ns > Long.MAX_VALUE / 2) {
                throw new TypeConversionException("'" + value + "' is too long a duration");
            }
            return Math.round(ns);
        }
    }

    /** A size in bytes: {@code 16384}, {@code 16k}, {@code 1m} (k = 1024). */
    public static final class SizeBytes implements ITypeConverter<Integer> {
        private static final Pattern FORMAT = Pattern.compile("(\\d+)([kKmM]?)");

        @Override
        public Integer convert(String value) {
            Matcher m = FORMAT.matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException(
                        "'" + value + "' is not a size: bytes, or a number with k or m");
            }
            long multiplier = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1024;
                case "m" -> 1024 * 1024;
                default -> 1;
            };
            long bytes;
            try {
                bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
            } catch (ArithmeticException | NumberFormatException e) {
                bytes = Long.MAX_VALUE;
            }
            if (bytes > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large a size (at most 2g)");
            }
            return (int) bytes;
        }
    }
}
