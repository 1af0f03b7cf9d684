package io.detc.backend.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The helper columns one row scope needs before its condition can be tested: each {@link Apply} expands arrays of
 * the row with {@code mv-apply} and counts, per row, the elements that pass each test ({@code countif}), so a test
 * "some element of target has displayName X" becomes {@code detc_m0 > 0} in the row's condition. Tests that walk
 * the same arrays share one apply. An apply's subquery is itself a scope (for {@code |element} groups whose
 * fields cross further arrays).
 */
final class KqlScope {
    private final List<Apply> applies = new ArrayList<>();

    /** One {@code mv-apply}: the arrays it expands (the first with mv-apply, the rest with mv-expand), and counts. */
    static final class Apply {
        final String signature;
        final List<String> aliases;
        final List<String> arrays;
        final KqlScope inner = new KqlScope();
        final List<Count> counts = new ArrayList<>();

        Apply(String signature, List<String> aliases, List<String> arrays) {
            this.signature = signature;
            this.aliases = List.copyOf(aliases);
            this.arrays = List.copyOf(arrays);
        }

        String last() {
            return aliases.get(aliases.size() - 1);
        }
    }

    /** {@code name = countif(test)}. */
    record Count(String name, KqlExpr test) {
    }

    List<Apply> applies() {
        return applies;
    }

    boolean isEmpty() {
        return applies.isEmpty();
    }

    int countColumns() {
        return applies.stream().mapToInt(a -> a.counts.size()).sum();
    }

    /** The apply with {@code signature}, when tests already expand the same arrays; never for a shared=false one. */
    Optional<Apply> find(String signature) {
        return applies.stream().filter(a -> a.signature.equals(signature)).findFirst();
    }

    Apply add(Apply a) {
        applies.add(a);
        return a;
    }

    /** The helper columns this scope adds to its rows. */
    List<String> columns() {
        List<String> out = new ArrayList<>();
        applies.forEach(a -> a.counts.forEach(c -> out.add(c.name())));
        return out;
    }

    /**
     * The scope's operators (without the leading {@code | }), one entry each; an entry may span lines, which are
     * indented relative to the entry's own start, e.g.
     * <pre>
     * mv-apply e0 = detc_elements(OriginalTarget) on (
     *     summarize detc_m0 = countif(detc_text(e0.displayName) =~ "x")
     *     )
     * </pre>
     * {@code indent} is the column the entry starts at (for line breaking).
     */
    List<String> render(int indent, KqlContext ctx) {
        List<String> out = new ArrayList<>();
        if (applies.isEmpty()) {
            return out;
        }
        String elements = ctx.use(KqlHelper.ELEMENTS);
        for (Apply a : applies) {
            int inner = indent + 4;
            List<String> sub = new ArrayList<>();
            for (int i = 1; i < a.aliases.size(); i++) {
                sub.add("mv-expand " + a.aliases.get(i) + " = " + elements + "(" + a.arrays.get(i) + ")");
            }
            sub.addAll(a.inner.render(inner + 2, ctx));
            // one count per line: "summarize detc_m0 = countif(...),\n    detc_m1 = countif(...)"; continuation lines
            // are relative to the entry's start (the parent indents the whole entry)
            StringBuilder summarize = new StringBuilder("summarize ");
            for (int i = 0; i < a.counts.size(); i++) {
                Count c = a.counts.get(i);
                String head = (i == 0 ? "" : ",\n    ") + c.name() + " = countif(";
                int col = 4;
                summarize.append(head).append(KqlExpr.print(c.test(), col, 100)).append(')');
            }
            sub.add(summarize.toString());
            StringBuilder b = new StringBuilder("mv-apply " + a.aliases.get(0) + " = " + elements + "("
                    + a.arrays.get(0) + ") on (");
            String pad = " ".repeat(4);
            for (int i = 0; i < sub.size(); i++) {
                String entry = (i == 0 ? "" : "| ") + sub.get(i);
                b.append('\n').append(pad).append(entry.replace("\n", "\n" + pad + (i == 0 ? "" : "  ")));
            }
            b.append('\n').append(pad).append(')');
            out.add(b.toString());
        }
        return out;
    }
}
