package io.detc.backend.sql;

import io.detc.value.Cidr;
import java.math.BigInteger;

/**
 * Address text as {@link io.detc.value.IpAddresses} reads it, as regular expressions every dialect's engine runs
 * (RE2, PostgreSQL ARE and Java regexes agree on this subset: character classes, bounded repeats, alternation), and
 * the first and last address of a network as hex.
 */
final class SqlIp {
    private SqlIp() {
    }

    /** An IPv4 octet without leading zeros: 0-255. */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** A dotted quad (unanchored). */
    static final String V4 = OCTET + "(\\." + OCTET + "){3}";
    private static final String H = "[0-9A-Fa-f]{1,4}";

    /**
     * Every RFC 4291 section 2.2 form IpAddresses accepts (unanchored): eight groups; one {@code ::} standing for at
     * least one zero group; an IPv4 tail counting as two groups.
     */
    static final String V6 = v6();

    private static String v6() {
        StringBuilder b = new StringBuilder("(");
        b.append("(").append(H).append(":){7}").append(H);                 // 8 groups
        b.append("|(").append(H).append(":){1,7}:");                       // head, then '::' at the end
        b.append("|:(:").append(H).append("){1,7}");                       // '::' then a tail
        b.append("|::");                                                   // all zeros
        for (int n = 1; n <= 6; n++) {                                     // head '::' tail, n + m <= 7
            b.append("|(").append(H).append(":){").append(n).append("}(:").append(H).append("){1,")
                    .append(7 - n).append("}");
        }
        b.append("|(").append(H).append(":){6}").append(V4);               // 6 groups and IPv4
        b.append("|::(").append(H).append(":){0,5}").append(V4);           // '::', up to 5 groups, IPv4
        for (int n = 1; n <= 5; n++) {                                     // head '::' tail IPv4, n + m <= 5
            b.append("|(").append(H).append(":){").append(n).append("}:(").append(H).append(":){0,")
                    .append(5 - n).append("}").append(V4);
        }
        return b.append(")").toString();
    }

    /** The lowest address of the network as hex (8 or 32 digits). */
    static String low(Cidr c) {
        return SqlFunctions.hex(c.network(), c.bits());
    }

    /** The highest address of the network as hex. */
    static String high(Cidr c) {
        BigInteger host = BigInteger.ONE.shiftLeft(c.bits() - c.prefix()).subtract(BigInteger.ONE);
        return SqlFunctions.hex(c.network().or(host), c.bits());
    }
}
