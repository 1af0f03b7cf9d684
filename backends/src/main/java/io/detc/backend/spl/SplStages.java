package io.detc.backend.spl;

import io.detc.rule.Correlation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The commands of one correlation stage (see {@link SplCorrelations}). Rows are sorted by {@code _time}; Splunk's
 * {@code streamstats} then sees each group's rows in time order, the evaluator's order (ties as Splunk's sort
 * leaves them). Every window test is written as a comparison on {@code _time}, so its bounds are the evaluator's
 * ({@code [t - timespan, t]}, both ends in), except where {@code time_window} is needed (distinct counts, sums,
 * averages, percentiles): there Splunk decides whether an event exactly one timespan old is in (W402).
 *
 * <ul>
 *   <li>event_count: "at least k events in the window" is "the k-th latest event of the group is at most a
 *       timespan old" ({@code streamstats window=k}); every threshold is a combination of such tests;</li>
 *   <li>temporal: rule r is in the window when its latest event so far is at most a timespan old;</li>
 *   <li>temporal_ordered: the latest start of a chain r1, r2, ... rn ending at or before each row, built rule by
 *       rule with {@code streamstats max}; the window holds the sequence when that start is at most a timespan
 *       old;</li>
 *   <li>absence: a second pass in reverse time order finds each rule's next event, for the window on both sides;</li>
 *   <li>silence: the gap to the previous event of the group; at the end, the last event against the end of the
 *       search's time range.</li>
 * </ul>
 * One firing per run: a satisfying row fires unless the previous row of its group (the previous anchor, for
 * absence) was satisfying and at most a timespan older.
 */
final class SplStages {
    private final SplEscaper e = SplEscaper.INSTANCE;
    private final SplNotes notes;

    SplStages(SplNotes notes) {
        this.notes = notes;
    }

    /** Where fired rows go: {@code tag} of the naming stage (with its group columns from these expressions). */
    record Output(String tag, List<String> groups, List<String> from) {
    }

    String commands(SplCorrelations.Stage s, Output out) {
        Correlation c = s.c();
        long span = c.timespan().orElseThrow().toSeconds();
        String own = isOwn(s);
        StringBuilder q = new StringBuilder();
        q.append(" | where NOT (").append(own).append(") OR (").append(s.groups().stream()
                .map(g -> "isnotnull(" + g + ")").collect(Collectors.joining(" AND "))).append(")");
        q.append(" | sort 0 _time");
        String by = " by " + String.join(" ", s.groups());
        if (c.type() == Correlation.Type.SILENCE) {
            q.append(silence(s, span, by));
        } else if (c.expression().isPresent()) {
            q.append(new SplAbsence(s, span).commands(notes));
        } else {
            q.append(window(s, span, by));
            q.append(fire(s, span, s.groups(), s.col("ok")));
        }
        String owned = "isnotnull(" + s.groups().get(0) + ")";
        q.append(" | eval detc_src=case(").append(s.col("fire")).append("=1 AND ").append(owned).append(", ")
                .append(e.literal(out.tag())).append(", ").append(owned).append(", null(), true(), detc_src)");
        q.append(" | where isnotnull(detc_src)");
        if (!out.groups().isEmpty()) {
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < out.groups().size(); i++) {
                String g = out.groups().get(i);
                sets.add(g + "=if(detc_src=" + e.literal(out.tag()) + ", " + out.from().get(i) + ", " + g + ")");
            }
            q.append(" | eval ").append(String.join(", ", sets));
        }
        return q.toString();
    }

    /** The alerts: the rows the last stage fired, with the group-by values under their own names. */
    String output(SplCorrelations.Stage root) {
        List<String> names = root.c().groupBy();
        List<String> cols = new ArrayList<>(List.of("_time"));
        List<String> renames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            cols.add(root.groups().get(i));
            renames.add(root.groups().get(i) + " AS " + e.literal(names.get(i)));
        }
        cols.add(root.col("m"));
        String q = " | where detc_src=" + e.literal("alert") + " | table " + String.join(" ", cols);
        return renames.isEmpty() ? q : q + " | rename " + String.join(", ", renames);
    }

    static String isOwn(SplCorrelations.Stage s) {
        SplEscaper e = SplEscaper.INSTANCE;
        return s.inputs().stream().map(i -> "detc_src=" + e.literal(i.tag())).collect(Collectors.joining(" OR "));
    }

    /** The window test of the threshold types into {@code ok} (and the measure, where one is computed, into m). */
    private String window(SplCorrelations.Stage s, long span, String by) {
        Correlation c = s.c();
        StringBuilder q = new StringBuilder();
        String cond;
        switch (c.type()) {
            case EVENT_COUNT -> {
                EventCount ec = new EventCount(s, span);
                cond = ec.condition(c.threshold().orElseThrow().comparisons());
                for (int k : ec.windows) {
                    if (k > 10000) {
                        notes.unsupported(c.threshold().get().span(), "an event_count threshold above 10000 (the"
                                + " largest streamstats window)");
                    }
                    q.append(" | streamstats global=f window=").append(k).append(" count AS ").append(s.col("n" + k))
                            .append(" min(_time) AS ").append(s.col("t" + k)).append(by);
                }
                q.append(" | streamstats time_window=").append(span).append("s count AS ").append(s.col("m"))
                        .append(by);
            }
            case TEMPORAL, TEMPORAL_ORDERED -> {
                SplTemporal t = new SplTemporal(s, span);
                q.append(t.commands(by));
                cond = t.condition();
            }
            default -> {
                String fn = switch (c.type()) {
                    case VALUE_COUNT -> "dc";
                    case VALUE_SUM -> "sum";
                    case VALUE_AVG -> "avg";
                    default -> "exactperc" + c.threshold().flatMap(Correlation.Threshold::percentile).orElse(50);
                };
                notes.approximated(c.typeSpan(), c.type().spelling() + " uses streamstats time_window, whose"
                        + " lower bound (an event exactly one timespan old) is Splunk's, not detc's inclusive one"
                        + (c.type() == Correlation.Type.VALUE_COUNT ? "" : "; numbers are what Splunk reads as"
                        + " numbers") + (c.type() == Correlation.Type.VALUE_PERCENTILE ? "; Splunk's exactperc may"
                        + " pick a neighbouring rank where detc uses the nearest rank" : ""));
                q.append(" | streamstats time_window=").append(span).append("s ").append(fn).append("(")
                        .append(s.col("v")).append(") AS ").append(s.col("m")).append(by);
                cond = threshold(s.col("m"), c.threshold().orElseThrow().comparisons());
            }
        }
        q.append(" | eval ").append(s.col("ok")).append("=if(").append(cond).append(", 1, 0)");
        return q.toString();
    }

    /** A satisfying row fires unless the previous row of its group (by {@code groups}) satisfied within the span. */
    static String fire(SplCorrelations.Stage s, long span, List<String> groups, String ok) {
        return " | streamstats global=f current=f window=1 last(" + ok + ") AS " + s.col("pok") + " last(_time) AS "
                + s.col("pt") + " by " + String.join(" ", groups) + " | eval " + s.col("fire") + "=if(" + ok
                + "=1 AND NOT (coalesce(" + s.col("pok") + ", 0)=1 AND _time - coalesce(" + s.col("pt") + ", 0) <= "
                + span + "), 1, 0)";
    }

    static String threshold(String measure, List<Correlation.Comparison> comparisons) {
        return comparisons.stream().map(k -> measure + " " + switch (k.op()) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            case EQ -> "=";
            case NEQ -> "!=";
        } + " " + k.value().toPlainString()).collect(Collectors.joining(" AND "));
    }

    private String silence(SplCorrelations.Stage s, long span, String by) {
        notes.approximated(s.c().typeSpan(), "silence: a group's last event is measured against the end of the"
                + " search's time range (addinfo info_max_time), not the newest event of the input, and only groups"
                + " seen in the time range are known");
        return " | streamstats global=f current=f window=1 last(_time) AS " + s.col("pt") + by
                + " | sort 0 -_time | streamstats global=f count AS " + s.col("rank") + by
                + " | sort 0 _time | addinfo | eval " + s.col("m") + "=_time - coalesce(" + s.col("pt") + ", _time), "
                + s.col("fire") + "=if(" + s.col("m") + " > " + span + " OR (" + s.col("rank") + "=1 AND info_max_time"
                + " - _time > " + span + "), 1, 0)";
    }

    /** event_count thresholds as tests "at least k events in the window". */
    private static final class EventCount {
        final List<Integer> windows = new ArrayList<>();
        private final SplCorrelations.Stage s;
        private final long span;

        EventCount(SplCorrelations.Stage s, long span) {
            this.s = s;
            this.span = span;
        }

        String condition(List<Correlation.Comparison> comparisons) {
            List<String> terms = new ArrayList<>();
            for (Correlation.Comparison k : comparisons) {
                BigDecimal v = k.value();
                int floor = v.setScale(0, RoundingMode.FLOOR).intValueExact();
                int ceil = v.setScale(0, RoundingMode.CEILING).intValueExact();
                boolean integral = floor == ceil;
                terms.add(switch (k.op()) {
                    case GTE -> ge(ceil);
                    case GT -> ge(floor + 1);
                    case LTE -> "NOT " + ge(floor + 1);
                    case LT -> "NOT " + ge(ceil);
                    case EQ -> integral ? "(" + ge(floor) + " AND NOT " + ge(floor + 1) + ")" : "false()";
                    case NEQ -> integral ? "NOT (" + ge(floor) + " AND NOT " + ge(floor + 1) + ")" : "true()";
                });
            }
            return String.join(" AND ", terms);
        }

        /** At least k events of the group in [t - span, t]; the current one counts, so k <= 1 always holds. */
        private String ge(int k) {
            if (k <= 1) {
                return "true()";
            }
            if (!windows.contains(k)) {
                windows.add(k);
            }
            return "(" + s.col("n" + k) + "=" + k + " AND _time - " + s.col("t" + k) + " <= " + span + ")";
        }
    }
}
