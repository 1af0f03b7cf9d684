package io.detc.backend.sql;

import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import io.detc.value.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the lowered IR (after the pipelines) as one SQL condition over a document, with the meaning the evaluator
 * gives it (docs/semantics.md). Every leaf is an {@code EXISTS} over the field's values or a presence test, so each
 * is TRUE or FALSE, never NULL, and {@code NOT} is plain boolean negation as in the evaluator ({@code not} and
 * {@code neq} hold on events without the field).
 *
 * <p>Per value, the tests follow the evaluator's leaves: string patterns on the value's text (strings, booleans,
 * numbers) folded with {@code detc_fold} unless {@code cased}; regexes through the dialect; numbers through
 * {@code detc_numkey} (exact decimals) or doubles for JSON numbers with a fraction; booleans; networks; time parts.
 * What a dialect cannot do exactly is reported into {@link SqlNotes} at the leaf's span.
 */
final class SqlPredicates implements Predicate.Visitor<String> {
    private static final String NUMBER_TEXT_APPROXIMATION = "a JSON number with a fraction or an exponent is"
            + " matched as text the way the engine prints it, not as Java's Double.toString (1e21 and 1.0E21);"
            + " integers are exact";

    private final SqlDialect d;
    private final SqlNotes notes;
    private final SqlPaths paths;
    private final SqlPaths.Aliases aliases;
    private final String root;

    SqlPredicates(SqlDialect d, SqlNotes notes, SqlPaths.Aliases aliases, String root) {
        this.d = d;
        this.notes = notes;
        this.aliases = aliases;
        this.paths = new SqlPaths(d, aliases);
        this.root = root;
    }

    private SqlEscaper esc() {
        return d.escaper();
    }

    /** Nesting depth of AND/OR, for line breaks: each term of a boolean operator on its own indented line. */
    private int depth;

    private String join(List<String> terms, String op) {
        String pad = "\n" + "  ".repeat(depth + 1);
        return "(" + pad + String.join(pad + op + " ", terms) + "\n" + "  ".repeat(depth) + ")";
    }

    @Override
    public String visitAnd(Predicate.And p) {
        return join(terms(p.terms()), "AND");
    }

    @Override
    public String visitOr(Predicate.Or p) {
        // A field the pipelines mapped to several names became an OR of copies with the leaf's span; for `null`
        // that must be "no name has a value" (the evaluator's reading of several paths), i.e. an AND.
        Map<Span, List<Predicate.FieldMatch>> nulls = new LinkedHashMap<>();
        for (Predicate t : p.terms()) {
            if (t instanceof Predicate.FieldMatch m && m.matcher() instanceof Matcher.IsNull) {
                nulls.computeIfAbsent(m.span(), k -> new ArrayList<>()).add(m);
            }
        }
        // Tests on the values of one field (or on the event's strings, for keywords) under one OR share one EXISTS:
        // EXISTS(a) OR EXISTS(b) is EXISTS(a OR b) over the same rows, and one scan is cheaper than several.
        Map<String, List<Predicate>> shared = new LinkedHashMap<>();
        for (Predicate t : p.terms()) {
            mergeKey(t).ifPresent(k -> shared.computeIfAbsent(k, x -> new ArrayList<>()).add(t));
        }
        java.util.Set<String> emitted = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        depth++;
        for (Predicate t : p.terms()) {
            Optional<String> key = mergeKey(t);
            if (key.isPresent() && shared.get(key.get()).size() > 1) {
                if (emitted.add(key.get())) {
                    out.add(merged(shared.get(key.get())));
                }
            } else if (t instanceof Predicate.FieldMatch m && m.matcher() instanceof Matcher.IsNull) {
                List<Predicate.FieldMatch> group = nulls.remove(m.span());
                if (group != null) {
                    List<String> all = new ArrayList<>();
                    group.forEach(g -> all.add(g.accept(this)));
                    out.add(all.size() == 1 ? all.get(0) : "(" + String.join(" AND ", all) + ")");
                }
            } else {
                out.add(t.accept(this));
            }
        }
        depth--;
        return out.size() == 1 ? out.get(0) : join(out, "OR");
    }

    /** Which EXISTS a term can share: a one-value test on a field ({@code F:name}), or a keyword ({@code K}). */
    private Optional<String> mergeKey(Predicate t) {
        if (t instanceof Predicate.FieldMatch m && single(m.matcher()) && keysOk(m.field())) {
            return Optional.of("F:" + m.field());
        }
        if (t instanceof Predicate.Keyword k && single(k.matcher())) {
            return Optional.of("K");
        }
        return Optional.empty();
    }

    private static boolean single(Matcher m) {
        return m instanceof Matcher.StringMatch || m instanceof Matcher.RegexMatch || m instanceof Matcher.BoolEquals
                || m instanceof Matcher.NumberCompare || m instanceof Matcher.CidrMatch
                || m instanceof Matcher.TimePart;
    }

    private boolean keysOk(String path) {
        for (String k : SqlPaths.keys(path)) {
            if (esc().cannotHold(k).or(() -> d.keyProblem(k)).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** One EXISTS over the field's values (or the event's strings) with the OR of every test of the group. */
    private String merged(List<Predicate> group) {
        if (group.get(0) instanceof Predicate.Keyword) {
            SqlDialect.Flat s = d.strings(root, aliases.next("k"));
            List<String> tests = new ArrayList<>();
            for (Predicate t : group) {
                Predicate.Keyword k = (Predicate.Keyword) t;
                tests.add(test(k.matcher(), d.stringValue(s), k.span(), true));
            }
            return "EXISTS (SELECT 1 FROM " + s.from() + " WHERE " + SqlPaths.and(s.where(), "(" + String.join(" OR ",
                    tests) + ")") + ")";
        }
        Predicate.FieldMatch first = (Predicate.FieldMatch) group.get(0);
        SqlPaths.Values v = paths.values(root, first.field());
        List<String> tests = new ArrayList<>();
        for (Predicate t : group) {
            Predicate.FieldMatch m = (Predicate.FieldMatch) t;
            tests.add(test(m.matcher(), v.value(), m.span(), false));
        }
        return v.exists("(" + String.join(" OR ", tests) + ")");
    }

    private List<String> terms(List<Predicate> ts) {
        depth++;
        List<String> out = ts.stream().map(t -> t.accept(this)).toList();
        depth--;
        return out;
    }

    @Override
    public String visitNot(Predicate.Not p) {
        return "NOT " + p.operand().accept(this);
    }

    @Override
    public String visitConst(Predicate.Const p) {
        return d.bool(p.value());
    }

    private boolean keysOk(String path, Span span) {
        for (String k : SqlPaths.keys(path)) {
            Optional<String> why = esc().cannotHold(k).or(() -> d.keyProblem(k));
            if (why.isPresent()) {
                notes.unsupported(span, "the field name '" + path + "': " + why.get());
                return false;
            }
        }
        return true;
    }

    @Override
    public String visitFieldMatch(Predicate.FieldMatch p) {
        if (!keysOk(p.field(), p.span())) {
            return d.bool(false);
        }
        Matcher m = p.matcher();
        if (m instanceof Matcher.Placeholder ph) {
            notes.unsupported(p.span(), "the placeholder %" + ph.name() + "% (|expand): no pipeline gave it values");
            return d.bool(false);
        }
        if (m instanceof Matcher.IsNull) {
            SqlPaths.Values v = paths.values(root, p.field());
            return "NOT " + v.exists("NOT " + v.value().is(SqlDialect.Kind.NULL));
        }
        if (m instanceof Matcher.FieldRef r) {
            if (!keysOk(r.otherField(), p.span())) {
                return d.bool(false);
            }
            SqlPaths.Rows a = paths.rows(root, p.field());
            SqlPaths.Rows b = paths.rows(root, r.otherField());
            String ta = d.text(a.value());
            String tb = d.text(b.value());
            if (!r.cased()) {
                ta = d.fold(ta);
                tb = d.fold(tb);
            }
            String test = switch (r.op()) {
                case EQUALS -> ta + " = " + tb;
                case STARTS_WITH -> d.startsWith(ta, tb);
                case ENDS_WITH -> d.endsWith(ta, tb);
                case CONTAINS -> d.contains(ta, tb);
            };
            notes.approximated(p.span(), NUMBER_TEXT_APPROXIMATION + " (fieldref compares values as text)");
            return "EXISTS (SELECT 1 FROM " + a.from() + ", " + b.from() + " WHERE "
                    + SqlPaths.and(SqlPaths.and(a.where(), b.where()), test) + ")";
        }
        SqlPaths.Values v = paths.values(root, p.field());
        return v.exists(test(m, v.value(), p.span(), false));
    }

    @Override
    public String visitKeyword(Predicate.Keyword p) {
        if (p.matcher() instanceof Matcher.Placeholder ph) {
            notes.unsupported(p.span(), "the placeholder %" + ph.name() + "% (|expand): no pipeline gave it values");
            return d.bool(false);
        }
        SqlDialect.Flat s = d.strings(root, aliases.next("k"));
        return "EXISTS (SELECT 1 FROM " + s.from() + " WHERE " + SqlPaths.and(s.where(),
                test(p.matcher(), d.stringValue(s), p.span(), true)) + ")";
    }

    @Override
    public String visitExists(Predicate.Exists p) {
        if (!keysOk(p.field(), p.span())) {
            return d.bool(false);
        }
        return paths.present(root, p.field());
    }

    @Override
    public String visitElement(Predicate.Element p) {
        if (!keysOk(p.field(), p.span())) {
            return d.bool(false);
        }
        SqlPaths.Rows v = paths.rows(root, p.field());
        // Names inside the group are relative to the element: native paths from the element node.
        String inner = p.inner().accept(new SqlPredicates(d, notes, aliases, v.value().node()));
        return v.exists(v.value().is(SqlDialect.Kind.OBJECT) + " AND " + inner);
    }

    // ------------------------------------------------------------------------------------------------- leaves

    /** One value's test; {@code stringsOnly} when the value is known to be a string (keywords). */
    private String test(Matcher m, SqlDialect.Value v, Span span, boolean stringsOnly) {
        if (m instanceof Matcher.StringMatch s) {
            return stringMatch(s, stringsOnly ? v.string() : d.text(v), span, stringsOnly);
        }
        if (m instanceof Matcher.RegexMatch r) {
            if (!esc().canHold(r.pattern())) {
                notes.unsupported(span, "the regular expression: " + esc().cannotHold(r.pattern()).get());
                return d.bool(false);
            }
            SqlDialect.Regex rx = d.regex(stringsOnly ? v.string() : d.text(v), r.pattern(), r.flags());
            if (rx.sql().isEmpty()) {
                notes.unsupported(span, rx.unsupported().orElse("this regular expression"));
                return d.bool(false);
            }
            rx.approximated().ifPresent(why -> notes.approximated(span, why));
            if (!stringsOnly && SqlRegex.mayMatchNumberText(r.pattern(), r.flags())) {
                notes.approximated(span, NUMBER_TEXT_APPROXIMATION);
            }
            return rx.sql().get();
        }
        if (m instanceof Matcher.BoolEquals b) {
            String word = b.value() ? "true" : "false";
            String str = v.is(SqlDialect.Kind.STRING) + " AND " + d.fold(v.string()) + " = '" + word + "'";
            if (stringsOnly) {
                return d.fold(v.string()) + " = '" + word + "'";
            }
            return "(" + v.is(b.value() ? SqlDialect.Kind.TRUE : SqlDialect.Kind.FALSE) + " OR " + str + ")";
        }
        if (m instanceof Matcher.NumberCompare n) {
            return number(n, v, span, stringsOnly);
        }
        if (m instanceof Matcher.CidrMatch c) {
            String s = v.string();
            String test = d.inNetwork(s, c.network(), SqlIp.low(c.network()), SqlIp.high(c.network()));
            return stringsOnly ? test : "(" + v.is(SqlDialect.Kind.STRING) + " AND " + test + ")";
        }
        if (m instanceof Matcher.TimePart t) {
            String part = d.timepart(v.string(), t.unit());
            String test = part + " " + op(t.op()) + " " + t.value();
            return stringsOnly ? test : "(" + v.is(SqlDialect.Kind.STRING) + " AND " + test + ")";
        }
        notes.unsupported(span, "the matcher " + m.getClass().getSimpleName());
        return d.bool(false);
    }

    private String stringMatch(Matcher.StringMatch s, String text, Span span, boolean stringsOnly) {
        Text pattern = s.cased() ? s.pattern() : folded(s.pattern());
        for (Text.Part part : pattern.parts()) {
            if (part instanceof Text.Literal l && !esc().canHold(l.text())) {
                notes.unsupported(span, "the value '" + s.pattern() + "': " + esc().cannotHold(l.text()).get());
                return d.bool(false);
            }
        }
        if (!stringsOnly && mayMatchNumberText(pattern, s.cased())) {
            notes.approximated(span, NUMBER_TEXT_APPROXIMATION);
        }
        String t = s.cased() ? text : d.fold(text);
        List<Text.Part> parts = pattern.parts();
        if (parts.size() == 1 && parts.get(0) == Text.Wildcard.ANY_SEQUENCE) {
            return "(" + text + ") IS NOT NULL";
        }
        if (!pattern.hasWildcards()) {
            return t + " = " + esc().literal(pattern.isEmpty() ? "" : pattern.plain());
        }
        String raw = esc().pattern(pattern);
        return d.like(t, esc().literal(raw), raw);
    }

    /** The pattern with its literals folded as the evaluator folds them. */
    static Text folded(Text t) {
        List<Text.Part> out = new ArrayList<>();
        for (Text.Part p : t.parts()) {
            out.add(p instanceof Text.Literal l ? new Text.Literal(SqlFunctions.fold(l.text())) : p);
        }
        return new Text(out);
    }

    /**
     * Whether the pattern might match the text of a JSON number with a fraction or exponent, whose spelling differs
     * between Java and the engines: only patterns made of digits, signs, dots and e, with a wildcard, a dot or an e
     * (an exact run of digits never equals such a text; PostgreSQL prints 1e3 as 1000, so there any digits count).
     */
    private boolean mayMatchNumberText(Text pattern, boolean cased) {
        List<Text.Part> parts = pattern.parts();
        if (parts.size() == 1 && parts.get(0) == Text.Wildcard.ANY_SEQUENCE) {
            return false;
        }
        boolean loose = pattern.hasWildcards() || d instanceof PostgresDialect;
        for (Text.Part p : parts) {
            if (p instanceof Text.Literal l) {
                for (int i = 0; i < l.text().length(); i++) {
                    char c = l.text().charAt(i);
                    char f = cased ? c : Character.toLowerCase(c);
                    if ("0123456789+-".indexOf(c) >= 0) {
                        continue;
                    }
                    if (c == '.' || f == 'e' || c == 'E') {
                        loose = true;
                        continue;
                    }
                    return false;
                }
            }
        }
        return loose;
    }

    private String number(Matcher.NumberCompare n, SqlDialect.Value v, Span span, boolean stringsOnly) {
        String op = op(n.op());
        String key = esc().literal(SqlFunctions.numkey(n.value()));
        String s = v.string();
        List<String> any = new ArrayList<>();
        if (n.op() == Matcher.CompareOp.EQ) {
            // A string that is the rule's number as written, ignoring case (a rule's 0x10 matches "0X10").
            if (!esc().canHold(n.literal())) {
                notes.unsupported(span, "the number '" + n.literal() + "': " + esc().cannotHold(n.literal()).get());
                return d.bool(false);
            }
            any.add(d.fold(s) + " = " + esc().literal(SqlFunctions.fold(n.literal())));
        }
        any.add(d.keyCompare(d.numkey(s), op, key));
        String onString = any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")";
        if (stringsOnly) {
            return onString;
        }
        double dv = n.value().doubleValue();
        boolean doubleSafe = Double.isFinite(dv) && BigDecimal.valueOf(dv).compareTo(n.value()) == 0;
        if (!doubleSafe) {
            notes.approximated(span, "the number " + n.literal() + " has more digits than a double holds: a JSON"
                    + " number with a fraction or an exponent is compared with the nearest double");
        }
        String num = v.number();
        String onNumber = "CASE WHEN " + d.isIntegerText(num) + " THEN " + d.keyCompare(d.numkey(num), op, key)
                + " ELSE " + d.toDouble(num) + " " + op + " " + d.doubleLiteral(dv) + " END";
        return "(" + v.is(SqlDialect.Kind.STRING) + " AND " + onString + " OR " + v.is(SqlDialect.Kind.NUMBER)
                + " AND " + onNumber + ")";
    }

    static String op(Matcher.CompareOp op) {
        return switch (op) {
            case EQ -> "=";
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
        };
    }
}
