package io.detc.engine.property;

import java.util.ArrayList;
import java.util.List;

/**
 * The scalar texts a set of events holds at a rule's field path (dots walk objects, arrays are crossed, a flat
 * {@code "a.b"} key counts), so the rule generator can write values that match. Only a hint for the generator:
 * the evaluator, not this class, decides what matches.
 */
public final class Observed {
    private Observed() {
    }

    public static List<String> texts(List<Json.Obj> events, String path) {
        List<String> out = new ArrayList<>();
        for (Json.Obj e : events) {
            walk(e, path, out);
        }
        return out;
    }

    /**
     * Whether some event holds, at the path, a JSON number with a fraction or an exponent: the one kind of value
     * whose text the engines print differently from Java (a declared approximation of the SQL targets).
     */
    public static boolean fractionalNumberAt(List<Json.Obj> events, String path) {
        List<Json> nodes = new ArrayList<>();
        for (Json.Obj e : events) {
            nodes(e, path, nodes);
        }
        return nodes.stream().anyMatch(n -> n instanceof Json.Num num && num.literal().matches(".*[.eE].*"));
    }

    private static void nodes(Json node, String path, List<Json> out) {
        if (node instanceof Json.Arr a) {
            a.items().forEach(i -> nodes(i, path, out));
            return;
        }
        if (path.isEmpty()) {
            out.add(node);
            return;
        }
        if (node instanceof Json.Obj o) {
            int dot = path.indexOf('.');
            String head = dot < 0 ? path : path.substring(0, dot);
            for (Json.Member m : o.members()) {
                if (m.key().equals(head)) {
                    nodes(m.value(), dot < 0 ? "" : path.substring(dot + 1), out);
                } else if (m.key().equals(path)) {
                    nodes(m.value(), "", out);
                }
            }
        }
    }

    private static void walk(Json node, String path, List<String> out) {
        if (node instanceof Json.Arr a) {
            a.items().forEach(i -> walk(i, path, out));
            return;
        }
        if (path.isEmpty()) {
            if (node instanceof Json.Str s) {
                out.add(s.value());
            } else if (node instanceof Json.Num n) {
                out.add(n.literal());
            } else if (node instanceof Json.Bool b) {
                out.add(Boolean.toString(b.value()));
            }
            return;
        }
        if (!(node instanceof Json.Obj o)) {
            return;
        }
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        for (Json.Member m : o.members()) {
            if (m.key().equals(head)) {
                walk(m.value(), rest, out);
            } else if (m.key().equals(path)) {
                walk(m.value(), "", out);
            }
        }
    }
}
