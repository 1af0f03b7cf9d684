package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.ir.Matcher.CompareOp;
import java.math.BigDecimal;

/**
 * A numeric comparison ({@code eq} for a plain number, {@code lt}/{@code lte}/{@code gt}/{@code gte}).
 *
 * <p>What counts as the event's number:
 * <ul>
 *   <li>a JSON integer: its exact value;</li>
 *   <li>a JSON fraction or exponent (parsed as a double): the shortest decimal that reads back as that double
 *       ({@link BigDecimal#valueOf(double)}), i.e. what the event most likely wrote, so {@code 0.1} equals a rule's
 *       {@code 0.1}; non-finite doubles compare with nothing;</li>
 *   <li>a string that is, exactly and wholly, {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}: its decimal value.
 *       No trimming, no {@code +}, no {@code .5}, no hex: {@code " 5"} is not a number;</li>
 *   <li>nothing else: booleans, null, objects.</li>
 * </ul>
 * Equality also holds when a string value is the rule's literal as written, ignoring case, so a rule's {@code 0x1F}
 * matches the string {@code "0x1f"}. Comparison is exact ({@link BigDecimal#compareTo}, so {@code 1.0} equals
 * {@code 1}); fast paths on {@code long} and {@code double} give the same answers without allocating.
 */
final class NumberLeaf implements Leaf {
    /** Sentinel of {@link #compare}: the value is not a number. */
    private static final int NONE = Integer.MIN_VALUE;
    /** Up to 18 digits always fit in a long. */
    private static final int LONG_DIGITS = 18;

    private final CompareOp op;
    private final BigDecimal value;
    private final String literal;
    private final boolean isLong;
    private final long asLong;
    /**
     * True when the rule's value is exactly what {@link BigDecimal#valueOf(double)} gives for its own double. Then
     * comparing doubles is the same as comparing the events' shortest decimals, because that mapping is monotonic.
     */
    private final boolean doubleSafe;
    private final double asDouble;

    NumberLeaf(CompareOp op, BigDecimal value, String literal) {
        this.op = op;
        this.value = value;
        this.literal = literal;
        BigDecimal integral = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        this.isLong = integral.scale() <= 0 && integral.toBigInteger().bitLength() < 64;
        this.asLong = isLong ? integral.longValueExact() : 0;
        this.asDouble = value.doubleValue();
        this.doubleSafe = Double.isFinite(asDouble) && BigDecimal.valueOf(asDouble).compareTo(value) == 0;
    }

    @Override
    public boolean test(JsonNode v) {
        if (v.isNumber()) {
            return accept(compareNumber(v));
        }
        if (v.isTextual()) {
            String s = v.textValue();
            if (op == CompareOp.EQ && CaseFolding.equals(s, literal, true)) {
                return true;
            }
            return accept(compareText(s));
        }
        return false;
    }

    private boolean accept(int cmp) {
        if (cmp == NONE) {
            return false;
        }
        return switch (op) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
        };
    }

    private int compareNumber(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? compareLong(v.longValue()) : v.decimalValue().compareTo(value);
        }
        if (v.isBigDecimal()) {
            return v.decimalValue().compareTo(value);
        }
        if (v.isFloat()) {
            float f = v.floatValue();
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)).compareTo(value) : NONE;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            return NONE;
        }
        if (doubleSafe) {
            return d < asDouble ? -1 : d > asDouble ? 1 : 0; // -0.0 equals 0.0, as in BigDecimal
        }
        return BigDecimal.valueOf(d).compareTo(value);
    }

    private int compareLong(long x) {
        if (isLong) {
            return Long.compare(x, asLong);
        }
        return BigDecimal.valueOf(x).compareTo(value);
    }

    private int compareText(String s) {
        int n = s.length();
        int i = s.startsWith("-") ? 1 : 0;
        int digitsEnd = digits(s, i);
        if (digitsEnd == i) {
            return NONE;
        }
        if (digitsEnd == n) {
            if (n - i <= LONG_DIGITS) {
                return compareLong(parseLong(s, i, n));
            }
            return new BigDecimal(s).compareTo(value);
        }
        int end = digitsEnd;
        if (s.charAt(end) == '.') {
            int fraction = digits(s, end + 1);
            if (fraction == end + 1) {
                return NONE;
            }
            end = fraction;
        }
        if (end < n && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int from = end + 1 < n && (s.charAt(end + 1) == '+' || s.charAt(end + 1) == '-') ? end + 2 : end + 1;
            int exponent = digits(s, from);
            if (exponent == from) {
                return NONE;
            }
            end = exponent;
        }
        if (end != n) {
            return NONE;
        }
        try {
            return new BigDecimal(s).compareTo(value);
        } catch (NumberFormatException e) {
            return NONE; // an exponent beyond BigDecimal's range: not a number we can compare
        }
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static long parseLong(String s, int from, int to) {
        long x = 0;
        for (int i = from; i < to; i++) {
            x = x * 10 + (s.charAt(i) - '0');
        }
        return from == 1 ? -x : x;
    }
}
