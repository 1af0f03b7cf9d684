package io.detc.backend.spl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.value.Cidr;
import io.detc.value.Cidrs;
import io.detc.value.IpAddresses;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The eval functions and operators of {@link SplModelExpr}, modelled on the Splunk documentation and on the
 * assumptions listed in the SPL backend's package documentation (PCRE read by java.util.regex; cidrmatch parses
 * RFC 4291 and dotted quads and does not map {@code ::ffff:a.b.c.d} to IPv4; spath returns the JSON text of
 * objects and arrays).
 */
final class SplModelFunctions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SplModelFunctions() {
    }

    /** A field's values as a value: missing is null, one value a string, several a list. */
    static Object value(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : List.copyOf(values);
    }

    static List<String> values(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(text(v));
    }

    static String text(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : d.toString();
        }
        if (v instanceof List<?> l) {
            return String.valueOf(l.get(0));
        }
        return String.valueOf(v);
    }

    static Double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v == null || v instanceof Boolean) {
            return null;
        }
        try {
            return Double.parseDouble(text(v).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Object op(SplModelExpr.Op o, Map<String, List<String>> row, Map<String, String> bound) {
        Object a = SplModelExpr.eval(o.left(), row, bound);
        if (o.op().equals("AND") || o.op().equals("OR")) {
            Object b = SplModelExpr.eval(o.right(), row, bound);
            boolean and = o.op().equals("AND");
            if (a != null && SplModelExpr.truth(a) != and) {
                return !and;
            }
            if (b != null && SplModelExpr.truth(b) != and) {
                return !and;
            }
            return a == null || b == null ? null : and;
        }
        Object b = SplModelExpr.eval(o.right(), row, bound);
        if (a == null || b == null) {
            return null;
        }
        Double x = number(a);
        Double y = number(b);
        if (o.op().equals("+") || o.op().equals("-")) {
            return x == null || y == null ? null : o.op().equals("+") ? x + y : x - y;
        }
        // Numeric comparison as in eval (so -0 equals 0), else text.
        int cmp = x != null && y != null ? (x < y ? -1 : x > y ? 1 : 0) : text(a).compareTo(text(b));
        return switch (o.op()) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalStateException(o.op());
        };
    }

    static Object call(SplModelExpr.Call c, Map<String, List<String>> row, Map<String, String> bound) {
        List<SplModelExpr.Node> a = c.args();
        switch (c.fn()) {
            case "mvfilter":
                return perValue(fieldOf(a.get(0)), a.get(0), row, bound, true);
            case "mvmap":
                return perValue(((SplModelExpr.Field) a.get(0)).name(), a.get(1), row, bound, false);
            case "if": {
                Object test = SplModelExpr.eval(a.get(0), row, bound);
                return SplModelExpr.eval(test != null && SplModelExpr.truth(test) ? a.get(1) : a.get(2), row, bound);
            }
            case "case":
                for (int k = 0; k + 1 < a.size(); k += 2) {
                    Object test = SplModelExpr.eval(a.get(k), row, bound);
                    if (test != null && SplModelExpr.truth(test)) {
                        return SplModelExpr.eval(a.get(k + 1), row, bound);
                    }
                }
                return null;
            case "coalesce":
                for (SplModelExpr.Node n : a) {
                    Object v = SplModelExpr.eval(n, row, bound);
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            default:
                List<Object> v = new ArrayList<>();
                a.forEach(n -> v.add(SplModelExpr.eval(n, row, bound)));
                return plain(c.fn(), v);
        }
    }

    private static Object plain(String fn, List<Object> v) {
        Object x = v.isEmpty() ? null : v.get(0);
        switch (fn) {
            case "true": return true;
            case "false": return false;
            case "null": return null;
            case "isnull": return x == null;
            case "isnotnull": return x != null;
            case "mvcount": return x == null ? null : (double) values(x).size();
            case "mvindex": {
                List<String> vs = values(x);
                int k = number(v.get(1)).intValue();
                return k < vs.size() ? vs.get(k) : null;
            }
            case "mvdedup": return x == null ? null : value(List.copyOf(new LinkedHashSet<>(values(x))));
            case "mvappend": {
                List<String> all = new ArrayList<>();
                v.forEach(y -> all.addAll(values(y)));
                return value(all);
            }
            case "mvfind": {
                List<String> vs = values(x);
                Pattern p = pcre(text(v.get(1)));
                for (int k = 0; k < vs.size(); k++) {
                    if (p.matcher(vs.get(k)).find()) {
                        return (double) k;
                    }
                }
                return null;
            }
            case "match": return x == null ? null : pcre(text(v.get(1))).matcher(text(x)).find();
            case "tonumber": return x == null ? null : number(x);
            case "lower": return x == null ? null : text(x).toLowerCase(java.util.Locale.ROOT);
            case "len": return x == null ? null : (double) text(x).codePointCount(0, text(x).length());
            case "substr": return x == null ? null : substr(text(x), number(v.get(1)).intValue(),
                    v.size() > 2 ? number(v.get(2)).intValue() : Integer.MAX_VALUE);
            case "split": return x == null ? null : value(List.of(text(x).split(Pattern.quote(text(v.get(1))), -1)));
            case "cidrmatch": return x == null || v.get(1) == null ? null : cidr(text(x), text(v.get(1)));
            case "spath": return x == null ? null : value(spath(text(x), text(v.get(1))));
            case "strptime": return x == null ? null : strptime(text(x));
            case "strftime": return x == null ? null : (double) LocalDate.ofEpochDay(number(x).longValue() / 86400)
                    .get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            default: throw new IllegalArgumentException("no model of eval function " + fn);
        }
    }

    /** PCRE in UTF mode, as java.util.regex reads it: (?i) folds Unicode letters too. */
    private static Pattern pcre(String re) {
        return Pattern.compile(re, Pattern.UNICODE_CASE);
    }

    /** mvfilter (keep values where the expression is TRUE) and mvmap (collect the expression's values). */
    private static Object perValue(String field, SplModelExpr.Node expr, Map<String, List<String>> row,
                                   Map<String, String> bound, boolean filter) {
        List<String> out = new ArrayList<>();
        for (String value : values(bound.containsKey(field) ? bound.get(field) : value(row.get(field)))) {
            Map<String, String> b = new HashMap<>(bound);
            b.put(field, value);
            Object r = SplModelExpr.eval(expr, row, b);
            if (filter && r != null && SplModelExpr.truth(r)) {
                out.add(value);
            } else if (!filter && r != null) {
                out.addAll(values(r));
            }
        }
        return value(out);
    }

    /** The one field an mvfilter expression names (Splunk allows only one). */
    private static String fieldOf(SplModelExpr.Node n) {
        if (n instanceof SplModelExpr.Field f) {
            return f.name();
        }
        List<SplModelExpr.Node> kids = n instanceof SplModelExpr.Op o ? List.of(o.left(), o.right())
                : n instanceof SplModelExpr.Not x ? List.of(x.operand())
                : n instanceof SplModelExpr.Call c ? c.args() : List.of();
        for (SplModelExpr.Node k : kids) {
            String f = fieldOf(k);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static String substr(String s, int start, int len) {
        int[] cps = s.codePoints().toArray();
        int from = Math.max(0, start - 1);
        int to = (int) Math.min(cps.length, (long) from + len);
        return from >= cps.length ? "" : new String(cps, from, to - from);
    }

    private static boolean cidr(String net, String ip) {
        Optional<Cidr> n = Cidrs.parse(net);
        Optional<IpAddresses.Address> a = IpAddresses.parse(ip);
        if (n.isEmpty() || a.isEmpty() || a.get().bits() != n.get().bits()) {
            return false;
        }
        int shift = n.get().bits() - n.get().prefix();
        BigInteger mask = BigInteger.ONE.shiftLeft(n.get().bits()).subtract(BigInteger.ONE.shiftLeft(shift));
        return a.get().value().and(mask).equals(n.get().network());
    }

    private static Double strptime(String date) {
        try {
            return (double) LocalDate.parse(date).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** spath: the values at a path of {@code name} and {@code name{}} steps; objects and arrays as JSON text. */
    static List<String> spath(String json, String path) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return List.of();
        }
        List<JsonNode> cur = new ArrayList<>(List.of(root));
        for (String step : path.split("\\.")) {
            int arrays = 0;
            String key = step;
            while (key.endsWith("{}")) {
                key = key.substring(0, key.length() - 2);
                arrays++;
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : cur) {
                JsonNode child = key.isEmpty() ? n : n.get(key);
                if (child != null) {
                    next.add(child);
                }
            }
            for (int k = 0; k < arrays; k++) {
                List<JsonNode> elements = new ArrayList<>();
                next.stream().filter(JsonNode::isArray).forEach(a -> a.forEach(elements::add));
                next = elements;
            }
            cur = next;
        }
        return cur.stream().map(n -> n.isValueNode() ? (n.isNull() ? "null" : n.asText()) : n.toString()).toList();
    }
}
