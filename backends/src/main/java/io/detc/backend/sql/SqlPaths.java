package io.detc.backend.sql;

import java.util.ArrayList;
import java.util.List;

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

    /** Where the values of a field come from: FROM items, their conditions, and the value of a row. */
    record Values(String from, String where, SqlDialect.Value value) {
        /** {@code EXISTS (SELECT 1 FROM ... WHERE ... AND test)}. */
        String exists(String test) {
            return "EXISTS (SELECT 1 FROM " + from + " WHERE " + and(where, test) + ")";
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

    /** The values of {@code path} under the node {@code root}. */
    Values values(String root, String path) {
        List<Route> rs = routes(path);
        if (rs.size() == 1) {
            Walk w = walk(root, rs.get(0), rs.get(0).keys().size());
            return new Values(String.join(", ", w.from), String.join(" AND ", w.where), d.value(w.last));
        }
        List<String> selects = new ArrayList<>();
        for (Route r : rs) {
            Walk w = walk(root, r, r.keys().size());
            String where = String.join(" AND ", w.where);
            selects.add("SELECT " + String.join(", ", d.unionColumns(w.last)) + " FROM " + String.join(", ", w.from)
                    + (where.isEmpty() ? "" : " WHERE " + where));
        }
        String alias = aliases.next("v");
        return new Values("(" + String.join(" UNION ALL ", selects) + ") AS " + alias, "", d.unionValue(alias));
    }

    /** The path reaches its end somewhere (even at a null or an empty array): {@code |exists}. */
    String present(String root, String path) {
        List<String> any = new ArrayList<>();
        for (Route r : routes(path)) {
            int steps = r.keys().size() - 1;
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
