package io.detc.backend.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dotted field path as the evaluator walks it (docs/semantics.md, "Dots and arrays", "Flat keys"), as SQL over one
 * dialect's JSON access. A path {@code a.b.c} has one <em>route</em> through nested objects, plus one per level
 * {@code i} below the last where the object has no key {@code seg[i]} but has the literal key {@code "seg[i]...c"}
 * (the rest of the path, dots included), which then ends the path: nested data wins. Every step flattens the arrays
 * it meets, at any depth. The values of the field are the union of its routes' values.
 *
 * <p>Table aliases are numbered per query ({@link Aliases}), so a nested subquery never shadows a name an outer one
 * still uses.
 */
final class SqlPaths {
    private final SqlDialect d;
    private final Aliases aliases;

    SqlPaths(SqlDialect d, Aliases aliases) {
        this.d = d;
        this.aliases = aliases;
    }

    /** Alias numbering shared by one query. */
    static final class Aliases {
        private int next = 1;

        String next(String prefix) {
            return prefix + next++;
        }
    }

    /** The values of a field, and the test "some value passes". */
    sealed interface Values permits Rows, Listed {
        /** One value, as the tests see it. */
        SqlDialect.Value value();

        /** Some value passes {@code test} (an expression over {@link #value()}). */
        String exists(String test);
    }

    /** Values as rows: FROM items, their conditions, and the value of a row. */
    record Rows(String from, String where, SqlDialect.Value value) implements Values {
        /** {@code EXISTS (SELECT 1 FROM ... WHERE ... AND test)}. */
        @Override
        public String exists(String test) {
            return "EXISTS (SELECT 1 FROM " + from + " WHERE " + and(where, test) + ")";
        }
    }

    /** Values as a list of the dialect's ({@link SqlLists}), each named {@code var} inside the test. */
    record Listed(SqlLists lists, String list, String var) implements Values {
        @Override
        public SqlDialect.Value value() {
            return lists.value(var);
        }

        @Override
        public String exists(String test) {
            return lists.any(list, var, test);
        }
    }

    static String and(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a + " AND " + b;
    }

    /** One way through the document: keys stepped in order, and the key that must be missing (flat routes). */
    private record Route(List<String> keys, String missing) {
    }

    /** Segments as the evaluator splits them: at every dot, empty segments kept. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = path.indexOf('.'); i >= 0; i = path.indexOf('.', from)) {
            out.add(path.substring(from, i));
            from = i + 1;
        }
        out.add(path.substring(from));
        return out;
    }

    private static List<Route> routes(String path) {
        List<String> segs = segments(path);
        List<Route> out = new ArrayList<>();
        out.add(new Route(segs, null));
        for (int i = 0; i < segs.size() - 1; i++) {
            List<String> keys = new ArrayList<>(segs.subList(0, i));
            keys.add(String.join(".", segs.subList(i, segs.size())));
            out.add(new Route(keys, segs.get(i)));
        }
        return out;
    }

    /** The keys of a path, for the escaper's checks. */
    static List<String> keys(String path) {
        List<String> out = new ArrayList<>();
        for (Route r : routes(path)) {
            out.addAll(r.keys());
        }
        return out;
    }

    /**
     * The values of {@code path} under the node {@code root}: a list where the dialect has lists and every key can
     * be read without a subquery, else rows. The test given to {@link Values#exists} must then hold no subquery.
     */
    Values values(String root, String path) {
        Optional<SqlLists> lists = d.lists();
        if (lists.isEmpty() || keys(path).contains("")) {
            return rows(root, path);
        }
        return new Listed(lists.get(), list(lists.get(), root, segments(path)), aliases.next("x"));
    }

    /**
     * The values of the segments {@code segs} below {@code root}, every route of the path concatenated. The root's
     * child at the first key is bound once (reading a key parses the whole document again). The routes step
     * one after another instead of nesting lambdas in lambdas: DuckDB binds a nested lambda's body again for each
     * level around it, and a five-key path took seconds to plan when nested.
     */
    private String list(SqlLists lists, String root, List<String> segs) {
        String whole = lists.flat(d.child(root, String.join(".", segs)));
        if (segs.size() == 1) {
            return whole;
        }
        String first = aliases.next("x");
        List<String> parts = new ArrayList<>();
        parts.add(steps(lists, lists.flat(first), segs.subList(1, segs.size())));
        parts.add(lists.when(first + " IS NULL", whole));
        for (int i = 1; i < segs.size() - 1; i++) {
            String x = aliases.next("x");
            parts.add(lists.flatMap(steps(lists, lists.flat(first), segs.subList(1, i)), x, lists.when(
                    d.child(x, segs.get(i)) + " IS NULL", lists.flat(d.child(x, String.join(".", segs.subList(i,
                            segs.size())))))));
        }
        return lists.bind(d.child(root, segs.get(0)), first, lists.concat(parts));
    }

    /** The nodes of {@code start} stepped through {@code keys} in order, each step flattened. */
    private String steps(SqlLists lists, String start, List<String> keys) {
        String out = start;
        for (String k : keys) {
            String x = aliases.next("x");
            out = lists.flatMap(out, x, lists.flat(d.child(x, k)));
        }
        return out;
    }

    /** The nodes after the first {@code steps} keys of a route (not its last), each flattened. */
    private String routeList(SqlLists lists, String root, Route r, int steps) {
        String out = lists.flat(d.child(root, r.keys().get(0)));
        for (int i = 1; i < steps; i++) {
            String var = aliases.next("x");
            out = lists.flatMap(out, var, lists.flat(d.child(var, r.keys().get(i))));
        }
        return out;
    }

    /** The values of {@code path} under {@code root} as rows (FROM items), for tests that hold subqueries. */
    Rows rows(String root, String path) {
        List<Route> rs = routes(path);
        if (rs.size() == 1) {
            Walk w = walk(root, rs.get(0), rs.get(0).keys().size());
            return new Rows(String.join(", ", w.from), String.join(" AND ", w.where), d.value(w.last));
        }
        List<String> selects = new ArrayList<>();
        for (Route r : rs) {
            Walk w = walk(root, r, r.keys().size());
            String where = String.join(" AND ", w.where);
            selects.add("SELECT " + String.join(", ", d.unionColumns(w.last)) + " FROM " + String.join(", ", w.from)
                    + (where.isEmpty() ? "" : " WHERE " + where));
        }
        String alias = aliases.next("v");
        return new Rows("(" + String.join(" UNION ALL ", selects) + ") AS " + alias, "", d.unionValue(alias));
    }

    /** The path reaches its end somewhere (even at a null or an empty array): {@code |exists}. */
    String present(String root, String path) {
        List<String> any = new ArrayList<>();
        Optional<SqlLists> lists = d.lists().filter(l -> !keys(path).contains(""));
        for (Route r : routes(path)) {
            int steps = r.keys().size() - 1;
            if (lists.isPresent() && steps > 0) {
                String var = aliases.next("x");
                String test = d.child(var, r.keys().get(steps)) + " IS NOT NULL";
                if (r.missing() != null) {
                    test = d.child(var, r.missing()) + " IS NULL AND " + test;
                }
                any.add(lists.get().any(routeList(lists.get(), root, r, steps), var, test));
                continue;
            }
            Walk w = walk(root, r, steps);
            String node = w.last == null ? root : d.node(w.last);
            List<String> where = new ArrayList<>(w.where);
            if (r.missing() != null) {
                where.add(d.child(node, r.missing()) + " IS NULL");
            }
            where.add(d.child(node, r.keys().get(steps)) + " IS NOT NULL");
            if (w.from.isEmpty()) {
                any.add(String.join(" AND ", where));
            } else {
                any.add("EXISTS (SELECT 1 FROM " + String.join(", ", w.from) + " WHERE " + String.join(" AND ", where)
                        + ")");
            }
        }
        return any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")";
    }

    private static final class Walk {
        final List<String> from = new ArrayList<>();
        final List<String> where = new ArrayList<>();
        final List<String> order = new ArrayList<>();
        SqlDialect.Flat last;
    }

    /**
     * The first scalar value of a field as text, in the evaluator's order (its native names in order, then document
     * order), or NULL: what a correlation reads for group-by and value fields ({@code FieldText.first}).
     */
    String first(String root, List<String> names) {
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (Route r : routes(names.get(i))) {
                Walk w = walk(root, r, r.keys().size());
                String where = String.join(" AND ", w.where);
                selects.add("SELECT " + d.orderKey(i, w.order) + " AS k, " + String.join(", ",
                        d.unionColumns(w.last)) + " FROM " + String.join(", ", w.from)
                        + (where.isEmpty() ? "" : " WHERE " + where));
            }
        }
        String alias = aliases.next("v");
        String text = d.text(d.unionValue(alias));
        return "(SELECT " + text + " FROM (" + String.join(" UNION ALL ", selects) + ") AS " + alias + " WHERE "
                + text + " IS NOT NULL ORDER BY " + alias + ".k LIMIT 1)";
    }

    /** The first {@code steps} keys of a route, each flattened; the flat route's guard on its last step. */
    private Walk walk(String root, Route r, int steps) {
        Walk w = new Walk();
        String node = root;
        for (int i = 0; i < steps; i++) {
            if (r.missing() != null && i == r.keys().size() - 1) {
                w.where.add(d.child(node, r.missing()) + " IS NULL");
            }
            SqlDialect.Flat f = d.flatten(d.child(node, r.keys().get(i)), aliases.next("n"));
            w.from.add(f.from());
            w.order.add(d.rowOrder(f));
            if (!f.where().isEmpty()) {
                w.where.add(f.where());
            }
            w.last = f;
            node = d.node(f);
        }
        return w;
    }
}
