package io.detc.value;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Parsing, printing and membership for {@link Cidr} networks, kept next to the record so that the lowering (which
 * checks {@code |cidr} values) and the evaluator (which matches addresses) share one definition.
 *
 * <p>Choices where the spec (sigma-appendix-modifiers.md, "IP (Internet Protocol) Modifiers": "Supports both IPv4
 * and IPv6 notations") leaves room:
 * <ul>
 *   <li>the prefix is optional: a bare address is a host network ({@code /32} or {@code /128});</li>
 *   <li>host bits may be set ({@code 10.0.0.1/8}) and are cleared silently, as pySigma's
 *       {@code ip_network(strict=False)} does: the rule's intent is unambiguous;</li>
 *   <li>only prefix lengths are accepted, not netmask forms such as {@code /255.0.0.0};</li>
 *   <li>address text follows {@link IpAddresses} (no leading zeros in IPv4 octets, no zone ids).</li>
 * </ul>
 */
public final class Cidrs {
    private static final BigInteger V4_MAPPED_PREFIX = BigInteger.valueOf(0xffffL).shiftLeft(32);

    private Cidrs() {
    }

    /** A network, or empty when {@code text} is not one (see {@link #check(String)} for why). */
    public static Optional<Cidr> parse(String text) {
        return checked(text).cidr();
    }

    /** Why {@code text} is not a network (offsets into {@code text}), or empty when it is one. */
    public static Optional<IpAddresses.Problem> check(String text) {
        return checked(text).problem();
    }

    /**
     * Whether the address {@code ip} lies in {@code network}. False when {@code ip} is not an address. An
     * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, RFC 4291 2.5.5.2) is the IPv4 host it maps, because
     * dual-stack servers log IPv4 clients that way.
     */
    public static boolean contains(Cidr network, String ip) {
        Optional<IpAddresses.Address> parsed = IpAddresses.parse(ip);
        if (parsed.isEmpty()) {
            return false;
        }
        IpAddresses.Address a = parsed.get();
        BigInteger value = a.value();
        if (a.bits() == 128 && network.bits() == 32 && value.shiftRight(32).equals(BigInteger.valueOf(0xffff))) {
            value = value.subtract(V4_MAPPED_PREFIX);
        } else if (a.bits() != network.bits()) {
            return false;
        }
        return mask(value, network.prefix(), network.bits()).equals(network.network());
    }

    /** The canonical spelling: the network address (RFC 5952 form for IPv6) and the prefix. */
    public static String format(Cidr c) {
        return formatAddress(c.network(), c.bits()) + "/" + c.prefix();
    }

    /** An address as text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run of 2+ groups as "::"). */
    public static String formatAddress(BigInteger value, int bits) {
        if (bits == 32) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    /** Exactly one of a network and a problem. */
    private record Checked(Optional<Cidr> cidr, Optional<IpAddresses.Problem> problem) {
        static Checked of(IpAddresses.Problem p) {
            return new Checked(Optional.empty(), Optional.of(p));
        }
    }

    private static Checked checked(String text) {
        int slash = text.indexOf('/');
        IpAddresses.Outcome a = IpAddresses.parse(text, 0, slash < 0 ? text.length() : slash);
        if (a instanceof IpAddresses.Problem p) {
            return Checked.of(p);
        }
        IpAddresses.Address address = (IpAddresses.Address) a;
        int prefix = address.bits();
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return Checked.of(new IpAddresses.Problem("a prefix length is a decimal number", slash, text.length()));
            }
            prefix = Integer.parseInt(digits);
            if (prefix > address.bits()) {
                return Checked.of(new IpAddresses.Problem("prefix length " + prefix + " is larger than "
                        + address.bits() + " for an IPv" + (address.bits() == 32 ? 4 : 6) + " network",
                        slash + 1, text.length()));
            }
        }
        Cidr c = new Cidr(text, mask(address.value(), prefix, address.bits()), prefix, address.bits());
        return new Checked(Optional.of(c), Optional.empty());
    }

    private static BigInteger mask(BigInteger value, int prefix, int bits) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return value.and(all.xor(host));
    }
}
