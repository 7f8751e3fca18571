package org.stratumlab.cli.options;

import java.math.BigInteger;
import org.stratumlab.loadgen.run.StartAt;
import org.stratumlab.loadgen.units.Units;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.octopus.OctopusStage;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option converters shared by the subcommands. Each throws {@link TypeConversionException} with what is wrong;
 * picocli prefixes the option's name, so the user gets one line naming the option and the problem.
 */
public final class Converters {
    private Converters() {
    }

    /** A nonce or boundary: optional 0x, at most 64 hex digits (the node's nonce rule, docs/protocol.md §5). */
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

    /** A proof-of-work algorithm's name: {@code keccak} or {@code octopus}. */
    public static final class PowName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return PowAlgorithms.requireKnown(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A block height in decimal, 0 to the highest Octopus supports ({@link OctopusStage#MAX_HEIGHT}). */
    public static final class Height implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long height;
            try {
                height = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a decimal integer");
            }
            if (height < 0 || height > OctopusStage.MAX_HEIGHT) {
                throw new TypeConversionException(
                        "height must be 0 to " + OctopusStage.MAX_HEIGHT + ", was " + height);
            }
            return height;
        }
    }

    /** How many times to run: a whole number, at least 1. */
    public static final class Times implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int times;
            try {
                times = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (times < 1) {
                throw new TypeConversionException("must be at least 1, was " + times);
            }
            return times;
        }
    }

    /** When a run begins: an RFC 3339 instant, or {@code +} and a duration from now ({@code +30s}). */
    public static final class StartInstant implements ITypeConverter<java.time.Instant> {
        @Override
        public java.time.Instant convert(String value) {
            try {
                return StartAt.parse(value, java.time.Instant.now());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A duration with its unit ({@code 500ms}, {@code 10s}); converts to nanoseconds. */
    public static final class DurationNs implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Units.durationNs(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A size in bytes: {@code 16384}, {@code 16k}, {@code 1m} (k = 1024). */
    public static final class SizeBytes implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Units.sizeBytes(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
