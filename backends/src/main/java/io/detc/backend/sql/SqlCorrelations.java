package io.detc.backend.sql;

import static io.detc.backend.sql.SqlCorrelationConditions.collectPositive;
import static io.detc.backend.sql.SqlCorrelationConditions.expand;
import static io.detc.backend.sql.SqlCorrelationConditions.threshold;
import static io.detc.backend.sql.SqlCorrelationConditions.truth;
import static io.detc.backend.sql.SqlCorrelationParts.NO_WINDOW;
import static io.detc.backend.sql.SqlCorrelationParts.eventsOf;
import static io.detc.backend.sql.SqlCorrelationParts.groupColumns;
import static io.detc.backend.sql.SqlCorrelationParts.ordered;
import static io.detc.backend.sql.SqlCorrelationParts.partition;
import static io.detc.backend.sql.SqlCorrelationParts.partitionList;
import static io.detc.backend.sql.SqlCorrelationParts.reach;
import static io.detc.backend.sql.SqlCorrelationParts.sameGroup;
import static io.detc.backend.sql.SqlCorrelationParts.window;
import static io.detc.backend.sql.SqlCorrelationParts.windowed;

import io.detc.Compilation;
import io.detc.check.LinkCheck;
import io.detc.condition.Condition;
import io.detc.diag.Diagnostics;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import io.detc.rule.SigmaRule;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Correlation rules as one SQL query each, with the evaluator's semantics (README "Correlations",
 * {@code io.detc.correlate}). A correlation {@code X} becomes common table expressions prefixed {@code dN_}:
 * <ul>
 *   <li>{@code dN_hits}: its inputs. A rule's matches (the rule's own query) with the event time ({@code ns}), the
 *       group-by values and the value field read as the evaluator reads them (the first scalar value, through the
 *       log source's mapping and the correlation's aliases); a correlation it names contributes its alerts (at
 *       their window's end, grouped by the inner group values of the same names: chaining). Rows without a time or
 *       without every group value take no part;</li>
 *   <li>{@code dN_valid}: the hits numbered {@code o} in the evaluator's order: time, then event matches before
 *       chained alerts, then input order and rule order;</li>
 *   <li>sliding windows: each hit {@code p} of a group is an evaluation point whose window is the group's hits with
 *       {@code ns} in {@code [p.ns - span, p.ns]} and {@code o <= p.o}, measured with a self-join (counts, distinct
 *       counts, sums, averages, nearest-rank percentiles; an ordered self-join for {@code temporal_ordered});</li>
 *   <li>one firing per run: a satisfied point fires unless the previous point of its group ({@code LAG}) was
 *       satisfied within the span;</li>
 *   <li>absence (temporal with a condition): anchors are hits of rules named outside {@code not}; a name is true
 *       when the group has one of its hits in {@code [t - span, t + span]} ({@code EXISTS});</li>
 *   <li>silence: consecutive hits of a group more than the span apart ({@code LAG}/{@code LEAD}), and a group's last
 *       hit more than the span before the horizon;</li>
 *   <li>{@code dN_alerts}: one row per event of each alert: {@code point} (the firing's place in the evaluator's
 *       order), the group values {@code g1..gn}, {@code wstart}/{@code wend} (nanoseconds; set for silence, NULL
 *       where the window is its events' first and last time), and the event's {@code file}, {@code line},
 *       {@code ns}.</li>
 * </ul>
 * The query selects {@code dN_alerts} of the correlation compiled.
 */
final class SqlCorrelations {
    private final SqlBackend backend;
    private final SqlDialect d;
    private final Compilation compilation;
    private final List<Pipeline> pipelines;
    private final SqlNotes notes;
    private final LinkCheck.Index index;
    private final List<Correlation> order;
    private final Map<Correlation, String> built = new IdentityHashMap<>();
    private final List<String> ctes = new ArrayList<>();
    private final Set<String> tables = new LinkedHashSet<>();
    private int next = 1;

    SqlCorrelations(SqlBackend backend, Compilation compilation, List<Pipeline> pipelines, SqlNotes notes) {
        this.backend = backend;
        this.d = backend.dialect();
        this.compilation = compilation;
        this.pipelines = pipelines;
        this.notes = notes;
        this.index = LinkCheck.check(compilation.documents(), new Diagnostics());
        this.order = SqlCorrelationOrder.topological(compilation.documents().stream().filter(x -> x instanceof Correlation)
                .map(x -> (Correlation) x).toList(), index);
    }

    /** One input the correlation names: a rule or a correlation, under the name it uses. */
    private record Ref(String name, int position, Document target, int ruleIndex) {
    }

    Optional<String> query(Correlation c) {
        Optional<String> p = build(c, 0);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        // Every expression is materialised: each is read whole, some more than once, and an inlined one would be
        // recomputed for every row of a join by planners that misjudge its size.
        List<String> materialized = ctes.stream().map(x -> x.replaceFirst(" AS \\(\n", " AS " + d.materialized()
                + "(\n")).toList();
        return Optional.of("WITH " + String.join(",\n", materialized) + "\nSELECT * FROM " + p.get()
                + "alerts\nORDER BY point, ns, file, line");
    }

    /** Builds {@code c}'s expressions (after those of the correlations it names); its prefix, or empty. */
    private Optional<String> build(Correlation c, int depth) {
        if (built.containsKey(c)) {
            return Optional.of(built.get(c));
        }
        if (depth > 100) {
            notes.unsupported(c.span(), "correlations chained more than 100 deep");
            return Optional.empty();
        }
        if (c.timespan().isEmpty()) {
            notes.unsupported(c.span(), "a correlation without a timespan");
            return Optional.empty();
        }
        List<Ref> refs = new ArrayList<>();
        for (int i = 0; i < c.rules().size(); i++) {
            RuleRef r = c.rules().get(i);
            Optional<Document> target = index.resolve(r.target());
            if (target.isEmpty() || target.get() instanceof io.detc.rule.Filter) {
                notes.unsupported(r.span(), "the reference '" + r.target() + "' (no such rule or correlation)");
                return Optional.empty();
            }
            int ruleIndex = -1;
            if (target.get() instanceof SigmaRule rule) {
                for (int k = 0; k < compilation.lowered().size(); k++) {
                    if (compilation.lowered().get(k).rule() == rule) {
                        ruleIndex = k;
                    }
                }
                if (ruleIndex < 0) {
                    notes.unsupported(r.span(), "the rule '" + r.target() + "', which has errors");
                    return Optional.empty();
                }
            } else if (build((Correlation) target.get(), depth + 1).isEmpty()) {
                return Optional.empty();
            }
            refs.add(new Ref(r.target(), i, target.get(), ruleIndex));
        }
        String p = "d" + next++ + "_";
        long span = c.timespan().get().toNanos();
        int groups = c.groupBy().size();
        List<String> hits = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Optional<String> valueField = c.threshold().flatMap(Correlation.Threshold::field)
                .filter(f -> c.type().needsField());
        for (Ref ref : refs) {
            if (ref.target() instanceof SigmaRule rule) {
                Optional<SqlBackend.RuleQuery> q = backend.rule(compilation, rule, pipelines, notes);
                if (q.isEmpty()) {
                    return Optional.empty();
                }
                for (SqlBackend.RuleQuery.Part part : q.get().parts()) {
                    tables.add(part.table());
                    SqlPaths paths = new SqlPaths(d, new SqlPaths.Aliases());
                    StringBuilder cols = new StringBuilder();
                    cols.append(d.escaper().literal(ref.name())).append(" AS rname, 0 AS cls, e.seq AS k1, ")
                            .append(ref.ruleIndex()).append(" AS k2, ").append(ref.position())
                            .append(" AS k3, e.ns");
                    for (int g = 0; g < groups; g++) {
                        String field = aliased(c, c.groupBy().get(g), ref);
                        cols.append(", ").append(first(paths, part.source(), field)).append(" AS g").append(g + 1);
                    }
                    cols.append(", ").append(valueField.isPresent()
                            ? first(paths, part.source(), aliased(c, valueField.get(), ref)) : "NULL")
                            .append(" AS val");
                    cols.append(", e.file, e.line");
                    hits.add("SELECT " + cols + "\nFROM " + part.table() + " AS e\nWHERE e.ns IS NOT NULL AND "
                            + part.condition());
                }
            } else {
                // Chaining: every alert of the inner correlation is one hit at its window's end.
                Correlation inner = (Correlation) ref.target();
                String q = built.get(inner);
                StringBuilder cols = new StringBuilder();
                cols.append(d.escaper().literal(ref.name())).append(" AS rname, 1 AS cls, ")
                        .append(order.indexOf(inner)).append(" AS k1, a.point AS k2, ").append(ref.position())
                        .append(" AS k3, COALESCE(max(a.wend), max(a.ns)) AS ns");
                List<String> innerGroup = new ArrayList<>();
                boolean reachable = true;
                for (int g = 0; g < groups; g++) {
                    int at = inner.groupBy().indexOf(aliased(c, c.groupBy().get(g), ref));
                    if (at < 0) {
                        reachable = false; // the inner alerts have no such group value: no hit (the evaluator skips)
                        break;
                    }
                    cols.append(", a.g").append(at + 1).append(" AS g").append(g + 1);
                    innerGroup.add("a.g" + (at + 1));
                }
                if (!reachable) {
                    continue;
                }
                String text = d.textColumnType();
                cols.append(", CAST(NULL AS ").append(text).append(") AS val, CAST(NULL AS ").append(text)
                        .append(") AS file, CAST(NULL AS BIGINT) AS line");
                hits.add("SELECT " + cols + "\nFROM " + q + "alerts AS a\nGROUP BY a.point"
                        + (innerGroup.isEmpty() ? "" : ", " + String.join(", ", innerGroup)));
                events.add("SELECT 1 AS cls, " + order.indexOf(inner) + " AS k1, a.point AS k2, a.file, a.line, a.ns"
                        + " FROM " + q + "alerts AS a");
            }
        }
        if (hits.isEmpty()) {
            notes.unsupported(c.span(), "a correlation none of whose inputs can give it group values");
            return Optional.empty();
        }
        ctes.add(p + "hits AS (\n" + String.join("\nUNION ALL\n", hits) + "\n)");
        List<String> notNull = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            notNull.add("h.g" + g + " IS NOT NULL");
        }
        // o: the evaluator's order of hits. b: the hit's time bucket of one span, so a window [t - span, t] lies in
        // the buckets b(t) - 1 and b(t) (integer division truncates towards zero; the bucket around 0 is wider,
        // which keeps that true), and joins between hits of one window become equi-joins on a bucket.
        ctes.add(p + "valid AS (\nSELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, "
                + d.intDiv("h.ns", Long.toString(span)) + " AS b\nFROM " + p + "hits AS h"
                + (notNull.isEmpty() ? "" : "\nWHERE " + String.join(" AND ", notNull)) + "\n)");
        // reach: each hit once under every bucket whose windows can hold it (jb); joining on jb = b of a point
        // finds each of its window's hits exactly once.
        List<String> reach = new ArrayList<>();
        int[] shifts = c.expression().isPresent() ? new int[] {-1, 0, 1} : new int[] {0, 1};
        for (int shift : shifts) {
            reach.add("SELECT v.*, v.b" + (shift < 0 ? " - 1" : shift > 0 ? " + 1" : "") + " AS jb FROM " + p
                    + "valid AS v");
        }
        if (c.type() != Correlation.Type.SILENCE && d.bucketJoins()) {
            ctes.add(p + "reach AS (\n" + String.join("\nUNION ALL\n", reach) + "\n)");
        }
        events.add(0, "SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM " + p + "hits AS h WHERE h.cls = 0");
        ctes.add(p + "events AS (\n" + String.join("\nUNION ALL\n", events) + "\n)");
        if (c.type() == Correlation.Type.SILENCE) {
            silence(p, c, span, groups);
        } else if (c.expression().isPresent()) {
            absence(p, c, refs, span, groups);
        } else {
            windows(p, c, refs, span, groups);
        }
        notes.approximated(c.span(), "event times are 64-bit nanoseconds, so an event before 1677-09-21 or after"
                + " 2262-04-11 takes no part (as an event without a time)");
        if (groups > 0) {
            notes.approximated(c.span(), "group-by values that are JSON numbers with a fraction or an exponent are"
                    + " printed as the engine prints them");
        }
        built.put(c, p);
        return Optional.of(p);
    }

    /** The correlation's field for one input: an alias resolves to the field it names for that input. */
    private static String aliased(Correlation c, String field, Ref ref) {
        for (Correlation.Alias a : c.aliases()) {
            if (a.name().equals(field)) {
                String f = a.fields().get(ref.name());
                if (f == null && ref.target().meta().name().isPresent()) {
                    f = a.fields().get(ref.target().meta().name().get());
                }
                return f == null ? field : f;
            }
        }
        return field;
    }

    private String first(SqlPaths paths, LogSourceKey source, String field) {
        List<String> names = PipelineApplier.field(pipelines, SqlTables.of(source), field);
        for (String n : names) {
            for (String k : SqlPaths.keys(n)) {
                Optional<String> why = d.escaper().cannotHold(k).or(() -> d.keyProblem(k));
                if (why.isPresent()) {
                    notes.unsupported(Span.NONE, "the field name '" + n + "': " + why.get());
                    return "NULL";
                }
            }
        }
        return paths.first("e.doc", names);
    }

    private void windows(String p, Correlation c, List<Ref> refs, long span, int groups) {
        String w = window(d, "h", "pt", span, groups);
        String valid = p + "valid";
        String reach = reach(d, p);
        String m;
        switch (c.type()) {
            case EVENT_COUNT -> m = windowed("count(*)", span, groups);
            case TEMPORAL, TEMPORAL_ORDERED -> {
                List<String> present = new ArrayList<>();
                for (String name : new LinkedHashSet<>(refs.stream().map(Ref::name).toList())) {
                    present.add("CASE WHEN " + windowed("count(*) FILTER (WHERE pt.rname = "
                            + d.escaper().literal(name) + ")", span, groups) + " > 0 THEN 1 ELSE 0 END");
                }
                m = "(" + String.join(" + ", present) + ")";
            }
            case VALUE_SUM, VALUE_AVG -> {
                String x = d.decimal("pt.val");
                String n = windowed("count(" + x + ")", span, groups);
                String sum = windowed("sum(" + x + ")", span, groups);
                m = "CASE WHEN " + n + " > 0 THEN " + sum + (c.type() == Correlation.Type.VALUE_AVG ? " / " + n : "")
                        + " END";
            }
            case VALUE_COUNT -> m = "(SELECT count(DISTINCT h.val) FROM " + reach + " AS h WHERE " + w + ")";
            default -> {
                int pct = c.threshold().flatMap(Correlation.Threshold::percentile).orElse(50);
                String x = d.decimal("h.val");
                // Nearest rank, with the evaluator's double arithmetic: ceil(p / 100.0 * n).
                m = "(SELECT s.x FROM (SELECT " + x + " AS x, row_number() OVER (ORDER BY " + x + ") AS rn, count(*)"
                        + " OVER () AS n FROM " + reach + " AS h WHERE " + w + " AND " + x + " IS NOT NULL) AS s"
                        + " WHERE s.rn = " + d.greatest("1", d.least("s.n", "CAST(ceil(" + d.doubleConstant(pct
                        / 100.0) + " * s.n) AS BIGINT)")) + ")";
            }
        }
        if (c.type() == Correlation.Type.VALUE_SUM || c.type() == Correlation.Type.VALUE_AVG
                || c.type() == Correlation.Type.VALUE_PERCENTILE) {
            if (!(d instanceof PostgresDialect)) {
                notes.approximated(c.span(), c.type().spelling() + " adds and compares the values as doubles, not"
                        + " exact decimals");
            } else if (c.type() == Correlation.Type.VALUE_AVG) {
                notes.approximated(c.span(), "value_avg divides with PostgreSQL's numeric precision, not 16"
                        + " significant digits (MathContext.DECIMAL64)");
            }
            notes.approximated(c.span(), c.type().spelling() + " reads numbers with ASCII digits only (Java's"
                    + " BigDecimal also reads other Unicode digits)");
        }
        String sat = threshold(c, refs.size(), "q.m");
        if (c.type() == Correlation.Type.TEMPORAL_ORDERED) {
            sat = "(" + sat + ") AND " + ordered(d, reach, refs.stream().map(Ref::name).toList(), span, groups);
        }
        ctes.add(p + "points AS (\nSELECT pt.*, " + m + " AS m\nFROM " + valid + " AS pt\n)");
        ctes.add(p + "sats AS (\nSELECT q.*, CASE WHEN " + sat + " THEN 1 ELSE 0 END AS sat\nFROM " + p
                + "points AS q\n)");
        marks(p, p + "sats", groups);
        fired(p, span);
        ctes.add(p + "alerts AS (\nSELECT f.o AS point" + groupColumns("f", groups) + NO_WINDOW
                + "\nFROM " + p + "fired AS f JOIN " + reach
                + " AS h ON " + window(d, "h", "f", span, groups) + eventsOf(p, "h") + "\n)");
    }

    /** LAG over the points of each group: the previous point's satisfaction and time. */
    private void marks(String p, String from, int groups) {
        ctes.add(p + "marks AS (\nSELECT r.*, LAG(r.sat) OVER (" + partition("r", groups) + ") AS prev_sat,\n"
                + "LAG(r.ns) OVER (" + partition("r", groups) + ") AS prev_ns\nFROM " + from + " AS r\n)");
    }

    /** A satisfied point fires unless the previous point of its group was satisfied within the span. */
    private void fired(String p, long span) {
        ctes.add(p + "fired AS (\nSELECT f.* FROM " + p + "marks AS f\nWHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat,"
                + " 0) = 1 AND f.prev_ns >= f.ns - " + span + ")\n)");
    }

    private void absence(String p, Correlation c, List<Ref> refs, long span, int groups) {
        Condition expr = expand(c.expression().get(), refs.stream().map(Ref::name).toList());
        Set<String> positive = new LinkedHashSet<>();
        collectPositive(expr, false, positive);
        List<String> pos = positive.stream().map(n -> d.escaper().literal(n)).toList();
        String inPositive = pos.isEmpty() ? "IN (NULL)" : "IN (" + String.join(", ", pos) + ")";
        String valid = p + "valid";
        // A name is present around a hit when its hits in [t - span, t + span] are not zero: one window count each.
        List<String> names = new ArrayList<>(new LinkedHashSet<>(refs.stream().map(Ref::name).toList()));
        StringBuilder near = new StringBuilder();
        String g = partitionList("pt", groups);
        for (int i = 0; i < names.size(); i++) {
            near.append(", count(*) FILTER (WHERE pt.rname = ").append(d.escaper().literal(names.get(i)))
                    .append(") OVER (").append(g.isEmpty() ? "" : "PARTITION BY " + g + " ")
                    .append("ORDER BY pt.ns RANGE BETWEEN ").append(span).append(" PRECEDING AND ").append(span)
                    .append(" FOLLOWING) AS near").append(i + 1);
        }
        ctes.add(p + "near AS (\nSELECT pt.*" + near + "\nFROM " + valid + " AS pt\n)");
        ctes.add(p + "anchors AS (\nSELECT pt.*, CASE WHEN " + truth(names, expr) + " THEN 1 ELSE 0 END AS sat\n"
                + "FROM " + p + "near AS pt\nWHERE pt.rname " + inPositive + "\n)");
        marks(p, p + "anchors", groups);
        fired(p, span);
        ctes.add(p + "alerts AS (\nSELECT f.o AS point" + groupColumns("f", groups) + NO_WINDOW
                + "\nFROM " + p + "fired AS f JOIN " + reach(d, p) + " AS h ON " + sameGroup("h", "f", groups)
                + (d.bucketJoins() ? " AND h.jb = f.b" : " AND h.b BETWEEN f.b - 1 AND f.b + 1")
                + " AND h.ns BETWEEN f.ns - " + span + " AND f.ns + " + span
                + " AND h.rname " + inPositive + eventsOf(p, "h") + "\n)");
    }

    private void silence(String p, Correlation c, long span, int groups) {
        String valid = p + "valid";
        ctes.add(p + "seq AS (\nSELECT v.*, LAG(v.ns) OVER (" + partition("v", groups) + ") AS prev_ns,\n"
                + "LAG(v.o) OVER (" + partition("v", groups) + ") AS prev_o,\n"
                + "LEAD(v.o) OVER (" + partition("v", groups) + ") AS next_o\nFROM " + valid + " AS v\n)");
        // The horizon is the newest event of the whole input: every event table, through the view the loader keeps.
        ctes.add(p + "horizon AS (\nSELECT max(x.ns) AS hz FROM " + SqlTables.ALL_EVENTS + " AS x\n)");
        String g = groupColumns("s", groups);
        String gap = "SELECT s.prev_o AS point" + g + ", s.prev_ns AS wstart, s.ns AS wend, ev.file AS file,"
                + " ev.line AS line, ev.ns AS ns\nFROM " + p + "seq AS s JOIN " + valid + " AS h ON h.o = s.%s"
                + eventsOf(p, "h") + "\nWHERE s.prev_ns IS NOT NULL AND s.ns - s.prev_ns > " + span;
        // A gap's alert holds the hits on both sides of it; a group's last hit, when the horizon is far enough.
        ctes.add(p + "alerts AS (\n" + String.format(gap, "prev_o") + "\nUNION ALL\n" + String.format(gap, "o")
                + "\nUNION ALL\n"
                + "SELECT s.o AS point" + g + ", s.ns AS wstart, z.hz AS wend, ev.file AS file, ev.line AS line,"
                + " ev.ns AS ns\n"
                + "FROM " + p + "seq AS s JOIN " + p + "horizon AS z ON z.hz - s.ns > " + span + " JOIN " + valid
                + " AS h ON h.o = s.o" + eventsOf(p, "h") + "\nWHERE s.next_o IS NULL\n)");
    }

}
