package io.detc.backend.kql;

import io.detc.Compilation;
import io.detc.backend.kql.SentinelSchema.Table;
import io.detc.backend.kql.SentinelSchema.Type;
import io.detc.check.LinkCheck;
import io.detc.condition.Condition;
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
        String span = timespan(c.timespan().orElse(Duration.ZERO));
        String body;
        if (c.type() == Correlation.Type.SILENCE) {
            body = silence(c, hits, span);
        } else if (c.expression().isPresent()) {
            body = absence(c, hits, span, names);
        } else {
            body = window(c, hits, span, names);
        }
        lets.add("let " + out + " = " + body + ";");
        Firings f = new Firings(out, c.groupBy());
        done.put(c, f);
        stack.remove(c);
        return f;
    }

    private static String groups(int n, String prefix) {
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
        List<String> lines = KqlRuleQuery.lines(ctx, new KqlPredicates.Row(table.get(), t,
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
        KqlPredicates resolver = new KqlPredicates(ctx, new KqlPredicates.Row(tableName, t), new KqlScope());
        List<String> texts = new ArrayList<>();
        for (String name : names) {
            Optional<KqlPredicates.FieldPath> path = resolver.resolve(name, span);
            if (path.isEmpty()) {
                continue;
            }
            Optional<KqlPredicates.Chain> chain = resolver.chain(path.get(), span);
            if (chain.isEmpty()) {
                continue;
            }
            KqlPredicates.FieldPath f = path.get();
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
    private String firstThroughArrays(KqlPredicates.Chain chain, List<String> prelude) {
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

    // ------------------------------------------------------------------------------------------------ windows

    private String window(Correlation c, String hits, String span, List<String> names) {
        String g = groups(c.groupBy().size(), "detc_g");
        String by = "detc_key, detc_n, detc_time" + (g.isEmpty() ? "" : ", " + g);
        String measure = switch (c.type()) {
            case EVENT_COUNT -> "detc_measure = count()";
            case VALUE_COUNT -> "detc_measure = array_length(make_set_if(detc_value2, isnotempty(detc_value2)))";
            case VALUE_SUM -> "detc_numbers = countif(isnotnull(detc_num2)), detc_measure = sum(detc_num2)";
            case VALUE_AVG -> "detc_numbers = countif(isnotnull(detc_num2)), detc_sum = sum(detc_num2)";
            case VALUE_PERCENTILE -> "detc_values = make_list(toreal(detc_num2))";
            case TEMPORAL -> "detc_measure = array_length(make_set(detc_rule2))";
            case TEMPORAL_ORDERED -> "detc_measure = array_length(make_set(detc_rule2)), detc_sequence = strcat_array("
                    + "array_sort_asc(make_list(strcat(strrep(\"0\", 12 - strlen(tostring(detc_n2))), tostring(detc_n2),"
                    + " \":\", tostring(detc_ord2)))), \";\")";
            case SILENCE -> throw new IllegalStateException("silence is not a window type");
        };
        List<String> extend = new ArrayList<>();
        KqlExpr ok;
        switch (c.type()) {
            case VALUE_AVG -> extend.add("detc_measure = iff(detc_numbers > 0, detc_sum / detc_numbers, decimal(null))");
            case VALUE_PERCENTILE -> {
                int p = c.threshold().flatMap(Correlation.Threshold::percentile).orElse(50);
                extend.add("detc_count = array_length(detc_values)");
                extend.add("detc_rank = toint(ceiling(" + p + " / 100.0 * detc_count))");
                extend.add("detc_measure = iff(detc_count > 0, toreal(array_sort_asc(detc_values)[max_of(0, min_of("
                        + "detc_count - 1, detc_rank - 1))]), real(null))");
            }
            default -> {
            }
        }
        KqlExpr threshold = c.threshold().map(t -> comparisons(t.comparisons()))
                .orElse(KqlExpr.atom("detc_measure >= " + names.size()));
        ok = KqlExpr.and(KqlExpr.atom("isnotnull(detc_measure)"), threshold);
        if (c.type() == Correlation.Type.VALUE_SUM) {
            ok = KqlExpr.and(KqlExpr.atom("detc_numbers > 0"), threshold); // a sum of no numbers is no measure
        }
        if (c.type() == Correlation.Type.TEMPORAL_ORDERED) {
            StringBuilder re = new StringBuilder("(^|;)");
            for (int i = 0; i < names.size(); i++) {
                re.append(i == 0 ? "" : "(.*;)?").append("[0-9]+:").append(i).append(';');
            }
            ok = KqlExpr.and(ok, KqlExpr.atom("strcat(detc_sequence, \";\") matches regex " + ESC.regex(re.toString())));
        }
        StringBuilder b = new StringBuilder(hits);
        b.append("\n    | join kind=inner (").append(hits).append("\n        | project detc_key, detc_time2 = detc_time,"
                + " detc_n2 = detc_n, detc_rule2 = detc_rule, detc_ord2 = detc_ord, detc_value2 = detc_value,"
                + " detc_num2 = detc_num) on detc_key");
        b.append("\n    | where detc_n2 <= detc_n and detc_time2 >= detc_time - ").append(span);
        b.append("\n    | summarize ").append(measure).append(", detc_start = min(detc_time2) by ").append(by);
        for (String e : extend) {
            b.append("\n    | extend ").append(e);
        }
        b.append("\n    | extend detc_ok = ").append(KqlExpr.flat(ok));
        fire(b, span);
        return b.toString();
    }

    /** One firing per run of satisfying points, each within the timespan of the previous one. */
    private static void fire(StringBuilder b, String span) {
        b.append("\n    | sort by detc_key asc, detc_n asc");
        b.append("\n    | extend detc_fire = detc_ok and not(prev(detc_key, 1, \"-\") == detc_key and prev(detc_ok, 1, false)"
                + " and prev(detc_time) >= detc_time - ").append(span).append(')');
        b.append("\n    | where detc_fire");
        b.append("\n    | extend detc_end = detc_time");
    }

    private static KqlExpr comparisons(List<Correlation.Comparison> cs) {
        List<KqlExpr> terms = new ArrayList<>();
        for (Correlation.Comparison c : cs) {
            String op = switch (c.op()) {
                case GT -> ">";
                case GTE -> ">=";
                case LT -> "<";
                case LTE -> "<=";
                case EQ -> "==";
                case NEQ -> "!=";
            };
            terms.add(KqlExpr.atom("detc_measure " + op + " " + KqlLeaves.numberLiteral(c.value(), true)));
        }
        return KqlExpr.and(terms);
    }

    // ------------------------------------------------------------------------------------------------ absence

    private String absence(Correlation c, String hits, String span, List<String> names) {
        Condition expr = c.expression().orElseThrow();
        Set<String> positive = new LinkedHashSet<>();
        collectPositive(expr, false, positive);
        String g = groups(c.groupBy().size(), "detc_g");
        String positives = String.join(", ", positive.stream().map(ESC::literal).toList());
        StringBuilder b = new StringBuilder(hits);
        b.append("\n    | where detc_rule in (").append(positives).append(')');
        b.append("\n    | join kind=inner (").append(hits)
                .append("\n        | project detc_key, detc_time2 = detc_time, detc_rule2 = detc_rule) on detc_key");
        b.append("\n    | where detc_time2 between ((detc_time - ").append(span).append(") .. (detc_time + ")
                .append(span).append("))");
        b.append("\n    | summarize ");
        for (int i = 0; i < names.size(); i++) {
            b.append("detc_r").append(i).append(" = countif(detc_rule2 == ").append(ESC.literal(names.get(i)))
                    .append("), ");
        }
        b.append("detc_start = minif(detc_time2, detc_rule2 in (").append(positives).append(")), detc_last = maxif("
                + "detc_time2, detc_rule2 in (").append(positives).append(")) by detc_key, detc_n, detc_time")
                .append(g.isEmpty() ? "" : ", " + g);
        b.append("\n    | extend detc_ok = ").append(KqlExpr.flat(truth(expr, names)));
        fire(b, span);
        b.append("\n    | extend detc_end = detc_last");
        return b.toString();
    }

    private static KqlExpr truth(Condition c, List<String> names) {
        if (c instanceof Condition.And a) {
            return KqlExpr.and(a.terms().stream().map(t -> truth(t, names)).toList());
        }
        if (c instanceof Condition.Or o) {
            return KqlExpr.or(o.terms().stream().map(t -> truth(t, names)).toList());
        }
        if (c instanceof Condition.Not n) {
            return KqlExpr.not(truth(n.operand(), names));
        }
        if (c instanceof Condition.Ref r) {
            int i = names.indexOf(r.name());
            return i < 0 ? KqlExpr.FALSE : KqlExpr.atom("detc_r" + i + " > 0");
        }
        if (c instanceof Condition.OfPattern p) {
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(
                    ("\\Q" + p.pattern() + "\\E").replace("*", "\\E.*\\Q"));
            List<KqlExpr> refs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (re.matcher(names.get(i)).matches()) {
                    refs.add(KqlExpr.atom("detc_r" + i + " > 0"));
                }
            }
            return p.quantifier() == Condition.Quantifier.ALL ? KqlExpr.and(refs) : KqlExpr.or(refs);
        }
        if (c instanceof Condition.OfThem t) {
            List<KqlExpr> refs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).startsWith("_")) {
                    refs.add(KqlExpr.atom("detc_r" + i + " > 0"));
                }
            }
            return t.quantifier() == Condition.Quantifier.ALL ? KqlExpr.and(refs) : KqlExpr.or(refs);
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }

    private static void collectPositive(Condition c, boolean negated, Set<String> out) {
        if (c instanceof Condition.Ref r && !negated) {
            out.add(r.name());
        } else if (c instanceof Condition.Not n) {
            collectPositive(n.operand(), !negated, out);
        } else if (c instanceof Condition.And a) {
            a.terms().forEach(t -> collectPositive(t, negated, out));
        } else if (c instanceof Condition.Or o) {
            o.terms().forEach(t -> collectPositive(t, negated, out));
        }
    }

    // ------------------------------------------------------------------------------------------------ silence

    private String silence(Correlation c, String hits, String span) {
        String g = groups(c.groupBy().size(), "detc_g");
        String gs = g.isEmpty() ? "" : ", " + g;
        ctx.approximate(c.typeSpan(), "silence: a group's last silence is measured up to the newest TimeGenerated of "
                + String.join(", ", tables) + " in the query period, where detc's evaluator uses the newest event"
                + " time of all its input");
        String horizon = "toscalar(" + (tables.size() == 1 ? "" : "union ")
                + String.join(", ", tables.stream().map(ESC::identifier).toList()) + " | summarize max(TimeGenerated))";
        return "union\n    (" + hits
                + "\n        | sort by detc_key asc, detc_n asc"
                + "\n        | extend detc_start = iff(prev(detc_key, 1, \"-\") == detc_key, prev(detc_time), datetime(null))"
                + "\n        | where isnotnull(detc_start) and detc_time - detc_start > " + span
                + "\n        | project detc_start, detc_end = detc_time" + gs + "),"
                + "\n    (" + hits
                + "\n        | summarize detc_start = max(detc_time) by detc_key" + gs
                + "\n        | extend detc_end = " + horizon
                + "\n        | where detc_end - detc_start > " + span
                + "\n        | project detc_start, detc_end" + gs + ")";
    }

    /** A timespan as a KQL literal in the largest exact unit. */
    static String timespan(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0) {
            return d.toMillis() + "ms";
        }
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
