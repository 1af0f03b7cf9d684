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

    /** The outcome of parsing: an address or the reason there is none. */
    public sealed interface Outcome permits Address, Problem {
    }

    /** An address as an unsigned integer of {@code bits} (32 or 128) bits. */
    public record Address(BigInteger value, int bits) implements Outcome {
    }

    /** Why text is not an address: a message and the 0-based character range {@code [from, to)} at fault. */
    public record Problem(String message, int from, int to) implements Outcome {
    }

    /** The address, or empty when {@code text} is not exactly one IPv4 or IPv6 address. */
    public static Optional<Address> parse(String text) {
        return parse(text, 0, text.length()) instanceof Address a ? Optional.of(a) : Optional.empty();
    }

    /** Parses {@code text[from, to)}; a problem's offsets are into {@code text}. */
    public static Outcome parse(String text, int from, int to) {
        if (from >= to) {
            return new Problem("empty address", from, to);
        }
        Parser p = new Parser(text);
        BigInteger value = text.substring(from, to).indexOf(':') >= 0 ? p.v6(from, to) : p.v4(from, to);
        return value == null ? p.problem : new Address(value, text.substring(from, to).indexOf(':') >= 0 ? 128 : 32);
    }

    /** One parse; the first problem found is kept in {@link #problem} and the methods then return null or -1. */
    private static final class Parser {
        private final String text;
        Problem problem;

        Parser(String text) {
            this.text = text;
        }

        private <T> T fail(String message, int from, int to) {
            problem = new Problem(message, from, to);
            return null;
        }

        BigInteger v4(int from, int to) {
            long value = 0;
            int start = from;
            int octets = 0;
            for (int i = from; i <= to; i++) {
                if (i < to && text.charAt(i) != '.') {
                    continue;
                }
                if (++octets > 4) {
                    return fail("an IPv4 address has four octets", start - 1, to);
                }
                int octet = octet(start, i);
                if (octet < 0) {
                    return null;
                }
                value = (value << 8) | octet;
                start = i + 1;
            }
            if (octets != 4) {
                return fail("an IPv4 address has four octets, found " + octets, from, to);
            }
            return BigInteger.valueOf(value);
        }

        private int octet(int from, int to) {
            if (from == to) {
                fail("empty IPv4 octet", from, Math.min(to + 1, text.length()));
                return -1;
            }
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    fail("unexpected character '" + c + "' in an IPv4 address", i, i + 1);
                    return -1;
                }
            }
            if (to - from > 1 && text.charAt(from) == '0') {
                fail("IPv4 octet with a leading zero (read as octal by some tools)", from, to);
                return -1;
            }
            if (to - from > 3 || Integer.parseInt(text.substring(from, to)) > 255) {
                fail("IPv4 octet out of range 0-255", from, to);
                return -1;
            }
            return Integer.parseInt(text.substring(from, to));
        }

        BigInteger v6(int from, int to) {
            int gap = text.indexOf("::", from);
            if (gap >= to - 1) {
                gap = -1;
            }
            if (gap >= 0) {
                int second = text.indexOf("::", gap + 1);
                if (second >= 0 && second < to - 1) {
                    return fail("'::' may appear only once in an IPv6 address", second, second + 2);
                }
            }
            if (gap < 0) {
                Groups all = groups(from, to, true);
                if (all == null) {
                    return null;
                }
                return all.count == 8 ? all.value
                        : fail("an IPv6 address has eight groups (or '::'), found " + all.count, from, to);
            }
            Groups head = groups(from, gap, false);
            Groups tail = head == null ? null : groups(gap + 2, to, true);
            if (tail == null) {
                return null;
            }
            // RFC 4291 2.2: "::" stands for one or more groups of zeros, so at most seven groups are written.
            if (head.count + tail.count > 7) {
                return fail("'::' must stand for at least one zero group", gap, gap + 2);
            }
            return head.value.shiftLeft(16 * (8 - head.count)).or(tail.value);
        }

        /** Colon-separated hex groups in {@code [from, to)}; an IPv4 tail (when allowed) counts as two groups. */
        private Groups groups(int from, int to, boolean tailAllowed) {
            BigInteger value = BigInteger.ZERO;
            int n = 0;
            if (from == to) {
                return new Groups(value, 0);
            }
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i < to && text.charAt(i) != ':') {
                    continue;
                }
                if (i == to && tailAllowed && text.substring(start, i).indexOf('.') >= 0) {
                    BigInteger v4 = v4(start, i);
                    if (v4 == null) {
                        return null;
                    }
                    value = value.shiftLeft(32).or(v4);
                    n += 2;
                } else {
                    int g = hexGroup(start, i);
                    if (g < 0) {
                        return null;
                    }
                    value = value.shiftLeft(16).or(BigInteger.valueOf(g));
                    n++;
                }
                if (n > 8) {
                    return fail("an IPv6 address has at most eight groups", start, to);
                }
                start = i + 1;
            }
            return new Groups(value, n);
        }

        private int hexGroup(int from, int to) {
            if (from == to) {
                fail("empty IPv6 group", Math.max(0, from - 1), Math.min(text.length(), to + 1));
                return -1;
            }
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    fail("unexpected character '" + c + "' in an IPv6 address", i, i + 1);
                    return -1;
                }
            }
            if (to - from > 4) {
                fail("an IPv6 group has at most four hex digits", from, to);
                return -1;
            }
            return Integer.parseInt(text.substring(from, to), 16);
        }
    }

    /** Parsed groups: their value and how many 16-bit groups they fill. */
    private record Groups(BigInteger value, int count) {
    }
}
