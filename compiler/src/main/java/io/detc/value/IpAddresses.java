package io.detc.value;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A strict, offline parser for IPv4 and IPv6 address text. It exists because {@code InetAddress.getByName} resolves
 * host names over DNS and accepts legacy forms ({@code 10.1}, octal {@code 010.0.0.1}); a rule compiler must never
 * do network I/O on rule text and must give one meaning to each spelling.
 *
 * <p>Accepted: dotted-quad IPv4 with decimal octets 0-255 and no leading zeros (RFC 6943 section 3.1.1 warns that
 * {@code 010} is octal for some parsers, so it is rejected as Python's {@code ipaddress} does); IPv6 in every RFC 4291
 * section 2.2 form: eight groups of 1-4 hex digits, one {@code ::} for one or more zero groups, and an embedded IPv4
 * tail ({@code ::ffff:1.2.3.4}). Rejected: zone ids ({@code %eth0}), brackets, whitespace, signs.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** An address as an unsigned integer of {@code bits} (32 or 128) bits. */
    public record Address(BigInteger value, int bits) {
    }

    /** Why text is not an address: a message and the 0-based character range {@code [from, to)} at fault. */
    public record Problem(String message, int from, int to) {
    }

    /** The address, or empty when {@code text} is not exactly one IPv4 or IPv6 address. */
    public static Optional<Address> parse(String text) {
        Object r = parseOrProblem(text, 0, text.length());
        return r instanceof Address a ? Optional.of(a) : Optional.empty();
    }

    /** Parses {@code text[from, to)}; returns an {@link Address} or a {@link Problem} with absolute offsets. */
    static Object parseOrProblem(String text, int from, int to) {
        if (from >= to) {
            return new Problem("empty address", from, to);
        }
        boolean v6 = text.substring(from, to).indexOf(':') >= 0;
        return v6 ? parseV6(text, from, to) : parseV4(text, from, to);
    }

    private static Object parseV4(String text, int from, int to) {
        long value = 0;
        int start = from;
        int octets = 0;
        for (int i = from; i <= to; i++) {
            if (i < to && text.charAt(i) != '.') {
                continue;
            }
            octets++;
            if (octets > 4) {
                return new Problem("an IPv4 address has four octets", start - 1, to);
            }
            Object octet = octet(text, start, i);
            if (octet instanceof Problem p) {
                return p;
            }
            value = (value << 8) | (Integer) octet;
            start = i + 1;
        }
        if (octets != 4) {
            return new Problem("an IPv4 address has four octets, found " + octets, from, to);
        }
        return new Address(BigInteger.valueOf(value), 32);
    }

    private static Object octet(String text, int from, int to) {
        if (from == to) {
            return new Problem("empty IPv4 octet", from, Math.min(to + 1, text.length()));
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return new Problem("unexpected character '" + c + "' in an IPv4 address", i, i + 1);
            }
        }
        if (to - from > 1 && text.charAt(from) == '0') {
            return new Problem("IPv4 octet with a leading zero (read as octal by some tools)", from, to);
        }
        if (to - from > 3 || Integer.parseInt(text.substring(from, to)) > 255) {
            return new Problem("IPv4 octet out of range 0-255", from, to);
        }
        return Integer.parseInt(text.substring(from, to));
    }

    private static Object parseV6(String text, int from, int to) {
        int gap = text.indexOf("::", from);
        if (gap >= to - 1) {
            gap = -1;
        }
        if (gap >= 0) {
            int second = text.indexOf("::", gap + 1);
            if (second >= 0 && second < to - 1) {
                return new Problem("'::' may appear only once in an IPv6 address", second, second + 2);
            }
        }
        BigInteger[] head = new BigInteger[1];
        int[] headCount = new int[1];
        Object problem;
        if (gap < 0) {
            problem = groups(text, from, to, head, headCount, true);
            if (problem != null) {
                return problem;
            }
            if (headCount[0] != 8) {
                return new Problem("an IPv6 address has eight groups (or '::'), found " + headCount[0], from, to);
            }
            return new Address(head[0], 128);
        }
        problem = groups(text, from, gap, head, headCount, false);
        if (problem != null) {
            return problem;
        }
        BigInteger[] tail = new BigInteger[1];
        int[] tailCount = new int[1];
        problem = groups(text, gap + 2, to, tail, tailCount, true);
        if (problem != null) {
            return problem;
        }
        // RFC 4291 2.2: "::" stands for one or more groups of zeros, so at most seven groups are written.
        if (headCount[0] + tailCount[0] > 7) {
            return new Problem("'::' must stand for at least one zero group", gap, gap + 2);
        }
        return new Address(head[0].shiftLeft(16 * (8 - headCount[0])).or(tail[0]), 128);
    }

    /**
     * Reads colon-separated hex groups in {@code [from, to)} into {@code out[0]} and their count (an IPv4 tail counts
     * as two) into {@code count[0]}; returns a {@link Problem} or null.
     */
    private static Object groups(String text, int from, int to, BigInteger[] out, int[] count, boolean tailAllowed) {
        BigInteger value = BigInteger.ZERO;
        int n = 0;
        if (from == to) {
            out[0] = value;
            count[0] = 0;
            return null;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && text.charAt(i) != ':') {
                continue;
            }
            String group = text.substring(start, i);
            if (i == to && tailAllowed && group.indexOf('.') >= 0) {
                Object v4 = parseV4(text, start, i);
                if (v4 instanceof Problem p) {
                    return p;
                }
                value = value.shiftLeft(32).or(((Address) v4).value());
                n += 2;
            } else {
                Object g = hexGroup(text, start, i);
                if (g instanceof Problem p) {
                    return p;
                }
                value = value.shiftLeft(16).or(BigInteger.valueOf((Integer) g));
                n++;
            }
            if (n > 8) {
                return new Problem("an IPv6 address has at most eight groups", start, to);
            }
            start = i + 1;
        }
        out[0] = value;
        count[0] = n;
        return null;
    }

    private static Object hexGroup(String text, int from, int to) {
        if (from == to) {
            return new Problem("empty IPv6 group", Math.max(0, from - 1), Math.min(text.length(), to + 1));
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return new Problem("unexpected character '" + c + "' in an IPv6 address", i, i + 1);
            }
        }
        if (to - from > 4) {
            return new Problem("an IPv6 group has at most four hex digits", from, to);
        }
        return Integer.parseInt(text.substring(from, to), 16);
    }
}
