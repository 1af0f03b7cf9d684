package io.detc.opensearch;

import io.detc.engine.property.Filter;
import io.detc.engine.property.Json;
import io.detc.engine.property.Rule;
import io.detc.engine.property.Scenario;
import io.detc.engine.property.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a scenario can show the difference a W402 reason names, from the JSON values its events hold at the
 * fields a rule (and the filters on it) reads. When it cannot, the approximated rule is compared like an exact
 * one, so a declaration covers only what it says. Conservative: any such value at any field read counts.
 */
final class OsTriggers {
    /** Number texts Java's parser (OpenSearch's) reads and detc does not, or reads to a value detc cannot. */
    private static final java.util.regex.Pattern LOOSE_NUMBER = java.util.regex.Pattern.compile(
            "\\s.*|.*\\s|[+].*|-?\\.[0-9].*|.*[0-9]\\.|-0(\\.0*)?|.*[0-9]{16,}.*|-?[0-9.]+[dDfF]|-?0[xX].*"
            + "|.*(Infinity|NaN).*",
            java.util.regex.Pattern.DOTALL);

    private OsTriggers() {
    }

    /** A JSON number with a fraction or exponent: its written text is not the one Java prints. */
    static boolean fractionalNumber(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Num num && num.literal().matches(".*[.eE].*"));
    }

    /** A value OpenSearch's double parser reads differently from detc, or -0 or an integer beyond 2^53. */
    static boolean looseNumber(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Str str && LOOSE_NUMBER.matcher(str.value()).matches()
                || n instanceof Json.Num num && LOOSE_NUMBER.matcher(num.literal()).matches());
    }

    /** null, [] or {}: a value for detc, none for OpenSearch's exists query. */
    static boolean emptyValue(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Null || n instanceof Json.Arr a && a.items().isEmpty()
                || n instanceof Json.Obj o && o.members().isEmpty());
    }

    /** {}: no value for OpenSearch, a value for detc's null test. */
    static boolean emptyObject(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Obj o && o.members().isEmpty());
    }

    /** IPv4 text: OpenSearch stores it as ::ffff:a.b.c.d, inside an IPv6 network that holds that range. */
    static boolean ipv4Text(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Str str && !str.value().contains(":")
                && str.value().matches("(?s).*[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+.*"));
    }

    /** A % in a text: an IPv6 zone id for OpenSearch's ip parser. */
    static boolean percent(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Str str && str.value().contains("%"));
    }

    /** A text with a letter beyond ASCII: the node's Java case tables may fold it otherwise than detc. */
    static boolean nonAscii(Scenario s, String key) {
        return any(s, key, n -> n instanceof Json.Str str && str.value().chars().anyMatch(c -> c > 127));
    }

    /**
     * Some field of some event holds a string and, in the same or another event, a number or boolean: the one
     * case where copy_to per field (not per value) fills the keywords field otherwise than detc reads keywords.
     * Every field counts, since keywords read them all.
     */
    static boolean mixedKinds(Scenario s, String key) {
        java.util.Map<String, java.util.Set<Class<?>>> kinds = new java.util.HashMap<>();
        s.events().forEach(e -> kinds(e, "", kinds));
        return kinds.values().stream().anyMatch(k -> k.contains(Json.Str.class) && k.size() > 1);
    }

    private static void kinds(Json node, String path, java.util.Map<String, java.util.Set<Class<?>>> out) {
        if (node instanceof Json.Arr a) {
            a.items().forEach(i -> kinds(i, path, out));
        } else if (node instanceof Json.Obj o) {
            o.members().forEach(m -> kinds(m.value(), path.isEmpty() ? m.key() : path + "." + m.key(), out));
        } else if (node instanceof Json.Str || node instanceof Json.Num || node instanceof Json.Bool) {
            out.computeIfAbsent(path, k -> new java.util.HashSet<>()).add(node.getClass());
        }
    }

    private static boolean any(Scenario s, String key, Predicate<Json> p) {
        List<Json> nodes = new ArrayList<>();
        for (String f : fields(s, key)) {
            for (Json.Obj e : s.events()) {
                nodes(e, f, nodes);
            }
        }
        return nodes.stream().anyMatch(p);
    }

    /** The fields a rule reads: its items' (fieldref targets, |element members), and its filters'. */
    static List<String> fields(Scenario s, String key) {
        List<Rule.Selection> sels = new ArrayList<>();
        s.rules().stream().filter(r -> r.id().equals(key)).forEach(r -> sels.addAll(r.selections()));
        s.filters().stream().filter(f -> f.ruleIds().contains(key)).map(Filter::selection).forEach(sels::add);
        List<String> out = new ArrayList<>();
        for (Rule.Selection sel : sels) {
            sel.maps().forEach(m -> m.forEach(i -> item(i, "", out)));
        }
        return out;
    }

    private static void item(Rule.Item i, String prefix, List<String> out) {
        out.add(prefix + i.field());
        for (Value v : i.values()) {
            if (i.modifiers().contains("fieldref") && v instanceof Value.Str str) {
                out.add(prefix + str.raw());
            } else if (v instanceof Value.Element el) {
                el.items().forEach(inner -> item(inner, prefix + i.field() + ".", out));
            }
        }
    }

    /** Every node at the path, arrays themselves included (an empty one too) before their items. */
    private static void nodes(Json node, String path, List<Json> out) {
        if (node instanceof Json.Arr a) {
            if (path.isEmpty()) {
                out.add(a);
            }
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
}
