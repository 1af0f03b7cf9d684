package io.detc.backend.spl;

import io.detc.diag.Code;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a rule's IR (fields already mapped to Splunk paths by the pipelines) into {@link SplPart}s. Boolean
 * structure is solved here once: every compound child is parenthesised, so neither the search command's precedence
 * (OR binds tighter than AND there) nor eval's matters. A same-element group adds an {@code eval} with {@code spath}
 * that puts the JSON text of each element in a field ({@link #commands()}); its test is an {@code mvfilter} over
 * that field.
 */
final class SplRender implements Predicate.Visitor<SplPart> {
    private final SplNotes notes;
    private final Optional<SplSchema> schema;
    private final SplLeaves leaves;
    private final SplComparisons comparisons;
    private final List<String> commands = new ArrayList<>();
    private String element;
    private String container;
    private int elements;

    SplRender(SplNotes notes, Optional<SplSchema> schema) {
        this.notes = notes;
        this.schema = schema;
        this.leaves = new SplLeaves(notes);
        this.comparisons = new SplComparisons(leaves, notes);
    }

    /** Commands the rendered tests need before them (same-element groups' elements), in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public SplPart visitAnd(Predicate.And p) {
        return combine(p.terms().stream().map(t -> t.accept(this)).toList(), "AND");
    }

    @Override
    public SplPart visitOr(Predicate.Or p) {
        List<SplPart> parts = p.terms().stream().map(t -> t.accept(this)).toList();
        if (copiesOfOneNullTest(p)) {
            // The pipelines copy the test of a field mapped to several paths into an OR of the copies; for null,
            // Sigma means "no path has a value" (docs/semantics.md), so the copies must all hold.
            return combine(parts, "AND");
        }
        SplPart joined = combine(parts, "OR");
        Optional<String> field = parts.get(0).inField();
        boolean sameField = field.isPresent() && parts.stream().allMatch(x -> x.inField().equals(field));
        if (!sameField || parts.size() < 2) {
            return joined;
        }
        String in = field.get() + " IN (" + parts.stream().map(x -> x.inValue().get())
                .collect(Collectors.joining(", ")) + ")";
        return new SplPart(joined.eval(), Optional.of(in), Optional.of(in), true, Optional.empty(), Optional.empty());
    }

    private static boolean copiesOfOneNullTest(Predicate.Or p) {
        return p.terms().stream().allMatch(t -> t instanceof Predicate.FieldMatch f
                && f.matcher() instanceof Matcher.IsNull && f.span().equals(((Predicate.FieldMatch) p.terms().get(0))
                .span()));
    }

    private static SplPart combine(List<SplPart> parts, String op) {
        String eval = parts.stream().map(x -> x.atomic() ? x.eval() : "(" + x.eval() + ")")
                .collect(Collectors.joining(" " + op + " "));
        Optional<String> search = parts.stream().allMatch(x -> x.search().isPresent())
                ? Optional.of(join(parts.stream().map(x -> x.search().get()).toList(), op)) : Optional.empty();
        Optional<String> prefilter;
        if (op.equals("AND")) {
            List<String> known = parts.stream().flatMap(x -> x.filter().stream()).distinct().toList();
            prefilter = known.isEmpty() ? Optional.empty() : Optional.of(join(known, op));
        } else {
            prefilter = parts.stream().allMatch(x -> x.filter().isPresent())
                    ? Optional.of(join(parts.stream().map(x -> x.filter().get()).distinct().toList(), op))
                    : Optional.empty();
        }
        return new SplPart(eval, search, prefilter, false, Optional.empty(), Optional.empty());
    }

    /** Search-command terms joined by AND/OR; a term holding a space-separated operator is parenthesised. */
    static String join(List<String> terms, String op) {
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return terms.stream().map(t -> compound(t) ? "(" + t + ")" : t).collect(Collectors.joining(" " + op + " "));
    }

    static boolean compound(String term) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && (term.startsWith(" AND ", i) || term.startsWith(" OR ", i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SplPart visitNot(Predicate.Not p) {
        SplPart inner = p.operand().accept(this);
        String eval = "NOT " + (inner.atomic() ? inner.eval() : "(" + inner.eval() + ")");
        // NOT field="x" in the search command holds when the field is missing, as Sigma's not does.
        Optional<String> search = inner.search().map(s -> "NOT " + (compound(s) ? "(" + s + ")" : s));
        return new SplPart(eval, search, search, true, Optional.empty(), Optional.empty());
    }

    @Override
    public SplPart visitConst(Predicate.Const p) {
        return SplPart.evalOnly(p.value() ? "true()" : "false()");
    }

    @Override
    public SplPart visitFieldMatch(Predicate.FieldMatch p) {
        SplField f = field(p.field(), p.span());
        Matcher m = p.matcher();
        if (m instanceof Matcher.StringMatch s) {
            return leaves.string(f, s, p.span());
        } else if (m instanceof Matcher.RegexMatch r) {
            return leaves.regex(f, r, p.span());
        } else if (m instanceof Matcher.CidrMatch c) {
            return leaves.cidr(f, c, p.span());
        } else if (m instanceof Matcher.NumberCompare n) {
            return leaves.number(f, n, p.span());
        } else if (m instanceof Matcher.BoolEquals b) {
            return leaves.bool(f, b);
        } else if (m instanceof Matcher.IsNull) {
            return leaves.isNull(f, p.span());
        } else if (m instanceof Matcher.FieldRef r) {
            return comparisons.fieldRef(f, field(r.otherField(), p.span()), r, p.span());
        } else if (m instanceof Matcher.TimePart t) {
            return comparisons.time(f, t, p.span());
        } else if (m instanceof Matcher.Placeholder ph) {
            notes.unsupported(p.span(), "the unresolved placeholder %" + ph.name() + "% (a pipeline with"
                    + " value_placeholders and vars must give it values)");
            return SplPart.evalOnly("false()");
        }
        throw new IllegalStateException("unknown matcher " + m);
    }

    @Override
    public SplPart visitKeyword(Predicate.Keyword p) {
        if (element != null) {
            notes.unsupported(p.span(), "keywords inside a same-element group");
        }
        return leaves.keyword(p.matcher(), p.span());
    }

    @Override
    public SplPart visitExists(Predicate.Exists p) {
        return leaves.exists(field(p.field(), p.span()), p.span());
    }

    @Override
    public SplPart visitElement(Predicate.Element p) {
        if (element != null) {
            notes.unsupported(p.span(), "a same-element group inside another");
            return SplPart.evalOnly("false()");
        }
        SplField outer = field(p.field(), p.span());
        String var = "detc_el" + (++elements);
        commands.add("eval " + var + "=" + elements(outer.path()));
        element = var;
        container = outer.path();
        SplPart inner;
        try {
            inner = p.inner().accept(this);
        } finally {
            element = null;
            container = null;
        }
        // Only JSON objects are elements (Sigma skips the rest); spath gives objects and arrays as JSON text.
        String object = "match(" + var + ", " + SplEscaper.INSTANCE.regex("\\A\\s*\\{") + ")";
        return SplPart.evalOnly("(coalesce(mvcount(mvfilter(" + object + " AND (" + inner.eval() + "))), 0) > 0)");
    }

    /**
     * The JSON text of each element of the value at {@code path}: the value itself (a single object is one
     * element), its array elements, and the elements of arrays inside it (nested arrays flatten), as Sigma reads
     * them; {@code {}} at the end of the mapped name is the schema's array marker.
     */
    private static String elements(String path) {
        SplEscaper e = SplEscaper.INSTANCE;
        String base = path.endsWith("{}") ? path.substring(0, path.length() - 2) : path;
        return "mvappend(spath(_raw, " + e.literal(base) + "), spath(_raw, " + e.literal(base + "{}")
                + "), spath(_raw, " + e.literal(base + "{}{}") + "))";
    }

    /** A field as SPL reads it here: a Splunk path, or a path inside the current element. */
    private SplField field(String path, Span span) {
        SplEscaper e = SplEscaper.INSTANCE;
        if (element != null) {
            return SplField.inElement(element, innerPath(path, span));
        }
        if (!e.addressable(path)) {
            notes.unsupported(span, "the field name '" + path + "' (quotes, backslashes and control characters"
                    + " cannot be written in an SPL field name)");
            return SplField.top("detc_unaddressable");
        }
        if (schema.isPresent() && !schema.get().known(path)) {
            notes.report(Code.UNKNOWN_FIELD, span, "unknown field '" + path + "' for " + schema.get().describe(),
                    schema.get().suggest(path).map(s -> "did you mean '" + s + "'?").orElse(""));
        }
        return SplField.top(path);
    }

    /** A name relative to the element, with {@code {}} where the schema says an inner array is crossed. */
    private String innerPath(String name, Span span) {
        if (schema.isEmpty()) {
            return name;
        }
        List<String> below = schema.get().below(container);
        for (String b : below) {
            if (b.replace("{}", "").equals(name) || b.endsWith("*")
                    && name.startsWith(b.substring(0, b.length() - 1).replace("{}", ""))) {
                return b.endsWith("*") ? name : b;
            }
        }
        List<String> plain = below.stream().map(b -> b.replace("{}", "")).toList();
        notes.report(Code.UNKNOWN_FIELD, span, "unknown field '" + name + "' in the elements of '" + container
                + "' for " + schema.get().describe(), io.detc.value.DidYouMean.closest(name, plain)
                .map(s -> "did you mean '" + s + "'?").orElse(""));
        return name;
    }
}
