package io.detc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CidrsTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("10.0.0.0/8", "10.0.0.0/8"),
                Arguments.of("10.1.2.3/8", "10.0.0.0/8"), // host bits cleared silently
                Arguments.of("192.168.1.7", "192.168.1.7/32"), // bare address: host network
                Arguments.of("0.0.0.0/0", "0.0.0.0/0"),
                Arguments.of("255.255.255.255/32", "255.255.255.255/32"),
                Arguments.of("13.107.18.10/31", "13.107.18.10/31"),
                Arguments.of("::1/128", "::1/128"),
                Arguments.of("::/0", "::/0"),
                Arguments.of("::", "::/128"),
                Arguments.of("fc00::/7", "fc00::/7"),
                Arguments.of("fe80::/10", "fe80::/10"),
                Arguments.of("2603:1006:1400::/40", "2603:1006:1400::/40"),
                Arguments.of("2620:1ec:8f8::/46", "2620:1ec:8f8::/46"),
                Arguments.of("2001:DB8:0:0:0:0:0:1/128", "2001:db8::1/128"),
                Arguments.of("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128"), // RFC 5952: first longest run
                Arguments.of("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0/128"), // :: for one group; one zero is not compressed
                Arguments.of("::ffff:1.2.3.4/128", "::ffff:102:304/128"),
                Arguments.of("::ffff:1.2.3.4/104", "::ffff:100:0/104"),
                Arguments.of("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304/128"),
                Arguments.of("10.0.0.0/08", "10.0.0.0/8"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("valid")
    void parses_validNetworks(String text, String canonical) {
        Cidr c = Cidrs.parse(text).orElseThrow(() -> new AssertionError(Cidrs.check(text)));
        assertEquals(canonical, Cidrs.format(c));
        assertEquals(text, c.text());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("1.2.3.4/33", "prefix length 33 is larger than 32 for an IPv4 network", 8, 10),
                Arguments.of("::1/129", "prefix length 129 is larger than 128 for an IPv6 network", 4, 7),
                Arguments.of("256.0.0.0/8", "IPv4 octet out of range 0-255", 0, 3),
                Arguments.of("10.0.0/8", "an IPv4 address has four octets, found 3", 0, 6),
                Arguments.of("10.0.0.0.0", "an IPv4 address has four octets", 8, 10),
                Arguments.of("010.0.0.0/8", "IPv4 octet with a leading zero (read as octal by some tools)", 0, 3),
                Arguments.of("10..0.0/8", "empty IPv4 octet", 3, 4),
                Arguments.of("10.0.0.a/8", "unexpected character 'a' in an IPv4 address", 7, 8),
                Arguments.of("10.0.0.0/", "a prefix length is a decimal number", 8, 9),
                Arguments.of("10.0.0.0/-1", "a prefix length is a decimal number", 8, 11),
                Arguments.of("10.0.0.0/255.0.0.0", "a prefix length is a decimal number", 8, 18),
                Arguments.of("", "empty address", 0, 0),
                Arguments.of("1::2::3", "'::' may appear only once in an IPv6 address", 4, 6),
                Arguments.of(":::", "'::' may appear only once in an IPv6 address", 1, 3),
                Arguments.of("1:2:3:4:5:6:7:8::", "'::' must stand for at least one zero group", 15, 17),
                Arguments.of("1:2:3:4:5:6:7", "an IPv6 address has eight groups (or '::'), found 7", 0, 13),
                Arguments.of("1:2:3:4:5:6:7:8:9", "an IPv6 address has at most eight groups", 16, 17),
                Arguments.of("12345::", "an IPv6 group has at most four hex digits", 0, 5),
                Arguments.of("fe80::1%eth0", "unexpected character '%' in an IPv6 address", 7, 8),
                Arguments.of("g::1", "unexpected character 'g' in an IPv6 address", 0, 1),
                Arguments.of(":1::", "empty IPv6 group", 0, 1),
                Arguments.of("::1.2.3.4.5", "an IPv4 address has four octets", 9, 11),
                Arguments.of("::ffff:1.2.3.256", "IPv4 octet out of range 0-255", 13, 16),
                Arguments.of("[::1]/128", "unexpected character '[' in an IPv6 address", 0, 1),
                Arguments.of("example.com", "unexpected character 'e' in an IPv4 address", 0, 1),
                Arguments.of(" 10.0.0.0/8", "unexpected character ' ' in an IPv4 address", 0, 1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalid")
    void rejects_invalidNetworks_withThePlace(String text, String message, int from, int to) {
        assertTrue(Cidrs.parse(text).isEmpty());
        IpAddresses.Problem p = Cidrs.check(text).orElseThrow();
        assertEquals(message, p.message());
        assertEquals(from + ".." + to, p.from() + ".." + p.to());
    }

    @Test
    void contains_matchesAddressesInTheNetwork() {
        Cidr v4 = Cidrs.parse("10.0.0.0/8").orElseThrow();
        assertTrue(Cidrs.contains(v4, "10.255.1.2"));
        assertFalse(Cidrs.contains(v4, "11.0.0.1"));
        assertTrue(Cidrs.contains(v4, "::ffff:10.1.2.3")); // IPv4-mapped IPv6 is the IPv4 host
        assertFalse(Cidrs.contains(v4, "::ffff:11.1.2.3"));
        assertFalse(Cidrs.contains(v4, "::10.1.2.3")); // not mapped: an IPv6 address
        assertFalse(Cidrs.contains(v4, "not an ip"));
        assertFalse(Cidrs.contains(v4, "10.0.0.1/32"));
        Cidr v6 = Cidrs.parse("fe80::/10").orElseThrow();
        assertTrue(Cidrs.contains(v6, "fe80::1"));
        assertTrue(Cidrs.contains(v6, "FEBF:ffff::"));
        assertFalse(Cidrs.contains(v6, "fec0::1"));
        assertFalse(Cidrs.contains(v6, "10.0.0.1"));
        assertTrue(Cidrs.contains(Cidrs.parse("0.0.0.0/0").orElseThrow(), "1.2.3.4"));
        assertTrue(Cidrs.contains(Cidrs.parse("::/0").orElseThrow(), "::"));
    }

    @Test
    void parsesAddresses_toUnsignedIntegers() {
        assertEquals(new IpAddresses.Address(BigInteger.valueOf(0x0a000001L), 32), IpAddresses.parse("10.0.0.1").get());
        assertEquals(new IpAddresses.Address(BigInteger.valueOf(0xffffffffL), 32),
                IpAddresses.parse("255.255.255.255").get());
        assertEquals(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                IpAddresses.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").get().value());
        assertEquals(BigInteger.ONE, IpAddresses.parse("::1").get().value());
        assertEquals(BigInteger.ONE.shiftLeft(112), IpAddresses.parse("1::").get().value());
        assertTrue(IpAddresses.parse("localhost").isEmpty()); // never DNS
        assertTrue(IpAddresses.parse("10.1").isEmpty()); // no inet_aton short forms
        assertTrue(IpAddresses.parse("0x0a.0.0.1").isEmpty());
    }
}
