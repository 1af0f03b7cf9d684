package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.value.Cidr;
import io.detc.value.Cidrs;

/**
 * A string value that is an IPv4 or IPv6 address inside the network; anything else (numbers, host names, address
 * text with a port or a zone) never matches. The meaning is exactly {@link Cidrs#contains} (including its
 * IPv4-mapped IPv6 addresses; surrounding whitespace makes a value no address); dotted-quad text against an IPv4 network
 * takes an allocation-free path that parses as {@link io.detc.value.IpAddresses} does, and the tests hold the two
 * equal.
 */
final class CidrLeaf implements Leaf {
    private final Cidr network;
    private final boolean v4;
    private final int net;
    private final int mask;

    CidrLeaf(Cidr network) {
        this.network = network;
        this.v4 = !network.isIpv6();
        this.mask = v4 && network.prefix() > 0 ? -1 << (32 - network.prefix()) : 0;
        this.net = v4 ? network.network().intValue() : 0;
    }

    @Override
    public boolean test(JsonNode v) {
        if (!v.isTextual()) {
            return false;
        }
        String s = v.textValue();
        if (s.indexOf(':') >= 0) {
            return Cidrs.contains(network, s);
        }
        if (!v4) {
            return false; // IPv4 text is never inside an IPv6 network (only the reverse mapping exists)
        }
        long a = ipv4(s);
        return a >= 0 && ((int) a & mask) == net;
    }

    /** The dotted-quad address that is exactly {@code s} (no surrounding spaces: backends would not trim), or -1. */
    static long ipv4(String s) {
        int from = 0;
        int to = s.length();
        long value = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 3 || octet > 255 || (len > 1 && s.charAt(start) == '0')) {
                return -1; // empty, too long, out of range, or a leading zero (octal to some parsers)
            }
            value = (value << 8) | octet;
            octets++;
            if (i == to) {
                return octets == 4 ? value : -1;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
    }
}
