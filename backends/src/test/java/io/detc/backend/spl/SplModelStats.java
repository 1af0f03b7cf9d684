package io.detc.backend.spl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A model of {@code streamstats} (test code): rows in their current order; per group of the by fields (a row
 * missing one of them takes no part and gets nothing), the window is the group's previous rows, plus the row itself
 * unless {@code current=f}, cut to the last {@code window=N} rows, or to rows at most {@code time_window} seconds
 * older (inclusive: the documented assumption the backend declares with W402). Functions: count, min, max, last,
 * dc, sum, avg, exactpercN (nearest rank).
 */
final class SplModelStats {
    private SplModelStats() {
    }

    private record Agg(String fn, String field, String as) {
    }

    static List<Map<String, List<String>>> run(String args, List<Map<String, List<String>>> rows) {
        List<String> t = SplModelExpr.tokens(args);
        boolean current = true;
        int window = 0;
        double timeWindow = -1;
        List<Agg> aggs = new ArrayList<>();
        List<String> by = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            String tok = t.get(i);
            if (tok.equals("by")) {
                by.addAll(t.subList(i + 1, t.size()));
                break;
            }
            if (i + 2 < t.size() && t.get(i + 1).equals("=")) {
                String v = t.get(i + 2);
                switch (tok) {
                    case "current" -> current = !v.equals("f");
                    case "window" -> window = Integer.parseInt(v);
                    case "time_window" -> timeWindow = Double.parseDouble(v.replace("s", ""));
                    case "global" -> { }
                    default -> throw new IllegalArgumentException("no model of streamstats option " + tok);
                }
                i += 3;
            } else if (tok.equals("count")) {
                aggs.add(new Agg("count", null, t.get(i + 2)));
                i += 3;
            } else {
                aggs.add(new Agg(tok, t.get(i + 2), t.get(i + 5)));
                i += 6;
            }
        }
        Map<List<String>, Deque<Map<String, List<String>>>> groups = new HashMap<>();
        for (Map<String, List<String>> row : rows) {
            List<String> key = new ArrayList<>();
            for (String f : by) {
                List<String> v = row.get(f);
                if (v == null) {
                    key = null;
                    break;
                }
                key.add(String.join("\u0000", v));
            }
            if (key == null) {
                continue;
            }
            Deque<Map<String, List<String>>> history = groups.computeIfAbsent(key, k -> new ArrayDeque<>());
            List<Map<String, List<String>>> w = new ArrayList<>(history);
            if (current) {
                w.add(row);
            }
            if (window > 0 && w.size() > window) {
                w = w.subList(w.size() - window, w.size());
            }
            double now = SplModel.time(row);
            if (timeWindow >= 0) {
                double tw = timeWindow;
                w = w.stream().filter(r -> SplModel.time(r) >= now - tw).toList();
            }
            List<Object> results = new ArrayList<>();
            for (Agg a : aggs) {
                results.add(aggregate(a, w));
            }
            for (int k = 0; k < aggs.size(); k++) {
                SplModel.set(row, aggs.get(k).as(), results.get(k));
            }
            history.addLast(row);
        }
        return rows;
    }

    private static Object aggregate(Agg a, List<Map<String, List<String>>> w) {
        if (a.fn().equals("count")) {
            return (double) w.size();
        }
        List<String> values = new ArrayList<>();
        for (Map<String, List<String>> r : w) {
            List<String> v = r.get(a.field());
            if (v != null) {
                values.addAll(v);
            }
        }
        if (a.fn().equals("last")) {
            for (int k = w.size() - 1; k >= 0; k--) {
                List<String> v = w.get(k).get(a.field());
                if (v != null) {
                    return SplModelFunctions.value(v);
                }
            }
            return null;
        }
        if (a.fn().equals("dc")) {
            return (double) new LinkedHashSet<>(values).size();
        }
        List<Double> nums = values.stream().map(SplModelFunctions::number).filter(x -> x != null).sorted().toList();
        if (nums.isEmpty()) {
            return null;
        }
        switch (a.fn()) {
            case "min": return nums.get(0);
            case "max": return nums.get(nums.size() - 1);
            case "sum": return nums.stream().mapToDouble(Double::doubleValue).sum();
            case "avg": return nums.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            default:
                if (a.fn().startsWith("exactperc")) {
                    int p = Integer.parseInt(a.fn().substring("exactperc".length()));
                    int rank = (int) Math.ceil(p / 100.0 * nums.size());
                    return nums.get(Math.max(0, Math.min(nums.size() - 1, rank - 1)));
                }
                throw new IllegalArgumentException("no model of streamstats function " + a.fn());
        }
    }
}
