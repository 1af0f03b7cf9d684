package io.detc.backend.kql;

import io.detc.backend.kql.KqlPaths.Base;
import io.detc.backend.kql.KqlPaths.Chain;
import io.detc.backend.kql.KqlPaths.ElementBase;
import io.detc.backend.kql.KqlPaths.FieldPath;
import io.detc.backend.kql.KqlPaths.Row;
import io.detc.backend.kql.SentinelSchema.Column;
import io.detc.backend.kql.SentinelSchema.Table;
import io.detc.backend.kql.SentinelSchema.Type;
import io.detc.diag.Code;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import io.detc.value.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Renders a rule's predicate (after the pipelines renamed its fields to Sentinel columns) as a KQL condition over
 * the rows of one table. A field name is a column, optionally followed by keys into a dynamic column or a string
 * holding JSON ({@code DeviceDetail.deviceId}, {@code target_s.displayName}). Where a field path crosses an array the
 * schema declares, the test holds when any element passes (docs/semantics.md, "Dots and arrays"): the arrays are
 * expanded by an mv-apply of the row's {@link KqlScope}, and the condition reads the helper count it produces.
 * {@code |element} groups get one mv-apply whose elements are tested as a whole.
 */
final class KqlPredicates implements Predicate.Visitor<KqlExpr> {
    private static final KqlEscaper ESC = KqlEscaper.INSTANCE;

    private final KqlContext ctx;
    private final KqlLeaves leaves;
    private final Base base;
    private final KqlScope scope;

    KqlPredicates(KqlContext ctx, Base base, KqlScope scope) {
        this.ctx = ctx;
        this.leaves = new KqlLeaves(ctx);
        this.base = base;
        this.scope = scope;
    }

    // ------------------------------------------------------------------------------------------------ visitor

    @Override
    public KqlExpr visitAnd(Predicate.And p) {
        return KqlExpr.and(p.terms().stream().map(t -> t.accept(this)).toList());
    }

    /**
     * Alternatives on the same field that crosses arrays share one count: some element passes A or some element
     * passes B is the same as some element passes (A or B). (Not so for {@code and}: there the elements may
     * differ.)
     */
    @Override
    public KqlExpr visitOr(Predicate.Or p) {
        Map<String, List<Predicate.FieldMatch>> byField = new LinkedHashMap<>();
        for (Predicate t : p.terms()) {
            if (t instanceof Predicate.FieldMatch f && plainTest(f.matcher())) {
                byField.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f);
            }
        }
        List<KqlExpr> out = new ArrayList<>();
        Set<String> merged = new HashSet<>();
        for (Predicate t : p.terms()) {
            if (t instanceof Predicate.FieldMatch f && plainTest(f.matcher()) && byField.get(f.field()).size() > 1) {
                if (!merged.add(f.field())) {
                    continue;
                }
                Optional<Chain> chain = resolve(f.field(), f.span()).flatMap(path -> chain(path, f.span()));
                if (chain.isEmpty()) {
                    out.add(KqlExpr.FALSE);
                } else if (chain.get().segments().isEmpty()) {
                    byField.get(f.field()).forEach(m -> out.add(m.accept(this)));
                } else {
                    List<Predicate.FieldMatch> same = byField.get(f.field());
                    out.add(anyOrNone(chain.get(), v -> KqlExpr.or(same.stream()
                            .map(m -> leaves.match(v, m.matcher(), m.span())).toList()), false));
                }
                continue;
            }
            out.add(t.accept(this));
        }
        return KqlExpr.or(out);
    }

    /** A test of one value (not null, a field reference or a placeholder, which are handled on their own). */
    private static boolean plainTest(Matcher m) {
        return !(m instanceof Matcher.IsNull || m instanceof Matcher.FieldRef || m instanceof Matcher.Placeholder);
    }

    @Override
    public KqlExpr visitNot(Predicate.Not p) {
        return KqlExpr.not(p.operand().accept(this));
    }

    @Override
    public KqlExpr visitConst(Predicate.Const p) {
        return p.value() ? KqlExpr.TRUE : KqlExpr.FALSE;
    }

    @Override
    public KqlExpr visitFieldMatch(Predicate.FieldMatch p) {
        Matcher m = p.matcher();
        if (m instanceof Matcher.Placeholder ph) {
            ctx.unsupported(p.span(), "the placeholder %" + ph.name() + "% of field " + p.field()
                    + ": no pipeline gave it values (|expand)");
            return KqlExpr.FALSE;
        }
        Optional<FieldPath> path = resolve(p.field(), p.span());
        if (path.isEmpty()) {
            return KqlExpr.FALSE;
        }
        Optional<Chain> chain = chain(path.get(), p.span());
        if (chain.isEmpty()) {
            return KqlExpr.FALSE;
        }
        if (m instanceof Matcher.IsNull) {
            // null: no path has a non-null value; through arrays, no element has one.
            return anyOrNone(chain.get(), v -> leaves.hasValue(v, p.span()), true);
        }
        if (m instanceof Matcher.FieldRef ref) {
            Optional<Chain> other = resolve(ref.otherField(), p.span()).flatMap(o -> chain(o, p.span()));
            if (other.isEmpty()) {
                return KqlExpr.FALSE;
            }
            return both(chain.get(), other.get(),
                    (a, b) -> leaves.fieldRef(a, b, ref.op(), ref.cased(), p.span()));
        }
        return anyOrNone(chain.get(), v -> leaves.match(v, m, p.span()), false);
    }

    @Override
    public KqlExpr visitKeyword(Predicate.Keyword p) {
        if (p.matcher() instanceof Matcher.Placeholder ph) {
            ctx.unsupported(p.span(), "the keyword placeholder %" + ph.name() + "%: no pipeline gave it values");
            return KqlExpr.FALSE;
        }
        if (!(base instanceof Row row) || row.table().isEmpty()) {
            ctx.unsupported(p.span(), "keywords (field-less values) on table " + (base instanceof Row r ? r.tableName()
                    : "?") + ", which is not in detc's Sentinel schema: its string columns are unknown");
            return KqlExpr.FALSE;
        }
        Table t = row.table().get();
        List<KqlExpr> any = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        for (Column c : t.columns().values()) {
            if (SentinelSchema.shipped().isSystem(c.name())) {
                continue;
            }
            if (c.type() == Type.STRING) {
                any.add(leaves.match(new KqlValue(ESC.identifier(c.name()), Type.STRING, c.name()), p.matcher(),
                        p.span()));
            } else if (c.type() == Type.DYNAMIC) {
                searched.add(c.name());
                any.add(leaves.match(new KqlValue("tostring(" + ESC.identifier(c.name()) + ")", Type.STRING,
                        c.name()), p.matcher(), p.span()));
            }
            if (c.json()) {
                searched.add(c.name());
            }
        }
        ctx.approximate(p.span(), "keywords are searched in every string column of " + t.name() + (searched.isEmpty()
                ? "" : ", the JSON text of " + String.join(", ", searched) + " included (where key names and JSON"
                + " escapes match too)") + "; values Sentinel keeps as datetime, guid or number columns are not"
                + " searched");
        return KqlExpr.or(any);
    }

    @Override
    public KqlExpr visitExists(Predicate.Exists p) {
        Optional<FieldPath> path = resolve(p.field(), p.span());
        if (path.isEmpty()) {
            return KqlExpr.FALSE;
        }
        FieldPath f = path.get();
        if (f.keys().isEmpty()) {
            if (!f.atRow()) {
                return KqlExpr.TRUE; // an element is present by definition
            }
            String col = ESC.identifier(f.column().name());
            boolean text = f.column().type() == Type.STRING;
            ctx.approximate(p.span(), f.column().name() + ": Sentinel has the column on every row and cannot tell a"
                    + " missing field from " + (text ? "an empty" : "a null") + " one, so exists means "
                    + (text ? "non-empty" : "non-null"));
            return KqlExpr.atom((text ? "isnotempty(" : "isnotnull(") + col + ")");
        }
        // A key is present even when its value is null: test the parent object's keys.
        List<String> parentKeys = f.keys().subList(0, f.keys().size() - 1);
        String key = f.keys().get(f.keys().size() - 1);
        FieldPath parent = new FieldPath(f.column(), f.baseExpr(), f.baseRel(), f.atRow(), parentKeys);
        Optional<Chain> chain = chain(parent, p.span());
        if (chain.isEmpty()) {
            return KqlExpr.FALSE;
        }
        return anyOrNone(chain.get(), v -> KqlExpr.and(KqlExpr.atom("gettype(" + v.expr() + ") == \"dictionary\""),
                KqlExpr.atom("set_has_element(bag_keys(" + v.expr() + "), " + ESC.literal(key) + ")")), false);
    }

    @Override
    public KqlExpr visitElement(Predicate.Element p) {
        Optional<FieldPath> path = resolve(p.field(), p.span());
        if (path.isEmpty()) {
            return KqlExpr.FALSE;
        }
        Optional<Chain> c = chain(path.get(), p.span());
        if (c.isEmpty()) {
            return KqlExpr.FALSE;
        }
        Chain chain = c.get();
        // The elements are the values at the end of the path, arrays flattened; a single object is one element.
        List<List<String>> segments = new ArrayList<>(chain.segments());
        if (!chain.tail().isEmpty() || segments.isEmpty()) {
            segments.add(chain.tail());
        }
        Chain elements = new Chain(chain.path(), segments, List.of(), chain.endRel());
        KqlScope.Apply apply = newApply(elements, false);
        Base inner = new ElementBase(chain.path().column(), chain.endRel(), apply.last());
        KqlExpr test = p.inner().accept(new KqlPredicates(ctx, inner, apply.inner));
        String count = ctx.column();
        apply.counts.add(new KqlScope.Count(count, KqlExpr.and(
                KqlExpr.atom("gettype(" + apply.last() + ") == \"dictionary\""), test)));
        return KqlExpr.atom(count + " > 0");
    }

    // ------------------------------------------------------------------------------------------------ resolution

    /** The column and keys {@code field} names in this base, or empty after reporting E403. */
    Optional<FieldPath> resolve(String field, Span span) {
        List<String> parts = Arrays.asList(field.split("\\.", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            ctx.error(Code.UNKNOWN_FIELD, span, "field '" + field + "' has an empty name part", "",
                    "the malformed field name " + field);
            return Optional.empty();
        }
        if (base instanceof ElementBase e) {
            return Optional.of(new FieldPath(e.column(), e.alias(), e.rel(), false, parts));
        }
        Row row = (Row) base;
        String name = parts.get(0);
        List<String> keys = parts.subList(1, parts.size());
        if (row.table().isEmpty()) {
            // A table detc does not know (a user's pipeline): read the column as a string, or as JSON when the
            // rule goes into it.
            Column c = new Column(name, keys.isEmpty() ? Type.STRING : Type.DYNAMIC, false, Set.of());
            String expr = keys.isEmpty() ? ESC.identifier(name) : "todynamic(" + ESC.identifier(name) + ")";
            return Optional.of(new FieldPath(c, expr, "", true, keys));
        }
        Table t = row.table().get();
        Optional<Column> column = t.column(name);
        if (column.isEmpty()) {
            List<String> candidates = new ArrayList<>(row.ruleNames());
            candidates.addAll(t.columns().keySet());
            String hint = DidYouMean.closest(field, candidates).or(() -> DidYouMean.closest(name, t.columns().keySet()))
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse("the columns of " + t.name() + " are listed in backends/src/main/resources/"
                            + "kql/sentinel-tables.yml");
            ctx.error(Code.UNKNOWN_FIELD, span, "field '" + field + "' is not a column of " + t.name()
                    + (parts.size() > 1 ? " (no column '" + name + "')" : ""), hint,
                    "field " + field + " is not a column of " + t.name());
            return Optional.empty();
        }
        Column c = column.get();
        String expr = c.json() ? "parse_json(" + ESC.identifier(c.name()) + ")" : ESC.identifier(c.name());
        return Optional.of(new FieldPath(c, expr, "", true, keys));
    }

    /** Splits a path at the arrays the schema declares; a key into a column without structure is E403. */
    Optional<Chain> chain(FieldPath f, Span span) {
        if (!f.keys().isEmpty() && !f.column().structured()) {
            ctx.error(Code.UNKNOWN_FIELD, span, "field '" + f.column().name() + "." + String.join(".", f.keys())
                    + "' does not exist: " + f.column().name() + " is a " + f.column().type().kusto()
                    + " column, not an object", "name the column itself", "field " + f.column().name() + "."
                    + String.join(".", f.keys()) + " (" + f.column().name() + " has no members)");
            return Optional.empty();
        }
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        String rel = f.baseRel();
        if (f.atRow() && f.column().arrays().contains("")) {
            segments.add(List.copyOf(current));
        }
        for (String k : f.keys()) {
            current.add(k);
            rel = rel.isEmpty() ? k : rel + "." + k;
            if (f.column().arrays().contains(rel)) {
                segments.add(List.copyOf(current));
                current = new ArrayList<>();
            }
        }
        return Optional.of(new Chain(f, segments, List.copyOf(current), rel));
    }

    /** The value at the end of a chain without arrays, read in the current row. */
    private KqlValue value(Chain c) {
        FieldPath f = c.path();
        if (f.keys().isEmpty() && f.atRow() && !f.column().structured()) {
            return new KqlValue(f.baseExpr(), f.column().type(), f.column().name());
        }
        return new KqlValue(ESC.path(f.baseExpr(), f.keys()), Type.DYNAMIC, f.column().name());
    }

    // ------------------------------------------------------------------------------------------------ applies

    /**
     * {@code test} on the values of {@code c}: directly when the path crosses no array, else as a count of passing
     * elements. {@code none} inverts the quantifier ("no value passes"), which is how {@code null} reads.
     */
    private KqlExpr anyOrNone(Chain c, Function<KqlValue, KqlExpr> test, boolean none) {
        if (c.segments().isEmpty()) {
            KqlExpr t = test.apply(value(c));
            return none ? KqlExpr.not(t) : t;
        }
        KqlScope.Apply apply = applyFor(c);
        KqlValue leaf = new KqlValue(ESC.path(apply.last(), c.tail()), Type.DYNAMIC, c.path().column().name());
        String count = ctx.column();
        apply.counts.add(new KqlScope.Count(count, test.apply(leaf)));
        return KqlExpr.atom(count + (none ? " == 0" : " > 0"));
    }

    /** {@code test} on every pairing of a value of {@code a} with a value of {@code b}; true when one passes. */
    private KqlExpr both(Chain a, Chain b, BiFunction<KqlValue, KqlValue, KqlExpr> test) {
        if (a.segments().isEmpty() && b.segments().isEmpty()) {
            return test.apply(value(a), value(b));
        }
        List<String> aliases = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        String lastA = expand(a, aliases, arrays);
        String lastB = expand(b, aliases, arrays);
        KqlScope.Apply apply = scope.find(a.signature() + "&" + b.signature())
                .orElseGet(() -> scope.add(new KqlScope.Apply(a.signature() + "&" + b.signature(), aliases, arrays)));
        KqlValue va = a.segments().isEmpty() ? value(a)
                : new KqlValue(ESC.path(apply.aliases.get(aliases.indexOf(lastA)), a.tail()), Type.DYNAMIC,
                a.path().column().name());
        KqlValue vb = b.segments().isEmpty() ? value(b)
                : new KqlValue(ESC.path(apply.aliases.get(aliases.indexOf(lastB)), b.tail()), Type.DYNAMIC,
                b.path().column().name());
        String count = ctx.column();
        apply.counts.add(new KqlScope.Count(count, test.apply(va, vb)));
        return KqlExpr.atom(count + " > 0");
    }

    /** Adds the expansions of {@code c} to the lists; returns the alias of its last array (or null for none). */
    private String expand(Chain c, List<String> aliases, List<String> arrays) {
        String prev = null;
        for (int i = 0; i < c.segments().size(); i++) {
            String alias = ctx.alias();
            String from = i == 0 ? c.path().baseExpr() : prev;
            arrays.add(ESC.path(from, c.segments().get(i)));
            aliases.add(alias);
            prev = alias;
        }
        return prev;
    }

    /** The shared apply for a chain's arrays in this scope. */
    private KqlScope.Apply applyFor(Chain c) {
        return scope.find(c.signature()).orElseGet(() -> newApply(c, true));
    }

    private KqlScope.Apply newApply(Chain c, boolean shared) {
        List<String> aliases = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        expand(c, aliases, arrays);
        String signature = shared ? c.signature() : "element#" + aliases.get(0);
        return scope.add(new KqlScope.Apply(signature, aliases, arrays));
    }
}
