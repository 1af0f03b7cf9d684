package io.detc.backend.spl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of Splunk running the searches the SPL backend writes (test code; nothing here can run real SPL). Events
 * become rows as {@code KV_MODE=json} extracts them, per the backend's documented assumptions: dotted paths with
 * {@code {}} after arrays, arrays as multivalue fields, scalars as their JSON text, null as the text {@code null},
 * empty objects and arrays as nothing. With {@code lenient}, each path is also reachable without its {@code {}}, so
 * rules written for any JSON shape (the conformance suite) can be run without a schema. Commands: implicit search,
 * search, where, eval, spath, sort, streamstats, addinfo, table, rename, multisearch ({@link SplModelStats} has
 * streamstats).
 */
final class SplModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input event: its JSON text, time (epoch seconds), line number and sourcetype. */
    record Event(String raw, double time, long line, String sourcetype) {
    }

    private final boolean lenient;
    private final double infoMaxTime;

    SplModel(boolean lenient, double infoMaxTime) {
        this.lenient = lenient;
        this.infoMaxTime = infoMaxTime;
    }

    List<Map<String, List<String>>> run(String query, List<Event> events) {
        List<String> commands = split(query.strip(), '|');
        List<Map<String, List<String>>> rows;
        int from;
        if (query.strip().startsWith("|")) {
            rows = generate(commands.get(1).strip(), events);
            from = 2;
        } else {
            rows = new ArrayList<>(events.stream().map(this::row).toList());
            rows = search(commands.get(0), rows);
            from = 1;
        }
        for (int k = from; k < commands.size(); k++) {
            rows = command(commands.get(k).strip(), rows);
        }
        return rows;
    }

    private List<Map<String, List<String>>> generate(String cmd, List<Event> events) {
        if (!cmd.startsWith("multisearch ")) {
            throw new IllegalArgumentException("no model of generating command " + cmd);
        }
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (String sub : split(cmd.substring("multisearch ".length()).strip(), ' ')) {
            if (sub.isBlank()) {
                continue;
            }
            String inner = sub.strip().substring(1, sub.strip().length() - 1).strip();
            out.addAll(run(inner.substring("search ".length()), events));
        }
        return out;
    }

    private List<Map<String, List<String>>> command(String cmd, List<Map<String, List<String>>> rows) {
        String name = cmd.split(" ", 2)[0];
        String args = cmd.length() > name.length() ? cmd.substring(name.length() + 1).strip() : "";
        switch (name) {
            case "search":
                return search(args, rows);
            case "where": {
                SplModelExpr.Node n = SplModelExpr.parse(args);
                return rows.stream().filter(r -> Boolean.TRUE.equals(SplModelExpr.eval(n, r, Map.of()))).toList();
            }
            case "eval":
                for (String assignment : split(args, ',')) {
                    int eq = assignment.indexOf('=');
                    String field = assignment.substring(0, eq).strip();
                    SplModelExpr.Node n = SplModelExpr.parse(assignment.substring(eq + 1));
                    rows.forEach(r -> set(r, field, SplModelExpr.eval(n, r, Map.of())));
                }
                return rows;
            case "spath": {
                String out = args.replaceAll(".*output=(\\S+).*", "$1");
                String path = SplDecode.string(args.replaceAll(".*path=(\"(?:[^\"\\\\]|\\\\.)*\").*", "$1"));
                rows.forEach(r -> set(r, out, SplModelFunctions.value(SplModelFunctions.spath(
                        r.get("_raw").get(0), path))));
                return rows;
            }
            case "sort": {
                boolean desc = args.endsWith("-_time");
                Comparator<Map<String, List<String>>> c = Comparator.comparingDouble(r -> time(r));
                List<Map<String, List<String>>> sorted = new ArrayList<>(rows);
                sorted.sort(desc ? c.reversed() : c);
                return sorted;
            }
            case "streamstats":
                return SplModelStats.run(args, rows);
            case "addinfo":
                rows.forEach(r -> r.put("info_max_time", List.of(SplModelFunctions.text(infoMaxTime))));
                return rows;
            case "table":
            case "rename":
                return rows;
            default:
                throw new IllegalArgumentException("no model of command " + name);
        }
    }

    private List<Map<String, List<String>>> search(String expr, List<Map<String, List<String>>> rows) {
        SplModelSearch.Test t = SplModelSearch.parse(expr);
        return new ArrayList<>(rows.stream().filter(r -> t.test(f -> r.getOrDefault(f, List.of()))).toList());
    }

    static double time(Map<String, List<String>> r) {
        return Double.parseDouble(r.get("_time").get(0));
    }

    static void set(Map<String, List<String>> r, String field, Object v) {
        String name = field.startsWith("'") ? field.substring(1, field.length() - 1) : field;
        if (v == null) {
            r.remove(name);
        } else if (v instanceof Boolean) {
            throw new IllegalStateException("eval cannot store a boolean in " + name);
        } else {
            r.put(name, SplModelFunctions.values(v));
        }
    }

    private Map<String, List<String>> row(Event e) {
        Map<String, List<String>> r = new LinkedHashMap<>();
        try {
            flatten(JSON.readTree(e.raw()), "", r);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        r.put("_raw", List.of(e.raw()));
        r.put("_time", List.of(Double.toString(e.time())));
        r.put("sourcetype", List.of(e.sourcetype()));
        r.put("detc_line", List.of(Long.toString(e.line())));
        return r;
    }

    private void flatten(JsonNode n, String path, Map<String, List<String>> r) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> flatten(f.getValue(), path.isEmpty() ? f.getKey()
                    : path + "." + f.getKey(), r));
        } else if (n.isArray()) {
            n.forEach(x -> flatten(x, path + "{}", r));
        } else {
            String v = n.isNull() ? "null" : n.asText();
            r.computeIfAbsent(path, k -> new ArrayList<>()).add(v);
            if (lenient && path.contains("{}")) {
                r.computeIfAbsent(path.replace("{}", ""), k -> new ArrayList<>()).add(v);
            }
        }
    }

    /** Splits at {@code sep} outside quotes, parentheses and brackets. */
    static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean dq = false;
        boolean sq = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dq) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    dq = false;
                }
            } else if (sq) {
                sq = c != '\'';
            } else if (c == '"') {
                dq = true;
            } else if (c == '\'') {
                sq = true;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == sep && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
