package io.detc.backend.kql;

import io.detc.backend.kql.SentinelSchema.Type;
import io.detc.ir.Matcher;
import io.detc.source.Span;
import io.detc.value.Cidr;
import io.detc.value.Cidrs;
import io.detc.value.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * Renders one test of one value (docs/semantics.md, "One field, one test") as a total KQL boolean: it is true or
 * false, never null, for every value including a missing one, so {@code not} keeps plain boolean meaning. Values in
 * typed columns use the column's own type; values in dynamic columns are checked for their JSON type first (an
 * object never satisfies a string test, a number is text for string tests and a number for comparisons).
 *
 * <p>What Sentinel cannot reproduce exactly is declared through {@link KqlContext#approximate}: a typed string
 * column cannot be null (a missing value is stored as ""), a datetime column has lost the text and offset of the
 * exported timestamp, and so on.
 */
final class KqlLeaves {
    private static final KqlEscaper ESC = KqlEscaper.INSTANCE;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final KqlContext ctx;

    KqlLeaves(KqlContext ctx) {
        this.ctx = ctx;
    }

    /** The test {@code m} on value {@code v}; placeholders and field references are handled by the caller. */
    KqlExpr match(KqlValue v, Matcher m, Span span) {
        if (m instanceof Matcher.StringMatch s) {
            return string(v, s.pattern(), s.cased(), span);
        }
        if (m instanceof Matcher.RegexMatch r) {
            return regex(v, r.pattern(), r.flags(), span);
        }
        if (m instanceof Matcher.CidrMatch c) {
            return cidr(v, c.network());
        }
        if (m instanceof Matcher.NumberCompare n) {
            return number(v, n.op(), n.value(), n.literal(), span);
        }
        if (m instanceof Matcher.BoolEquals b) {
            return bool(v, b.value());
        }
        if (m instanceof Matcher.TimePart t) {
            return timePart(v, t.unit(), t.op(), t.value(), span);
        }
        throw new IllegalArgumentException("not a value test: " + m);
    }

    // ------------------------------------------------------------------------------------------------ text

    /** The text string tests see, or null when values of this type never have text for them. */
    private String text(KqlValue v, Span span) {
        return switch (v.type()) {
            case STRING -> v.expr();
            case LONG, INT, BOOL -> "tostring(" + v.expr() + ")";
            case REAL -> {
                ctx.approximate(span, v.column() + " is a real column: its numbers are matched as Kusto writes them"
                        + " (1 for 1.0), not as the exported JSON wrote them");
                yield "tostring(" + v.expr() + ")";
            }
            case DATETIME -> {
                ctx.approximate(span, v.column() + " is a datetime column: it is matched as Kusto writes it in UTC"
                        + " (2024-05-14T08:21:33.5120000Z), not as the exported timestamp text");
                yield "tostring(" + v.expr() + ")";
            }
            case GUID -> {
                ctx.approximate(span, v.column() + " is a guid column: it is matched in Kusto's lower-case form");
                yield "tostring(" + v.expr() + ")";
            }
            case DYNAMIC -> ctx.use(KqlHelper.TEXT) + "(" + v.expr() + ")";
        };
    }

    /** True exactly when the value has text (a present string, number or boolean). */
    private KqlExpr hasText(KqlValue v) {
        return switch (v.type()) {
            case STRING -> KqlExpr.TRUE;
            case DYNAMIC -> KqlExpr.atom(ctx.use(KqlHelper.IS_TEXT) + "(" + v.expr() + ")");
            default -> KqlExpr.atom("isnotnull(" + v.expr() + ")");
        };
    }

    private void emptyIsMissing(KqlValue v, Span span, String consequence) {
        if (v.type() == Type.STRING) {
            ctx.approximate(span, v.column() + " is a string column: Sentinel stores a missing value as an empty"
                    + " string, so " + consequence);
        }
    }

    /** A Sigma string pattern: plain equality, contains/startswith/endswith, or an anchored regex. */
    KqlExpr string(KqlValue v, Text pattern, boolean cased, Span span) {
        String t = text(v, span);
        List<Text.Part> parts = pattern.parts();
        boolean matchesEmpty = parts.stream().allMatch(p -> p == Text.Wildcard.ANY_SEQUENCE);
        if (parts.isEmpty()) {
            emptyIsMissing(v, span, "an empty value also matches events without the field");
            return KqlExpr.and(hasText(v), KqlExpr.atom(t + (cased ? " == " : " =~ ") + ESC.literal("")));
        }
        if (matchesEmpty) {
            if (v.type() == Type.STRING) {
                emptyIsMissing(v, span, "'*' matches only a non-empty value");
                return KqlExpr.atom("isnotempty(" + v.expr() + ")");
            }
            return hasText(v);
        }
        String cs = cased ? "_cs" : "";
        if (parts.size() == 1 && parts.get(0) instanceof Text.Literal l) {
            return KqlExpr.atom(t + (cased ? " == " : " =~ ") + ESC.literal(l.text()));
        }
        if (parts.size() == 2 && parts.get(0) == Text.Wildcard.ANY_SEQUENCE && parts.get(1) instanceof Text.Literal l) {
            return KqlExpr.atom(t + " endswith" + cs + " " + ESC.literal(l.text()));
        }
        if (parts.size() == 2 && parts.get(0) instanceof Text.Literal l && parts.get(1) == Text.Wildcard.ANY_SEQUENCE) {
            return KqlExpr.atom(t + " startswith" + cs + " " + ESC.literal(l.text()));
        }
        if (parts.size() == 3 && parts.get(0) == Text.Wildcard.ANY_SEQUENCE && parts.get(1) instanceof Text.Literal l
                && parts.get(2) == Text.Wildcard.ANY_SEQUENCE) {
            return KqlExpr.atom(t + " contains" + cs + " " + ESC.literal(l.text()));
        }
        // Inner wildcards or '?': an anchored RE2 pattern; (?s) so '*' and '?' cross line breaks, '?' is one code
        // point (Kusto runs RE2 over UTF-8).
        return KqlExpr.atom(t + " matches regex " + ESC.regex((cased ? "(?s)" : "(?is)") + "^" + glob(pattern) + "$"));
    }

    /** A Sigma pattern as the body of an RE2 regex: literals quoted, {@code *} as {@code .*}, {@code ?} as {@code .}. */
    static String glob(Text pattern) {
        StringBuilder b = new StringBuilder();
        for (Text.Part p : pattern.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append(".*");
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append('.');
            } else {
                b.append(quoteRegex(((Text.Literal) p).text()));
            }
        }
        return b.toString();
    }

    /** RE2 syntax: every ASCII punctuation character that has a meaning is escaped with a backslash. */
    static String quoteRegex(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ regex

    KqlExpr regex(KqlValue v, String pattern, Set<Matcher.RegexFlag> flags, Span span) {
        StringBuilder f = new StringBuilder();
        if (flags.contains(Matcher.RegexFlag.IGNORE_CASE)) {
            f.append('i');
        }
        if (flags.contains(Matcher.RegexFlag.MULTILINE)) {
            f.append('m');
        }
        if (flags.contains(Matcher.RegexFlag.DOTALL)) {
            f.append('s');
        }
        String full = (f.length() > 0 ? "(?" + f + ")" : "") + pattern;
        boolean matchesEmpty = matchesEmpty(full);
        String t = text(v, span);
        KqlExpr test = KqlExpr.atom(t + " matches regex " + ESC.regex(full));
        if (!matchesEmpty) {
            return test;
        }
        emptyIsMissing(v, span, "a regex that matches an empty value also matches events without the field");
        return KqlExpr.and(hasText(v), test);
    }

    private static boolean matchesEmpty(String regex) {
        try {
            return com.google.re2j.Pattern.compile(regex).matcher("").find();
        } catch (RuntimeException e) {
            return true; // the front end checked it; stay on the safe side
        }
    }

    // ------------------------------------------------------------------------------------------------ networks

    /**
     * docs/semantics.md "Networks": only a string that is exactly an address; IPv4-mapped IPv6 text is its IPv4
     * host; IPv4 text is never in an IPv6 network. Kusto's range functions also accept prefixes and other spellings,
     * so the text is first checked against detc's address syntax; ipv6_is_in_range is never used for an IPv4
     * address, nor ipv4_is_in_range for an IPv6 one.
     */
    KqlExpr cidr(KqlValue v, Cidr network) {
        String t;
        KqlExpr isString;
        if (v.type() == Type.STRING) {
            t = v.expr();
            isString = KqlExpr.TRUE;
        } else if (v.isDynamic()) {
            t = "tostring(" + v.expr() + ")";
            isString = KqlExpr.atom("gettype(" + v.expr() + ") == \"string\"");
        } else {
            return KqlExpr.FALSE; // numbers, booleans, datetimes and guids are no address text
        }
        String v6 = ctx.use(KqlHelper.IPV6);
        if (network.isIpv6()) {
            return KqlExpr.and(isString, KqlExpr.atom(t + " matches regex " + v6),
                    KqlExpr.atom("ipv6_is_in_range(" + t + ", " + ESC.literal(Cidrs.format(network)) + ")"));
        }
        String v4 = ctx.use(KqlHelper.IPV4);
        BigInteger mapped = network.network().add(BigInteger.valueOf(0xffffL).shiftLeft(32));
        String mappedRange = Cidrs.formatAddress(mapped, 128) + "/" + (96 + network.prefix());
        return KqlExpr.and(isString, KqlExpr.or(
                KqlExpr.and(KqlExpr.atom(t + " matches regex " + v4),
                        KqlExpr.atom("ipv4_is_in_range(" + t + ", " + ESC.literal(Cidrs.format(network)) + ")")),
                KqlExpr.and(KqlExpr.atom(t + " matches regex " + v6),
                        KqlExpr.atom("ipv6_is_in_range(" + t + ", " + ESC.literal(mappedRange) + ")"))));
    }

    // ------------------------------------------------------------------------------------------------ numbers

    KqlExpr number(KqlValue v, Matcher.CompareOp op, BigDecimal value, String literal, Span span) {
        String cmp = compare(op);
        switch (v.type()) {
            case LONG, INT -> {
                return ordered(v.expr(), op, cmp + " " + numberLiteral(value, false));
            }
            case REAL -> {
                if (value.stripTrailingZeros().precision() > 15) {
                    ctx.approximate(span, v.column() + " is a real column: " + literal + " has more than 15 significant"
                            + " digits and is compared as the nearest double");
                }
                return ordered(v.expr(), op, cmp + " " + numberLiteral(value, false));
            }
            case STRING -> {
                String n = ctx.use(KqlHelper.NUMBER) + "(" + v.expr() + ")";
                KqlExpr numeric = ordered(n, op, cmp + " " + numberLiteral(value, true));
                return op == Matcher.CompareOp.EQ && !canonical(literal)
                        ? KqlExpr.or(numeric, KqlExpr.atom(v.expr() + " =~ " + ESC.literal(literal))) : numeric;
            }
            case DYNAMIC -> {
                String n = ctx.use(KqlHelper.DYNAMIC_NUMBER) + "(" + v.expr() + ")";
                KqlExpr numeric = ordered(n, op, cmp + " " + numberLiteral(value, true));
                return op == Matcher.CompareOp.EQ && !canonical(literal)
                        ? KqlExpr.or(numeric, KqlExpr.and(KqlExpr.atom("gettype(" + v.expr() + ") == \"string\""),
                        KqlExpr.atom("tostring(" + v.expr() + ") =~ " + ESC.literal(literal))))
                        : numeric;
            }
            default -> {
                return KqlExpr.FALSE; // booleans, datetimes and guids are never numbers
            }
        }
    }

    /** {@code x == n} is false for a null x; an ordering on a null is null, so it is guarded. */
    private static KqlExpr ordered(String x, Matcher.CompareOp op, String rest) {
        KqlExpr test = KqlExpr.atom(x + " " + rest);
        return op == Matcher.CompareOp.EQ ? test : KqlExpr.and(KqlExpr.atom("isnotnull(" + x + ")"), test);
    }

    private static String compare(Matcher.CompareOp op) {
        return switch (op) {
            case EQ -> "==";
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
        };
    }

    /** Whether {@code literal} is already a number string by the semantics' rule (then text equality adds nothing). */
    private static boolean canonical(String literal) {
        return literal.matches("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    /** A number as a KQL literal: a long when it is one, else a decimal (exact) or a real. */
    static String numberLiteral(BigDecimal value, boolean decimal) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0) {
            BigInteger i = v.toBigIntegerExact();
            if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
                return i.toString();
            }
        }
        if (decimal && v.precision() <= 28 && Math.abs(v.scale()) <= 28) {
            return "decimal(" + v.toPlainString() + ")";
        }
        return "real(" + v.toString().replace("E+", "e+").replace("E-", "e-") + ")";
    }

    // ------------------------------------------------------------------------------------------------ booleans

    /** docs/semantics.md "Booleans": the JSON boolean, or the strings true/false in any case; never numbers. */
    KqlExpr bool(KqlValue v, boolean value) {
        return switch (v.type()) {
            case BOOL -> KqlExpr.atom(v.expr() + " == " + value);
            case STRING -> KqlExpr.atom(v.expr() + " =~ " + ESC.literal(Boolean.toString(value)));
            case DYNAMIC -> KqlExpr.and(KqlExpr.atom("gettype(" + v.expr() + ") in (\"bool\", \"string\")"),
                    KqlExpr.atom("tostring(" + v.expr() + ") =~ " + ESC.literal(Boolean.toString(value))));
            default -> KqlExpr.FALSE;
        };
    }

    // ------------------------------------------------------------------------------------------------ null

    /** True when the value is a value for {@code null}'s purposes (not null, not an array of nulls). */
    KqlExpr hasValue(KqlValue v, Span span) {
        return switch (v.type()) {
            case STRING -> {
                emptyIsMissing(v, span, "null also matches an empty value");
                yield KqlExpr.atom("isnotempty(" + v.expr() + ")");
            }
            case DYNAMIC -> KqlExpr.not(KqlExpr.atom(ctx.use(KqlHelper.NO_VALUE) + "(" + v.expr() + ")"));
            default -> KqlExpr.atom("isnotnull(" + v.expr() + ")");
        };
    }

    // ------------------------------------------------------------------------------------------------ time parts

    KqlExpr timePart(KqlValue v, Matcher.TimeUnit unit, Matcher.CompareOp op, int value, Span span) {
        String part = unit.name().toLowerCase(java.util.Locale.ROOT);
        String x;
        switch (v.type()) {
            case DATETIME -> {
                ctx.approximate(span, v.column() + " is a datetime column: Sentinel keeps it in UTC, so the " + part
                        + " is read in UTC rather than in the exported timestamp's own offset");
                x = switch (unit) {
                    case MINUTE -> "datetime_part(\"minute\", " + v.expr() + ")";
                    case HOUR -> "hourofday(" + v.expr() + ")";
                    case DAY -> "dayofmonth(" + v.expr() + ")";
                    case WEEK -> "week_of_year(" + v.expr() + ")";
                    case MONTH -> "getmonth(" + v.expr() + ")";
                    case YEAR -> "getyear(" + v.expr() + ")";
                };
            }
            case STRING -> x = ctx.use(KqlHelper.TIME_PART) + "(" + v.expr() + ", " + ESC.literal(part) + ")";
            case DYNAMIC -> x = ctx.use(KqlHelper.TIME_PART) + "(iff(gettype(" + v.expr() + ") == \"string\", tostring("
                    + v.expr() + "), \"\"), " + ESC.literal(part) + ")";
            default -> {
                return KqlExpr.FALSE; // only timestamp strings have time parts
            }
        }
        return ordered(x, op, compare(op) + " " + value);
    }

    // ------------------------------------------------------------------------------------------------ field refs

    /** docs/semantics.md "Field references": both values as text, missing or null on either side never matches. */
    KqlExpr fieldRef(KqlValue a, KqlValue b, Matcher.RefOp op, boolean cased, Span span) {
        String ta = text(a, span);
        String tb = text(b, span);
        KqlExpr guardA = a.type() == Type.STRING ? KqlExpr.atom("isnotempty(" + a.expr() + ")") : hasText(a);
        KqlExpr guardB = b.type() == Type.STRING ? KqlExpr.atom("isnotempty(" + b.expr() + ")") : hasText(b);
        emptyIsMissing(a, span, "an empty value counts as missing for the field reference");
        emptyIsMissing(b, span, "an empty value counts as missing for the field reference");
        String cs = cased ? "_cs" : "";
        String test = switch (op) {
            case EQUALS -> ta + (cased ? " == " : " =~ ") + tb;
            case STARTS_WITH -> ta + " startswith" + cs + " " + tb;
            case ENDS_WITH -> ta + " endswith" + cs + " " + tb;
            case CONTAINS -> ta + " contains" + cs + " " + tb;
        };
        return KqlExpr.and(guardA, guardB, KqlExpr.atom(test));
    }
}
