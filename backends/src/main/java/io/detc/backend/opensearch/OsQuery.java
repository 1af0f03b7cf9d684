package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.backend.Findings;
import io.detc.backend.sql.SqlRegex;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import io.detc.value.Cidr;
import io.detc.value.Cidrs;
import io.detc.value.IpAddresses;
import io.detc.value.Text;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a lowered, pipeline-applied predicate as an OpenSearch query (docs/semantics.md meaning). Two schemas:
 * {@code detc} (detc's index mapping, {@link OpenSearchMapping}: keyword fields with {@code .num} and {@code .ip}
 * sub-fields and a {@code detc_keywords} catch-all) and {@code typed} (an integration's typed mapping: numbers and
 * addresses are queried on the field itself, declared as an assumption).
 */
final class OsQuery implements Predicate.Visitor<ObjectNode> {
    static final String KEYWORDS_FIELD = OpenSearchMapping.KEYWORDS_FIELD;

    private final Findings ctx;
    private final OsEscaper esc = new OsEscaper();
    private final boolean typed;
    private final Span ruleSpan;

    OsQuery(Findings ctx, boolean typed, Span ruleSpan) {
        this.ctx = ctx;
        this.typed = typed;
        this.ruleSpan = ruleSpan;
    }

    @Override
    public ObjectNode visitAnd(Predicate.And p) {
        return p.terms().isEmpty() ? Bool.matchAll() : Bool.and(all(p.terms()));
    }

    @Override
    public ObjectNode visitOr(Predicate.Or p) {
        return p.terms().isEmpty() ? Bool.matchNone() : Bool.or(all(p.terms()));
    }

    private List<ObjectNode> all(List<Predicate> ps) {
        List<ObjectNode> out = new ArrayList<>();
        ps.forEach(t -> out.add(t.accept(this)));
        return out;
    }

    @Override
    public ObjectNode visitNot(Predicate.Not p) {
        return Bool.not(p.operand().accept(this));
    }

    @Override
    public ObjectNode visitConst(Predicate.Const p) {
        return p.value() ? Bool.matchAll() : Bool.matchNone();
    }

    @Override
    public ObjectNode visitExists(Predicate.Exists p) {
        ctx.approximate(p.span(), "exists: OpenSearch's exists query is false for a field whose value is null, []"
                + " or {} (detc: present)");
        return exists(p.field());
    }

    @Override
    public ObjectNode visitElement(Predicate.Element p) {
        ctx.unsupported(p.span(), "|element (one array element meeting several conditions): it needs a nested"
                + " mapping, and detc's mapping and the integrations' map these arrays as plain objects");
        return Bool.matchNone();
    }

    @Override
    public ObjectNode visitKeyword(Predicate.Keyword k) {
        if (typed) {
            ctx.unsupported(k.span(), "keywords on an integration mapping (no field holds every string of the"
                    + " event; detc's own mapping has " + KEYWORDS_FIELD + ")");
            return Bool.matchNone();
        }
        if (k.matcher() instanceof Matcher.StringMatch s) {
            ctx.approximate(k.span(), "keywords search " + KEYWORDS_FIELD + ", which detc's mapping fills by copy_to"
                    + " per field, not per value: a field first indexed as a string copies its later numbers and"
                    + " booleans too, and one first indexed as a number or boolean never copies its strings");
            return string(KEYWORDS_FIELD, s.pattern(), s.cased());
        }
        if (k.matcher() instanceof Matcher.RegexMatch r) {
            ctx.approximate(k.span(), "keywords search " + KEYWORDS_FIELD + ", which detc's mapping fills by copy_to"
                    + " per field, not per value: a field first indexed as a string copies its later numbers and"
                    + " booleans too, and one first indexed as a number or boolean never copies its strings");
            return regex(KEYWORDS_FIELD, r, k.span());
        }
        ctx.unsupported(k.span(), "a keyword that is not a string or regular expression");
        return Bool.matchNone();
    }

    @Override
    public ObjectNode visitFieldMatch(Predicate.FieldMatch m) {
        String f = m.field();
        Span span = m.span();
        Matcher mt = m.matcher();
        if (mt instanceof Matcher.StringMatch s) {
            if (OsNumberText.canDiffer(s.pattern())) {
                ctx.approximate(span, OsNumberText.reason(typed, "pattern"));
            }
            return string(f, s.pattern(), s.cased());
        } else if (mt instanceof Matcher.RegexMatch r) {
            return regex(f, r, span);
        } else if (mt instanceof Matcher.IsNull) {
            ctx.approximate(span, "null: an empty object {} counts as no value in OpenSearch (detc: a value)");
            return Bool.not(exists(f));
        } else if (mt instanceof Matcher.BoolEquals b) {
            if (typed) {
                ObjectNode q = Bool.F.objectNode();
                q.putObject("term").put(f, b.value());
                return q;
            }
            return string(f, Text.literal(Boolean.toString(b.value())), false);
        } else if (mt instanceof Matcher.NumberCompare n) {
            return number(f, n, span);
        } else if (mt instanceof Matcher.CidrMatch c) {
            return cidr(f, c.network(), span);
        } else if (mt instanceof Matcher.FieldRef r) {
            return fieldRef(f, r, span);
        } else if (mt instanceof Matcher.TimePart t) {
            return timePart(f, t, span);
        } else if (mt instanceof Matcher.Placeholder p) {
            ctx.unsupported(span, "the unresolved placeholder %" + p.name() + "% (add a pipeline that resolves it)");
        } else {
            ctx.unsupported(span, "the matcher " + mt.getClass().getSimpleName());
        }
        return Bool.matchNone();
    }

    /** {@code fieldref} as a painless script query over both fields' keyword doc values ({@link OsScripts#FIELDREF}). */
    private ObjectNode fieldRef(String f, Matcher.FieldRef r, Span span) {
        if (typed) {
            ctx.unsupported(span, "fieldref on an integration mapping (its fields are typed: numbers, dates and"
                    + " addresses have no text doc values to compare)");
            return Bool.matchNone();
        }
        ctx.approximate(span, "fieldref compares the values as OpenSearch indexed their text: a number as the"
                + " event wrote it (1.50, 1e5), where detc compares the text Java prints (1.5, 100000.0)");
        if (!r.cased()) {
            ctx.approximate(span, "fieldref ignores case with the OpenSearch node's Java case tables for letters of"
                    + " the Basic Multilingual Plane (their Unicode version may differ from detc's for a few letters)"
                    + " and not at all beyond it (Deseret, Osage, Adlam letters compare cased)");
        }
        ObjectNode params = Bool.F.objectNode();
        params.put("field", f);
        params.put("other", r.otherField());
        params.put("op", switch (r.op()) {
            case EQUALS -> "equals";
            case STARTS_WITH -> "startswith";
            case ENDS_WITH -> "endswith";
            case CONTAINS -> "contains";
        });
        params.put("cased", r.cased());
        return OsScripts.query(OsScripts.FIELDREF, params);
    }

    /** A time part as a painless script query reading the keyword text as written ({@link OsScripts#TIME_PART}). */
    private ObjectNode timePart(String f, Matcher.TimePart t, Span span) {
        if (typed) {
            ctx.unsupported(span, "time-part modifiers on an integration mapping (a date field's doc values are"
                    + " instants, converted to UTC, while detc reads the part as the timestamp writes it)");
            return Bool.matchNone();
        }
        ObjectNode params = Bool.F.objectNode();
        params.put("field", f);
        params.put("unit", t.unit().name().toLowerCase(java.util.Locale.ROOT));
        params.put("op", t.op().name().toLowerCase(java.util.Locale.ROOT));
        params.put("value", t.value());
        return OsScripts.query(OsScripts.TIME_PART, params);
    }

    private static ObjectNode exists(String f) {
        ObjectNode q = Bool.F.objectNode();
        q.putObject("exists").put("field", f);
        return q;
    }

    /** Whole-value string test: term, wildcard, or (when OpenSearch's ASCII-only case folding is not enough) regexp. */
    ObjectNode string(String f, Text t, boolean cased) {
        boolean asciiFoldEnough = cased || t.parts().stream().allMatch(p -> !(p instanceof Text.Literal l)
                || l.text().codePoints().allMatch(OsCase::asciiFoldIsExact));
        ObjectNode q = Bool.F.objectNode();
        if (!asciiFoldEnough) {
            StringBuilder b = new StringBuilder();
            for (Text.Part p : t.parts()) {
                if (p == Text.Wildcard.ANY_SEQUENCE) {
                    b.append(".*");
                } else if (p == Text.Wildcard.ANY_CHAR) {
                    b.append('.');
                } else {
                    ((Text.Literal) p).text().codePoints().forEach(cp -> {
                        if (OsCase.asciiFoldIsExact(cp)) {
                            b.append(esc.regexpChar(cp));
                        } else {
                            b.append('[');
                            for (int e : OsCase.equivalents(cp)) {
                                b.append(esc.regexpChar(e));
                            }
                            b.append(']');
                        }
                    });
                }
            }
            ObjectNode body = q.putObject("regexp").putObject(f);
            body.put("value", b.toString());
            body.put("flags", "NONE");
            body.put("case_insensitive", true);
            body.put("max_determinized_states", 100000);
            return q;
        }
        ObjectNode body;
        if (!t.hasWildcards()) {
            body = q.putObject("term").putObject(f);
            body.put("value", t.plain());
        } else {
            body = q.putObject("wildcard").putObject(f);
            body.put("value", esc.wildcard(t));
        }
        // Only ASCII letters fold in OpenSearch; without any the flag changes nothing (and an empty term with it
        // matches no document), so it is written only when it matters.
        if (!cased && t.parts().stream().anyMatch(p -> p instanceof Text.Literal l
                && l.text().chars().anyMatch(c -> c < 128 && Character.isLetter(c)))) {
            body.put("case_insensitive", true);
        }
        return q;
    }

    private ObjectNode regex(String f, Matcher.RegexMatch r, Span span) {
        OsRegex.Result res = OsRegex.translate(r.pattern(), r.flags(), esc);
        if (res.lucene() == null) {
            ctx.unsupported(span, res.unsupported());
            return Bool.matchNone();
        }
        if (SqlRegex.mayMatchNumberText(r.pattern(), r.flags())) {
            ctx.approximate(span, OsNumberText.reason(typed, "regular expression"));
        }
        ObjectNode q = Bool.F.objectNode();
        ObjectNode body = q.putObject("regexp").putObject(f);
        body.put("value", res.lucene());
        body.put("flags", "NONE");
        body.put("max_determinized_states", 100000);
        return q;
    }

    private ObjectNode number(String f, Matcher.NumberCompare n, Span span) {
        String numField = typed ? f : f + OpenSearchMapping.NUM_SUFFIX;
        if (typed) {
            ctx.approximate(span, "numbers are compared on the field as the integration maps it (a number type"
                    + " assumed)");
        } else {
            ctx.approximate(span, "numbers are compared as doubles on the .num sub-field: integers beyond 2^53 lose"
                    + " exactness, and OpenSearch reads number strings more loosely than detc (surrounding spaces,"
                    + " a leading +, '.5', '1.'), and -0 sorts below 0 in lt/gt");
        }
        ObjectNode q = Bool.F.objectNode();
        if (n.op() == Matcher.CompareOp.EQ) {
            // A range, not a term: doubles index -0.0 apart from 0.0, and detc reads "-0" as 0.
            ObjectNode r = q.putObject("range").putObject(numField);
            if (n.value().signum() == 0) {
                r.put("gte", -0.0d);
            } else {
                r.put("gte", n.value());
            }
            r.put("lte", n.value());
            if (typed) {
                return q;
            }
            return Bool.or(List.of(q, string(f, Text.literal(n.literal()), false)));
        }
        String op = switch (n.op()) {
            case LT -> "lt";
            case LTE -> "lte";
            case GT -> "gt";
            case GTE -> "gte";
            default -> throw new IllegalStateException();
        };
        q.putObject("range").putObject(numField).put(op, n.value());
        return q;
    }

    private ObjectNode cidr(String f, Cidr c, Span span) {
        String ipField = typed ? f : f + OpenSearchMapping.IP_SUFFIX;
        if (typed) {
            ctx.approximate(span, "cidr assumes the field is ip-typed in the integration mapping");
        } else {
            ctx.approximate(span, "cidr reads addresses with OpenSearch's ip parser, which accepts IPv6 zone ids"
                    + " (fe80::1%eth0) that detc rejects");
        }
        if (!typed && c.isIpv6() && overlapsMappedV4(c)) {
            ctx.approximate(span, "cidr: OpenSearch stores IPv4 addresses as ::ffff:a.b.c.d, so they fall inside an"
                    + " IPv6 network containing ::ffff:0:0/96 (detc: IPv4 text is never inside an IPv6 network)");
        }
        ObjectNode q = Bool.F.objectNode();
        q.putObject("term").put(ipField, cidrTerm(c));
        return q;
    }

    /**
     * The network as a term query on an ip field takes it. OpenSearch refuses (HTTP 400, "CIDR notation is not
     * allowed with IPv6-mapped IPv4 address") a CIDR whose address text is IPv4-mapped (::ffff:10.0.0.0/104), and
     * it stores IPv4 as ::ffff:a.b.c.d: so a network inside ::ffff:0:0/96 is written as the IPv4 network it holds
     * (the same addresses), and another IPv6 network spelled with a mapped address by its masked address.
     */
    static String cidrTerm(Cidr c) {
        if (!c.isIpv6()) {
            return c.text();
        }
        BigInteger mapped = BigInteger.valueOf(0xffffL);
        if (c.network().shiftRight(32).equals(mapped)) {   // only with a prefix of 96 or more
            return Cidrs.formatAddress(c.network().subtract(mapped.shiftLeft(32)), 32) + "/" + (c.prefix() - 96);
        }
        int slash = c.text().indexOf('/');
        Optional<IpAddresses.Address> a = IpAddresses.parse(slash < 0 ? c.text() : c.text().substring(0, slash));
        return a.isPresent() && a.get().bits() == 128 && a.get().value().shiftRight(32).equals(mapped)
                ? Cidrs.format(c) : c.text();
    }

    private static boolean overlapsMappedV4(Cidr c) {
        BigInteger lo = c.network();
        BigInteger hi = lo.add(BigInteger.ONE.shiftLeft(128 - c.prefix()));
        BigInteger mLo = BigInteger.valueOf(0xffffL).shiftLeft(32);
        BigInteger mHi = mLo.add(BigInteger.ONE.shiftLeft(32));
        return lo.compareTo(mHi) < 0 && mLo.compareTo(hi) < 0;
    }
}
