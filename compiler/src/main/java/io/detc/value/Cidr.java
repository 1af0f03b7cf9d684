package io.detc.value;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 network: {@code network} is the address with host bits cleared, as an unsigned integer of
 * {@code bits} (32 or 128) bits, and {@code prefix} is the prefix length. {@code text} is the rule's spelling.
 * Built by {@link Cidrs#parse(String)}, which also holds membership ({@link Cidrs#contains}) and printing.
 */
public record Cidr(String text, BigInteger network, int prefix, int bits) {
    public boolean isIpv6() {
        return bits == 128;
    }
}
