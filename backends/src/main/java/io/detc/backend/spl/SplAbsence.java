package io.detc.backend.spl;

import io.detc.condition.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * detc's absence (a temporal correlation with a condition over rule names, see README "Correlations"): at each
 * event of a rule named outside {@code not} (an anchor, time t), a rule name is true when the group has an event of
 * that rule in {@code [t - timespan, t + timespan]}. The latest event of each rule up to the row comes from a pass
 * in time order, the next one from a pass in reverse order; one firing per run counts anchors only.
 */
final class SplAbsence {
    private final SplCorrelations.Stage s;
    private final long span;
    private final Map<String, String> tagByName = new LinkedHashMap<>();

    SplAbsence(SplCorrelations.Stage s, long span) {
        this.s = s;
        this.span = span;
        s.inputs().forEach(i -> tagByName.putIfAbsent(i.ref(), i.tag()));
    }

    String commands(SplNotes notes) {
        SplEscaper e = SplEscaper.INSTANCE;
        List<String> names = new ArrayList<>(tagByName.keySet());
        String by = " by " + String.join(" ", s.groups());
        List<String> marks = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            String tag = e.literal(tagByName.get(names.get(i - 1)));
            marks.add(s.col("r" + i) + "=if(detc_src=" + tag + ", _time, null())");
            before.add("max(" + s.col("r" + i) + ") AS " + s.col("b" + i));
            after.add("min(" + s.col("r" + i) + ") AS " + s.col("a" + i));
        }
        Condition expr = s.c().expression().orElseThrow();
        Set<String> positive = new LinkedHashSet<>();
        collectPositive(expr, false, positive, names);
        positive.retainAll(tagByName.keySet());
        if (positive.isEmpty()) {
            notes.unsupported(s.c().typeSpan(), "an absence condition that names no rule outside 'not'");
            return "";
        }
        String anchor = positive.stream().map(n -> "detc_src=" + e.literal(tagByName.get(n)))
                .collect(Collectors.joining(" OR "));
        List<String> anchorGroups = new ArrayList<>();
        List<String> setAnchorGroups = new ArrayList<>();
        for (String g : s.groups()) {
            String a = g + "_anchor";
            anchorGroups.add(a);
            setAnchorGroups.add(a + "=if(" + anchor + ", " + g + ", null())");
        }
        return " | eval " + String.join(", ", marks)
                + " | streamstats " + String.join(" ", before) + by
                + " | sort 0 -_time | streamstats " + String.join(" ", after) + by + " | sort 0 _time"
                + " | eval " + s.col("ok") + "=if((" + anchor + ") AND (" + truth(expr, names) + "), 1, 0), "
                + String.join(", ", setAnchorGroups)
                + SplStages.fire(s, span, anchorGroups, s.col("ok"));
    }

    /** The condition as an eval expression over "rule i has an event within the timespan on either side". */
    private String truth(Condition c, List<String> names) {
        return c.accept(new Condition.Visitor<String>() {
            public String visitOr(Condition.Or n) {
                return n.terms().stream().map(t -> "(" + t.accept(this) + ")").collect(Collectors.joining(" OR "));
            }

            public String visitAnd(Condition.And n) {
                return n.terms().stream().map(t -> "(" + t.accept(this) + ")").collect(Collectors.joining(" AND "));
            }

            public String visitNot(Condition.Not n) {
                return "NOT (" + n.operand().accept(this) + ")";
            }

            public String visitRef(Condition.Ref n) {
                int i = names.indexOf(n.name()) + 1;
                return i == 0 ? "false()" : "(_time - coalesce(" + s.col("b" + i) + ", 0) <= " + span
                        + " OR coalesce(" + s.col("a" + i) + ", _time + " + (span + 1) + ") - _time <= " + span + ")";
            }

            public String visitOfPattern(Condition.OfPattern n) {
                return quantified(n.quantifier(), matching(n.pattern(), names), this);
            }

            public String visitOfThem(Condition.OfThem n) {
                return quantified(n.quantifier(), names.stream().filter(x -> !x.startsWith("_")).toList(), this);
            }
        });
    }

    private static String quantified(Condition.Quantifier q, List<String> names, Condition.Visitor<String> v) {
        if (names.isEmpty()) {
            return "false()";
        }
        return names.stream().map(n -> "(" + new Condition.Ref(n, io.detc.source.Span.NONE).accept(v) + ")")
                .collect(Collectors.joining(q == Condition.Quantifier.ALL ? " AND " : " OR "));
    }

    private static List<String> matching(String pattern, List<String> names) {
        Pattern p = Pattern.compile(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q"));
        return names.stream().filter(n -> p.matcher(n).matches()).toList();
    }

    /** Rule names outside any {@code not}: their events are the anchors. */
    private static void collectPositive(Condition c, boolean negated, Set<String> out, List<String> names) {
        if (c instanceof Condition.Ref r && !negated) {
            out.add(r.name());
        } else if (c instanceof Condition.Not n) {
            collectPositive(n.operand(), !negated, out, names);
        } else if (c instanceof Condition.And a) {
            a.terms().forEach(t -> collectPositive(t, negated, out, names));
        } else if (c instanceof Condition.Or o) {
            o.terms().forEach(t -> collectPositive(t, negated, out, names));
        } else if (c instanceof Condition.OfPattern p && !negated) {
            out.addAll(matching(p.pattern(), names));
        } else if (c instanceof Condition.OfThem && !negated) {
            names.stream().filter(x -> !x.startsWith("_")).forEach(out::add);
        }
    }
}
