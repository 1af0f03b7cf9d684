package io.detc.engine.property;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The small vocabularies both generators draw from, so rules and events meet often: the field names, strings that
 * stress every target's escaping and case rules, addresses, networks, numbers and timestamps.
 */
public final class Pool {
    /** Rule field names: dotted ones are read nested or from a flat key; {@code tags}, {@code targets} are arrays. */
    public static final List<String> FIELDS = List.of("user", "name", "cmd", "ip", "count", "flag", "actor.id",
            "actor.name", "tags", "targets.type", "targets.name", "note");

    /**
     * Field names that stress how each target quotes a JSON path: a space, quotes, JSONPath syntax, a backslash,
     * LIKE's wildcards, non-ASCII letters.
     */
    public static final List<String> ODD_FIELDS = List.of("odd key", "it's", "q\"uote", "dollar$[0]", "ключ",
            "back\\slash", "per%cent_", "*star?");

    /** The fields correlations group by (values short, so groups collide). */
    public static final List<String> GROUPS = List.of("user", "actor.id");

    /**
     * Strings: mixed case, Sigma wildcards and the escape character as text, LIKE's {@code %} and {@code _},
     * quotes, non-ASCII letters whose case rules differ between engines (Kelvin sign, dotted I, sharp s, final
     * sigma), a character outside the BMP, Windows dashes, and texts that look like other types.
     */
    public static final List<String> STRINGS = List.of("admin", "Admin", "ADMIN", "root", "alice", "Bob",
            "a*b", "a?b", "a\\b", "C:\\Windows\\cmd.exe", "50%", "x_y", "100%_done", "O'Brien", "say \"hi\"",
            "ünïcode", "ÜNÏCODE", "straße", "STRASSE", "\u212a", "k", "İstanbul", "istanbul", "ΣΊΣΥΦΟΣ",
            "σίσυφος",
            "日本語", "smile \uD83D\uDE00", "", " ", "-f", "/f", "\u2013f", "cmd -enc abc", "cmd /enc abc",
            "true", "False", "null", "0", "42", "042", "4.50", "1e3", "-7", "\\*", "end\\", "a.b", "[x]", "(y)");

    /** Strings events may hold that no rule value is written as (control characters, a line break). */
    public static final List<String> EVENT_ONLY = List.of("tab\there", "line\nbreak", "x\ry");

    /** Addresses, valid and not (leading zeros, spaces, a network, IPv4-mapped, upper-case IPv6). */
    public static final List<String> IPS = List.of("10.1.2.3", "10.255.0.1", "192.168.1.20", "192.168.2.1",
            "8.8.8.8", "0.0.0.0", "255.255.255.255", "::1", "2001:db8::5", "2001:DB8:0:0:0:0:0:7", "fe80::1",
            "::ffff:10.1.2.3", "::ffff:192.168.1.20", "010.1.2.3", "10.1.2.3 ", "1.2.3.4/24", "::", "2001:db9::1");

    /** Networks for {@code cidr}. */
    public static final List<String> CIDRS = List.of("10.0.0.0/8", "192.168.1.0/24", "192.168.0.0/16", "8.8.8.8/32",
            "0.0.0.0/0", "2001:db8::/32", "::/0", "::1/128", "fe80::/10", "::ffff:10.0.0.0/104", "10.1.2.0/30");

    /** JSON integer literals (negative zero and one beyond 64 bits included). */
    public static final List<String> INTEGERS = List.of("0", "1", "2", "3", "42", "-7", "100", "-0", "150",
            "12345678901234567890");

    /**
     * JSON numbers with a fraction or an exponent. Rarer in events than integers: a string test on a field holding
     * one is a declared approximation of the SQL targets (the engine prints them its own way), so such a document
     * is left out of the comparison.
     */
    public static final List<String> FRACTIONS = List.of("4.5", "4.50", "1e3", "2.0", "0.1", "1.5E2");

    /** Rule numbers for comparisons and equality (YAML reads them as numbers). */
    public static final List<String> RULE_NUMBERS = List.of("0", "1", "2", "3", "42", "-7", "4.5", "100", "1000",
            "0.1", "2.0", "150");

    /** The Windows dashes {@code windash} varies. */
    public static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");

    /** Group values: few, so correlations find groups with several events. */
    public static final List<String> USERS = List.of("alice", "bob", "Alice");

    private Pool() {
    }

    /** The base64 of a string's UTF-8 bytes. */
    public static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A rule field: one of {@link #FIELDS}, or one of {@link #ODD_FIELDS} one time in ten. */
    static String field(SplittableRandom r) {
        return pick(r, chance(r, 0.1) ? ODD_FIELDS : FIELDS);
    }

    /** A JSON number literal: an integer four times in five. */
    static String number(SplittableRandom r) {
        return pick(r, chance(r, 0.8) ? INTEGERS : FRACTIONS);
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }
}
