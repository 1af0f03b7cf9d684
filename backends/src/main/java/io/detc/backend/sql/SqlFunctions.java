package io.detc.backend.sql;

import io.detc.eval.Timestamps;
import io.detc.ir.Matcher.TimeUnit;
import io.detc.value.IpAddresses;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The reference definitions of the helper functions the generated SQL calls ({@code detc_fold}, {@code detc_ip},
 * {@code detc_numkey}, {@code detc_timepart}). Each is the evaluator's own rule, restated as a function of one text:
 * DuckDB and PostgreSQL get them as SQL macros/functions ({@link SqlPrelude}), SQLite as Java functions registered
 * through its JDBC driver (these very methods). The engine tests hold every SQL definition equal to these on
 * hostile and random inputs, and the differential tests hold these equal to the evaluator.
 */
public final class SqlFunctions {
    /** Width of the exponent field of a {@link #numkey} (the exponent is offset by 10^10, so it is never negative). */
    static final int EXPONENT_WIDTH = 11;
    static final long EXPONENT_OFFSET = 10_000_000_000L;

    private SqlFunctions() {
    }

    /**
     * One code point folded as the evaluator compares text ignoring case: {@code toLowerCase(toUpperCase(c))}, Java's
     * {@code equalsIgnoreCase} rule per code point (docs/semantics.md, "Case"). Idempotent; never changes the number
     * of code points.
     */
    public static int fold(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        }
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** {@code s} folded code point by code point; null stays null. */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(fold(cp)));
        return b.toString();
    }

    /**
     * The address {@code s} is, as lower-case hex: 8 digits for IPv4, 32 for IPv6; null when {@code s} is not exactly
     * one address as {@link IpAddresses} reads them (no trimming, no leading zeros in IPv4 octets, no zone ids).
     */
    public static String ip(String s) {
        if (s == null) {
            return null;
        }
        Optional<IpAddresses.Address> a = IpAddresses.parse(s);
        if (a.isEmpty()) {
            return null;
        }
        String hex = a.get().value().toString(16);
        int width = a.get().bits() / 4;
        return "0".repeat(width - hex.length()) + hex;
    }

    /**
     * An order-preserving text key for a decimal: {@code numkey(a) < numkey(b)} (as strings, code unit order) exactly
     * when {@code a < b} as decimals, and equal exactly when they are equal. Null when {@code s} is not wholly
     * {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?} or is beyond {@link BigDecimal} (an exponent that overflows): the
     * texts the evaluator compares as numbers (docs/semantics.md, "Numbers").
     *
     * <p>Layout: zero is {@code "2"}. A positive value {@code 0.D × 10^p} (D without leading or trailing zeros) is
     * {@code "3"}, then {@code p + 10^10} in 11 digits, then D. A negative value is {@code "1"}, then
     * {@code 10^10 - p} in 11 digits, then D with every digit complemented to 9 and a closing {@code "~"} (greater than
     * every digit, so a shorter D, the smaller magnitude, sorts after a longer one with the same start).
     */
    public static String numkey(String s) {
        if (s == null || !isDecimal(s)) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null; // the evaluator cannot compare it either
        }
        return numkey(d);
    }

    /** The key of a decimal value (the rule side). */
    public static String numkey(BigDecimal d) {
        if (d.signum() == 0) {
            return "2";
        }
        BigDecimal abs = d.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        long pos = (long) digits.length() - abs.scale();
        StringBuilder b = new StringBuilder();
        if (d.signum() > 0) {
            b.append('3').append(pad(pos + EXPONENT_OFFSET)).append(digits);
        } else {
            b.append('1').append(pad(EXPONENT_OFFSET - pos));
            for (int i = 0; i < digits.length(); i++) {
                b.append((char) ('9' - digits.charAt(i) + '0'));
            }
            b.append('~');
        }
        return b.toString();
    }

    private static String pad(long v) {
        String t = Long.toString(v);
        return "0".repeat(EXPONENT_WIDTH - t.length()) + t;
    }

    /** Wholly {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}: no trimming, no {@code +}, no {@code .5}. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = s.startsWith("-") ? 1 : 0;
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int f = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == f) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int e = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == e) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A part of a timestamp text read in its own offset, exactly as the evaluator's time modifiers read it
     * (docs/semantics.md, "Time parts"), or null when the text is not such a timestamp or has no such part (a date
     * alone has no hour or minute). {@code unit} is {@code minute}, {@code hour}, {@code day}, {@code week} (ISO
     * 8601), {@code month} or {@code year}.
     */
    public static Integer timepart(String s, String unit) {
        if (s == null || unit == null) {
            return null;
        }
        int part = Timestamps.part(s, TimeUnit.valueOf(unit.toUpperCase(java.util.Locale.ROOT)));
        return part == Timestamps.NONE ? null : part;
    }

    static int[][] foldMap() {
        return FoldMap.MAP;
    }

    private static final class FoldMap {
        static final int[][] MAP = build();

        private static int[][] build() {
            java.util.List<int[]> out = new java.util.ArrayList<>();
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    continue; // never in well-formed text
                }
                int f = fold(cp);
                if (f != cp) {
                    out.add(new int[] {cp, f});
                }
            }
            return out.toArray(int[][]::new);
        }
    }

    /** {@code 2^bits - 1} as lower-case hex of {@code bits/4} digits' width helpers for CIDR ranges. */
    static String hex(BigInteger v, int bits) {
        String h = v.toString(16);
        return "0".repeat(bits / 4 - h.length()) + h;
    }
}
