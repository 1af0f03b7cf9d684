package io.detc.backend.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL fragments every correlation shape of {@link SqlCorrelations} repeats: column lists, partitions and joins
 * over the group columns {@code g1..gn}, the sliding window of a point, and the join to an alert's events. Pure
 * functions of their arguments, so the shapes read as the CTEs they build.
 */
final class SqlCorrelationParts {
    private SqlCorrelationParts() {
    }

    /** The columns after the group values of a window alert's rows: its window is its events' first and last time. */
    static final String NO_WINDOW = ", CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend,"
            + " ev.file AS file, ev.line AS line, ev.ns AS ns";

    static String groupColumns(String alias, int groups) {
        StringBuilder b = new StringBuilder();
        for (int g = 1; g <= groups; g++) {
            b.append(", ").append(alias).append(".g").append(g).append(" AS g").append(g);
        }
        return b.toString();
    }

    static String sameGroup(String a, String b, int groups) {
        List<String> eq = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            eq.add(a + ".g" + g + " = " + b + ".g" + g);
        }
        return eq.isEmpty() ? "TRUE" : String.join(" AND ", eq);
    }

    static String partition(String alias, int groups) {
        List<String> p = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            p.add(alias + ".g" + g);
        }
        return (p.isEmpty() ? "" : "PARTITION BY " + String.join(", ", p) + " ") + "ORDER BY " + alias + ".o";
    }

    /** The events of hit {@code h}: itself, or the events of the chained alert. */
    static String eventsOf(String p, String h) {
        return " JOIN " + p + "events AS ev ON ev.cls = " + h + ".cls AND ev.k1 = " + h + ".k1 AND ev.k2 = " + h
                + ".k2";
    }

    /**
     * An aggregate over the window of each point as window functions: a RANGE frame holds the group's hits with
     * {@code ns} in {@code [p.ns - span, p.ns]}, including hits at {@code p.ns} that come after {@code p}; those are
     * taken off again (a ROWS frame over the hits of that instant after {@code p}). Counts stay exact integers.
     */
    static String windowed(String agg, long span, int groups) {
        String g = partitionList("pt", groups);
        return "(" + agg + " OVER (" + (g.isEmpty() ? "" : "PARTITION BY " + g + " ") + "ORDER BY pt.ns RANGE BETWEEN "
                + span + " PRECEDING AND CURRENT ROW) - COALESCE(" + agg + " OVER (PARTITION BY "
                + (g.isEmpty() ? "" : g + ", ") + "pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED"
                + " FOLLOWING), 0))";
    }

    static String partitionList(String alias, int groups) {
        List<String> out = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            out.add(alias + ".g" + g);
        }
        return String.join(", ", out);
    }

    /**
     * The window of point {@code p} among the rows of {@code reach} aliased {@code h}: the group's hits in
     * {@code [p.ns - span, p.ns]} up to {@code p} in order.
     */
    static String window(SqlDialect d, String h, String p, long span, int groups) {
        String bucket = d.bucketJoins() ? h + ".jb = " + p + ".b" : h + ".b BETWEEN " + p + ".b - 1 AND " + p + ".b";
        return sameGroup(h, p, groups) + " AND " + bucket + " AND " + h + ".ns >= " + p + ".ns - " + span + " AND "
                + h + ".o <= " + p + ".o";
    }

    /** The hits to join with points: each once per bucket ({@code reach}), or the hits themselves. */
    static String reach(SqlDialect d, String p) {
        return p + (d.bucketJoins() ? "reach" : "valid");
    }

    /** The rules in the listed order inside the window of {@code q}: an ordered self-join. */
    static String ordered(SqlDialect d, String reach, List<String> names, long span, int groups) {
        List<String> from = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String h = "t" + (i + 1);
            from.add(reach + " AS " + h);
            where.add(window(d, h, "q", span, groups));
            where.add(h + ".rname = " + d.escaper().literal(names.get(i)));
            if (i > 0) {
                where.add("t" + i + ".o < " + h + ".o");
            }
        }
        return "EXISTS (SELECT 1 FROM " + String.join(", ", from) + " WHERE " + String.join(" AND ", where) + ")";
    }
}
