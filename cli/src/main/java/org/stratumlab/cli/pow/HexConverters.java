package org.stratumlab.cli.pow;

import java.math.BigInteger;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters for the pow tools. picocli prefixes their messages with the option's name. */
final class HexConverters {
    private HexConverters() {
    }

    /** A nonce or boundary: optional 0x, at most 64 hex digits (the node's nonce rule, SPEC.md §5). */
    static final class Number implements ITypeConverter<U256> {
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
    static final class Hash implements ITypeConverter<U256> {
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
    static final class DifficultyValue implements ITypeConverter<BigInteger> {
        @Override
        public BigInteger convert(String value) {
            try {
                return Difficulty.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
