package io.detc.backend.spl;

import io.detc.rule.Correlation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * temporal and temporal_ordered windows (see {@link SplStages}): per rule, the time of its latest event so far
 * ({@code streamstats max}); a rule is in the window when that time is at most a timespan before the row. For the
 * ordered type, {@code s_j} is the latest start of a sequence r1..rj ending at or before the row: at an event of rj
 * it is {@code s_(j-1)} as of that event, and a running max keeps the latest; the window holds the whole sequence
 * when {@code s_n} is at most a timespan old.
 */
final class SplTemporal {
    private final SplCorrelations.Stage s;
    private final long span;
    private final Map<String, String> tagByName = new LinkedHashMap<>();
    private String chain;

    SplTemporal(SplCorrelations.Stage s, long span) {
        this.s = s;
        this.span = span;
        s.inputs().forEach(i -> tagByName.putIfAbsent(i.ref(), i.tag()));
    }

    String commands(String by) {
        SplEscaper e = SplEscaper.INSTANCE;
        List<String> names = new ArrayList<>(tagByName.keySet());
        List<String> marks = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String tag = e.literal(tagByName.get(names.get(i)));
            marks.add(s.col("r" + (i + 1)) + "=if(detc_src=" + tag + ", _time, null())");
            latest.add("max(" + s.col("r" + (i + 1)) + ") AS " + s.col("l" + (i + 1)));
        }
        StringBuilder q = new StringBuilder(" | eval ").append(String.join(", ", marks))
                .append(" | streamstats ").append(String.join(" ", latest)).append(by);
        List<String> present = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            present.add("if(_time - coalesce(" + s.col("l" + i) + ", 0) <= " + span + ", 1, 0)");
        }
        q.append(" | eval ").append(s.col("m")).append("=").append(String.join(" + ", present));
        if (s.c().type() == Correlation.Type.TEMPORAL_ORDERED) {
            List<String> order = s.c().rules().stream().map(r -> r.target()).toList();
            String prev = s.col("l" + (names.indexOf(order.get(0)) + 1));
            for (int j = 1; j < order.size(); j++) {
                String c = s.col("c" + (j + 1));
                q.append(" | eval ").append(c).append("=if(detc_src=").append(e.literal(tagByName.get(order.get(j))))
                        .append(", ").append(prev).append(", null())");
                q.append(" | streamstats max(").append(c).append(") AS ").append(s.col("s" + (j + 1))).append(by);
                prev = s.col("s" + (j + 1));
            }
            chain = prev;
        }
        return q.toString();
    }

    String condition() {
        Correlation c = s.c();
        String count = c.threshold().isPresent()
                ? SplStages.threshold(s.col("m"), c.threshold().get().comparisons())
                : s.col("m") + "=" + tagByName.size();
        if (c.type() == Correlation.Type.TEMPORAL_ORDERED) {
            return "_time - coalesce(" + chain + ", 0) <= " + span + " AND " + count;
        }
        return count;
    }
}
