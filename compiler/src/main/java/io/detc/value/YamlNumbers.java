package io.detc.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * The numeric value of a YAML 1.2 core-schema int or float scalar, exactly (no {@code double} rounding), because
 * Sigma compares event ids and sizes that must not drift.
 *
 * <p>Forms (YAML 1.2.2, section 10.3.2 "Tag Resolution"): {@code [-+]?[0-9]+}, {@code 0o[0-7]+},
 * {@code 0x[0-9a-fA-F]+}, and decimal floats with an optional exponent. {@code .inf} and {@code .nan} have no
 * exact value and give empty.
 */
public final class YamlNumbers {
    private YamlNumbers() {
    }

    /** The number {@code text} spells, or empty when it is not a finite YAML number. */
    public static Optional<BigDecimal> parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0o")) {
                int radix = t.charAt(1) == 'x' ? 16 : 8;
                return Optional.of(new BigDecimal(new BigInteger(t.substring(2), radix)));
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.contains("inf") || lower.contains("nan") || t.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BigDecimal(t.startsWith("+") ? t.substring(1) : t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
