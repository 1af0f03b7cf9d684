package io.detc.backend.kql;

import java.util.List;

/**
 * The small functions a query defines with {@code let} before it uses them, so the same Sigma rule reads the same
 * way in every query and each piece of semantics is written once. Emitted in declaration order, each only when
 * the query needs it (with the ones it calls).
 */
enum KqlHelper {
    /**
     * The elements of an array, for mv-apply: a non-array value counts as a one-element array (docs/semantics.md,
     * "Same element"), and a null element is appended so an empty array still yields a row, whose tests are all
     * false (Kusto's mv-expand produces no row for an empty array, and mv-apply would drop the event).
     */
    ELEMENTS("detc_elements", "let detc_elements = (v: dynamic) { iff(gettype(v) == \"array\","
            + " array_concat(v, dynamic([null])), pack_array(v)) };"),
    /**
     * Whether a dynamic value has text for string tests: strings, booleans and numbers do; null, objects and
     * arrays do not (docs/semantics.md, "Coercion to text"). Kusto also stores JSON strings it recognises as
     * datetime or guid under those types; they keep their text.
     */
    IS_TEXT("detc_is_text", "let detc_is_text = (v: dynamic) { gettype(v) in (\"string\", \"bool\", \"long\","
            + " \"int\", \"real\", \"decimal\", \"datetime\", \"guid\", \"timespan\") };"),
    /** The text string tests see in a dynamic value: "" for values without text (they then match no pattern). */
    TEXT("detc_text", "let detc_text = (v: dynamic) { iff(detc_is_text(v), tostring(v), \"\") };", IS_TEXT),
    /**
     * A string that is wholly a decimal number ({@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}: no trimming, no
     * {@code +}, no hex) as a decimal, else null (docs/semantics.md, "Numbers").
     */
    NUMBER("detc_num", "let detc_num = (s: string) { case(s matches regex @\"^-?[0-9]+(\\.[0-9]+)?$\","
            + " todecimal(s), s matches regex @\"^-?[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+$\", todecimal(toreal(s)),"
            + " decimal(null)) };"),
    /**
     * A correlation's value field as a number, as detc's evaluator reads it (correlate/Measure.parse: Java's
     * BigDecimal syntax after trimming): a decimal, or null for text that is no number.
     */
    MEASURE_NUMBER("detc_measure_num", "let detc_measure_num = (s: string) { let t = trim(@\"[\\x00-\\x20]+\", s);"
            + " case(t matches regex @\"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$\", todecimal(t),"
            + " t matches regex @\"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)[eE][+-]?[0-9]+$\", todecimal(toreal(t)),"
            + " decimal(null)) };"),
    /** A dynamic value as a number: JSON numbers, and strings by {@link #NUMBER}; null for anything else. */
    DYNAMIC_NUMBER("detc_dnum", "let detc_dnum = (v: dynamic) { case(gettype(v) in (\"long\", \"int\", \"real\","
            + " \"decimal\"), todecimal(v), gettype(v) == \"string\", detc_num(tostring(v)), decimal(null)) };",
            NUMBER),
    /**
     * Whether a dynamic value is "no value" for {@code null}: null, or an array holding only nulls and empty arrays
     * (docs/semantics.md, "Null").
     */
    NO_VALUE("detc_no_value", "let detc_no_value = (v: dynamic) { isnull(v) or (gettype(v) == \"array\""
            + " and tostring(v) matches regex @\"^\\[(\\[|\\]|,|\\s|null)*\\]$\") };"),
    /** An IPv4 address as detc reads them: a dotted quad of decimal octets without leading zeros. */
    IPV4("detc_ipv4", "let detc_ipv4 = @\"" + Ipv6Regex.IPV4 + "\";"),
    /** An IPv6 address in any RFC 4291 text form (no zone, no brackets, no prefix). */
    IPV6("detc_ipv6", "let detc_ipv6 = @\"" + Ipv6Regex.IPV6 + "\";"),
    /**
     * A part of an ISO 8601 timestamp string read in its own offset (docs/semantics.md, "Time parts"): year, month,
     * day, week (ISO 8601), hour or minute; null when the string is no timestamp or lacks the part.
     */
    TIME_PART("detc_time_part", "let detc_time_part = (s: string, part: string) {"
            + " let re = @\"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([01][0-9]|2[0-3]):([0-5][0-9])"
            + "(?::(?:[0-5][0-9]|60)(?:[.,][0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)?)?$\";"
            + " let d = make_datetime(toint(extract(re, 1, s)), toint(extract(re, 2, s)), toint(extract(re, 3, s)));"
            + " iff(isnull(d), int(null), case(part == \"year\", getyear(d), part == \"month\", getmonth(d),"
            + " part == \"day\", dayofmonth(d), part == \"week\", week_of_year(d), part == \"hour\","
            + " toint(extract(re, 4, s)), part == \"minute\", toint(extract(re, 5, s)), int(null))) };");

    private final String function;
    private final String definition;
    private final List<KqlHelper> requires;

    KqlHelper(String function, String definition, KqlHelper... requires) {
        this.function = function;
        this.definition = definition;
        this.requires = List.of(requires);
    }

    String function() {
        return function;
    }

    String definition() {
        return definition;
    }

    List<KqlHelper> requires() {
        return requires;
    }

    /** The regular expressions for IP address text, kept apart so their derivation can be read. */
    static final class Ipv6Regex {
        static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
        static final String IPV4 = "^" + OCTET + "(\\." + OCTET + "){3}$";
        private static final String H = "[0-9A-Fa-f]{1,4}";
        private static final String V4 = OCTET + "(\\." + OCTET + "){3}";
        /** Eight groups, or fewer around one "::", the last two groups optionally an embedded IPv4 address. */
        static final String IPV6 = "^("
                + "(" + H + ":){7}" + H
                + "|(" + H + ":){1,7}:"
                + "|(" + H + ":){1,6}:" + H
                + "|(" + H + ":){1,5}(:" + H + "){1,2}"
                + "|(" + H + ":){1,4}(:" + H + "){1,3}"
                + "|(" + H + ":){1,3}(:" + H + "){1,4}"
                + "|(" + H + ":){1,2}(:" + H + "){1,5}"
                + "|" + H + ":(:" + H + "){1,6}"
                + "|:((:" + H + "){1,7}|:)"
                + "|(" + H + ":){6}" + V4
                + "|(" + H + ":){1,5}:" + V4
                + "|(" + H + ":){1,4}(:" + H + "){1}:" + V4
                + "|(" + H + ":){1,3}(:" + H + "){1,2}:" + V4
                + "|(" + H + ":){1,2}(:" + H + "){1,3}:" + V4
                + "|" + H + ":(:" + H + "){1,4}:" + V4
                + "|::((" + H + ":){0,5})" + V4
                + ")$";

        private Ipv6Regex() {
        }
    }
}
