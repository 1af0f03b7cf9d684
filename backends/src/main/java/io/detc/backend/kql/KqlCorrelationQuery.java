package io.detc.backend.kql;

import io.detc.Compilation;
import io.detc.backend.kql.SentinelSchema.Table;
import io.detc.backend.kql.SentinelSchema.Type;
import io.detc.check.LinkCheck;
import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import io.detc.rule.SigmaRule;
import io.detc.source.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A correlation as one KQL query with the exact semantics of detc's evaluator (README "Correlations",
 * compiler/src/main/java/io/detc/correlate): no fixed bins.
 * <ul>
 *   <li>Each referenced rule (or inner correlation) gives hits: its matching rows with the event time, the rule's
 *       name, the group-by values as text and, for value types, the value field. Rows without a value for every
 *       group-by field are left out. Hits are numbered per group in time order ({@code detc_n}).</li>
 *   <li>Sliding windows: every hit is an evaluation point whose window is the group's hits with times in
 *       {@code [t - timespan, t]} and numbers up to its own (a self-join on the group), measured exactly (count,
 *       distinct values, decimal sum and average, nearest-rank percentile, distinct rules, rules in order).</li>
 *   <li>One firing per run: a satisfying point fires unless the previous point of its group satisfied too and lies
 *       within the timespan ({@code prev()} over the points sorted by group and number).</li>
 *   <li>Absence: at each hit of a rule named outside {@code not}, rule names are true when the group has a hit of
 *       them within the timespan on either side. Silence: gaps longer than the timespan between consecutive hits,
 *       and a group's last hit older than the timespan at the newest event time of the tables.</li>
 *   <li>Chains: an inner correlation's firings are hits at the time of their last event, grouped by the inner
 *       group values of the same names.</li>
 * </ul>
 * The output has one row per alert: {@code detc_start}, {@code detc_end} (the window), the group-by fields by name,
 * and {@code detc_measure} where the type measures something.
 */
final class KqlCorrelationQuery {
    private static final KqlEscaper ESC = KqlEscaper.INSTANCE;

    private final KqlContext ctx;
    private final Compilation compilation;
    private final List<Pipeline> pipelines;
    private final SentinelSchema schema;
    private final LinkCheck.Index index;
    private final List<String> lets = new ArrayList<>();
    private final Map<Correlation, Firings> done = new IdentityHashMap<>();
    private final Set<String> tables = new LinkedHashSet<>();
    private int counter;

    /** A correlation's firings: the let name of its table and its group-by names (columns detc_g0, ...). */
    private record Firings(String name, List<String> groupBy) {
    }

    KqlCorrelationQuery(KqlContext ctx, Compilation compilation, List<Pipeline> pipelines, SentinelSchema schema) {
        this.ctx = ctx;
        this.compilation = compilation;
        this.pipelines = pipelines;
        this.schema = schema;
        this.index = LinkCheck.check(compilation.documents(), new Diagnostics());
    }

    /** The whole query (let statements, then the alerts); empty text when some part could not be rendered. */
    List<String> lines(Correlation c) {
        Firings f = firings(c, new HashSet<>());
        List<String> out = new ArrayList<>(lets);
        StringBuilder project = new StringBuilder("| project detc_start, detc_end");
        for (int i = 0; i < f.groupBy().size(); i++) {
            project.append(", ").append(ESC.identifier(f.groupBy().get(i))).append(" = detc_g").append(i);
        }
        if (measures(c)) {
            project.append(", detc_measure");
        }
        out.add(f.name());
        out.add(project.toString());
        return out;
    }

    /** The tables the query reads (for requiredDataConnectors). */
    Set<String> tables() {
        return tables;
    }

    private static boolean measures(Correlation c) {
        return c.type() != Correlation.Type.SILENCE && c.expression().isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ hits

    private Firings firings(Correlation c, Set<Correlation> stack) {
        Firings known = done.get(c);
        if (known != null) {
            return known;
        }
        stack.add(c);
        int n = counter++;
        String hits = "detc_c" + n + "_hits";
        String out = "detc_c" + n;
        List<String> parts = new ArrayList<>();
        List<String> names = c.rules().stream().map(RuleRef::target).toList();
        for (int i = 0; i < c.rules().size(); i++) {
            RuleRef ref = c.rules().get(i);
            Optional<Document> d = index.resolve(ref.target());
            if (d.isEmpty()) {
                ctx.error(Code.CORRELATION_UNKNOWN_RULE, ref.span(), "unknown rule '" + ref.target() + "'", "",
                        "the unknown rule " + ref.target());
                continue;
            }
            if (d.get() instanceof SigmaRule r) {
                rule(c, ref, r, i).ifPresent(parts::add);
            } else if (d.get() instanceof Correlation inner && !stack.contains(inner)) {
                parts.add(chained(c, ref, inner, i, stack));
            }
        }
        String group = c.groupBy().isEmpty() ? "" : "| where " + String.join(" and ",
                IntStream.range(0, c.groupBy().size()).mapToObj(i -> "isnotempty(detc_g" + i + ")")
                        .toList()) + "\n    ";
        String union = parts.size() == 1 ? parts.get(0) : "union\n    " + String.join(",\n    ", parts);
        String key = c.groupBy().isEmpty() ? "\"\"" : "tostring(pack_array(" + groups(c.groupBy().size(), "detc_g") + "))";
        lets.add("let " + hits + " = materialize(" + union + "\n    " + group
                + "| extend detc_key = " + key + "\n"
                + "    | sort by detc_key asc, detc_time asc\n    | extend detc_n = row_number());");
        String span = KqlCorrelationBodies.timespan(c.timespan().orElse(Duration.ZERO));
        String body;
        if (c.type() == Correlation.Type.SILENCE) {
            body = KqlCorrelationBodies.silence(ctx, tables, c, hits, span);
        } else if (c.expression().isPresent()) {
            body = KqlCorrelationBodies.absence(c, hits, span, names);
        } else {
            body = KqlCorrelationBodies.window(c, hits, span, names);
        }
        lets.add("let " + out + " = " + body + ";");
        Firings f = new Firings(out, c.groupBy());
        done.put(c, f);
        stack.remove(c);
        return f;
    }

    static String groups(int n, String prefix) {
        List<String> g = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            g.add(prefix + i);
        }
        return String.join(", ", g);
    }

    /** One referenced rule's hits: its rows projected to the hit columns. */
    private Optional<String> rule(Correlation c, RuleRef ref, SigmaRule r, int ordinal) {
        Optional<Predicate> lowered = compilation.lowered().stream().filter(l -> l.rule() == r).findFirst()
                .map(Compilation.Lowered::predicate);
        if (lowered.isEmpty()) {
            ctx.error(Code.UNSUPPORTED, ref.span(), "rule '" + ref.target() + "' has errors and cannot be compiled",
                    "", "the rule " + ref.target() + " has errors");
            return Optional.empty();
        }
        Applied applied = PipelineApplier.apply(pipelines, r.logsource(), lowered.get(), r.span());
        applied.diagnostics().forEach(ctx::add);
        Optional<String> table = KqlBackend.table(ctx, applied, r);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        tables.add(table.get());
        Optional<Table> t = schema.table(table.get());
        List<String> lines = KqlRuleQuery.lines(ctx, new KqlPaths.Row(table.get(), t,
                KqlBackend.ruleNames(pipelines, r, t)), applied.predicate());
        String time = t.map(Table::time).orElse("TimeGenerated");
        StringBuilder b = new StringBuilder("(");
        b.append(String.join("\n    ", lines.stream().map(l -> l.replace("\n", "\n    ")).toList()));
        List<String> projected = new ArrayList<>(List.of("detc_time", "detc_rule", "detc_ord"));
        List<String> prelude = new ArrayList<>();
        StringBuilder extend = new StringBuilder();
        for (int i = 0; i < c.groupBy().size(); i++) {
            String field = aliased(c, c.groupBy().get(i), ref.target(), r);
            extend.append(", detc_g").append(i).append(" = ")
                    .append(firstText(r, t, table.get(), field, ref.span(), prelude));
            projected.add("detc_g" + i);
        }
        Optional<String> valueField = c.threshold().flatMap(Correlation.Threshold::field);
        boolean numeric = c.type() == Correlation.Type.VALUE_SUM || c.type() == Correlation.Type.VALUE_AVG
                || c.type() == Correlation.Type.VALUE_PERCENTILE;
        if (valueField.isPresent()) {
            String text = firstText(r, t, table.get(), aliased(c, valueField.get(), ref.target(), r), ref.span(),
                    prelude);
            extend.append(", detc_value = ").append(text);
            extend.append(", detc_num = ").append(numeric ? ctx.use(KqlHelper.MEASURE_NUMBER) + "(" + text + ")"
                    : "decimal(null)");
        } else {
            extend.append(", detc_value = \"\", detc_num = decimal(null)");
        }
        projected.add("detc_value");
        projected.add("detc_num");
        for (String op : prelude) {
            b.append("\n    | ").append(op.replace("\n", "\n    "));
        }
        b.append("\n    | extend detc_time = ").append(ESC.identifier(time)).append(", detc_rule = ")
                .append(ESC.literal(ref.target())).append(", detc_ord = ").append(ordinal).append(extend);
        b.append("\n    | project ").append(String.join(", ", projected)).append(')');
        return Optional.of(b.toString());
    }

    /** An inner correlation's firings as hits: at their end time, grouped by its group values of the same names. */
    private String chained(Correlation c, RuleRef ref, Correlation inner, int ordinal, Set<Correlation> stack) {
        Firings f = firings(inner, stack);
        StringBuilder b = new StringBuilder("(" + f.name() + "\n    | extend detc_time = detc_end, detc_rule = "
                + ESC.literal(ref.target()) + ", detc_ord = " + ordinal);
        List<String> projected = new ArrayList<>(List.of("detc_time", "detc_rule", "detc_ord"));
        boolean missing = false;
        for (int i = 0; i < c.groupBy().size(); i++) {
            String field = aliased(c, c.groupBy().get(i), ref.target(), inner);
            int j = f.groupBy().indexOf(field);
            if (j < 0) {
                missing = true;
                ctx.approximate(ref.span(), "the inner correlation " + ref.target() + " has no group-by field "
                        + field + ", so its alerts never take part (as in detc's evaluator)");
                b.append(", detc_g").append(i).append(" = \"\"");
            } else {
                b.append(", detc_g").append(i).append(" = detc_g").append(j);
            }
            projected.add("detc_g" + i);
        }
        b.append(", detc_value = \"\", detc_num = decimal(null)");
        projected.add("detc_value");
        projected.add("detc_num");
        if (missing) {
            b.append("\n    | where false");
        }
        b.append("\n    | project ").append(String.join(", ", projected)).append(')');
        return b.toString();
    }

    /** A group-by or value name that is an alias stands for the field the alias gives for this rule. */
    private static String aliased(Correlation c, String field, String refName, Document d) {
        for (Correlation.Alias a : c.aliases()) {
            if (a.name().equals(field)) {
                String f = a.fields().get(refName);
                if (f == null && d.meta().name().isPresent()) {
                    f = a.fields().get(d.meta().name().get());
                }
                return f == null ? field : f;
            }
        }
        return field;
    }

    /**
     * The text of the first value of a rule field (README: group values are compared as exact text; the first value
     * node that is not null, in path order), through the pipelines' renames; several names are tried in order
     * (coalesce: the first non-empty). A single name through arrays is read exactly: an mv-apply added to
     * {@code prelude} keeps the first element that has a value (the row is dropped when none has, as the evaluator
     * leaves such events out). Several names through arrays read each one's first element only (declared).
     */
    private String firstText(SigmaRule r, Optional<Table> t, String tableName, String field, Span span,
                             List<String> prelude) {
        List<String> names = PipelineApplier.field(pipelines, r.logsource(), field);
        KqlPredicates resolver = new KqlPredicates(ctx, new KqlPaths.Row(tableName, t), new KqlScope());
        List<String> texts = new ArrayList<>();
        for (String name : names) {
            Optional<KqlPaths.FieldPath> path = resolver.resolve(name, span);
            if (path.isEmpty()) {
                continue;
            }
            Optional<KqlPaths.Chain> chain = resolver.chain(path.get(), span);
            if (chain.isEmpty()) {
                continue;
            }
            KqlPaths.FieldPath f = path.get();
            if (f.keys().isEmpty() && !f.column().structured()) {
                Type type = f.column().type();
                if (type == Type.REAL || type == Type.DATETIME || type == Type.GUID) {
                    ctx.approximate(span, f.column().name() + " is a " + type.kusto() + " column: its value is"
                            + " grouped and measured as Kusto writes it, not as the exported JSON wrote it");
                }
                texts.add(type == Type.STRING ? f.baseExpr() : "tostring(" + f.baseExpr() + ")");
                continue;
            }
            List<List<String>> segments = chain.get().segments();
            if (segments.isEmpty()) {
                texts.add(ctx.use(KqlHelper.TEXT) + "(" + ESC.path(f.baseExpr(), f.keys()) + ")");
            } else if (names.size() == 1) {
                texts.add(firstThroughArrays(chain.get(), prelude));
            } else {
                StringBuilder expr = new StringBuilder(f.baseExpr());
                for (List<String> segment : segments) {
                    expr = new StringBuilder(ESC.path(expr.toString(), segment) + "[0]");
                }
                ctx.approximate(span, "field " + field + " has several columns and " + name + " crosses an array:"
                        + " the group-by or value field reads its first element only, where detc's evaluator takes"
                        + " the first element that has a value");
                texts.add(ctx.use(KqlHelper.TEXT) + "(" + ESC.path(expr.toString(), chain.get().tail()) + ")");
            }
        }
        if (texts.isEmpty()) {
            return "\"\"";
        }
        return texts.size() == 1 ? texts.get(0) : "coalesce(" + String.join(", ", texts) + ")";
    }

    /**
     * An mv-apply (added to {@code prelude}) that keeps the first value of a path through arrays, in array order;
     * returns the column that holds its text.
     */
    private String firstThroughArrays(KqlPaths.Chain chain, List<String> prelude) {
        String elements = ctx.use(KqlHelper.ELEMENTS);
        String isText = ctx.use(KqlHelper.IS_TEXT);
        List<String> aliases = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        StringBuilder sub = new StringBuilder();
        String from = chain.path().baseExpr();
        String head = null;
        for (int i = 0; i < chain.segments().size(); i++) {
            String alias = ctx.alias();
            String index = "detc_i_" + alias;
            String array = ESC.path(from, chain.segments().get(i));
            if (i == 0) {
                head = "mv-apply with_itemindex=" + index + " " + alias + " = " + elements + "(" + array + ") on (";
            } else {
                sub.append("\n    mv-expand with_itemindex=").append(index).append(' ').append(alias).append(" = ")
                        .append(elements).append('(').append(array).append(")\n    |");
            }
            aliases.add(alias);
            indexes.add(index);
            from = alias;
        }
        String leaf = ESC.path(from, chain.tail());
        String column = "detc_first_" + aliases.get(0);
        prelude.add(head + sub + (sub.length() == 0 ? "\n   " : "") + " where " + isText + "(" + leaf + ")"
                + "\n    | top 1 by " + String.join(" asc, ", indexes) + " asc"
                + "\n    | project " + column + " = tostring(" + leaf + ")\n    )");
        return column;
    }
}
