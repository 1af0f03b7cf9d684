package io.detc.backend.kql;

import io.detc.condition.Condition;
import io.detc.rule.Correlation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bodies of a correlation's KQL query once its hits are a table ({@link KqlCorrelationQuery} builds those):
 * sliding windows with one firing per run, absence, and silence. Each takes the let name of the hits table and the
 * timespan as a KQL literal; the semantics are described on {@link KqlCorrelationQuery}.
 */
final class KqlCorrelationBodies {
    private static final KqlEscaper ESC = KqlEscaper.INSTANCE;

    private KqlCorrelationBodies() {
    }
    // ------------------------------------------------------------------------------------------------ windows

    static String window(Correlation c, String hits, String span, List<String> names) {
        String g = KqlCorrelationQuery.groups(c.groupBy().size(), "detc_g");
        String by = "detc_key, detc_n, detc_time" + (g.isEmpty() ? "" : ", " + g);
        String measure = switch (c.type()) {
            case EVENT_COUNT -> "detc_measure = count()";
            case VALUE_COUNT -> "detc_measure = array_length(make_set_if(detc_value2, isnotempty(detc_value2)))";
            case VALUE_SUM -> "detc_numbers = countif(isnotnull(detc_num2)), detc_measure = sum(detc_num2)";
            case VALUE_AVG -> "detc_numbers = countif(isnotnull(detc_num2)), detc_sum = sum(detc_num2)";
            case VALUE_PERCENTILE -> "detc_values = make_list(toreal(detc_num2))";
            case TEMPORAL -> "detc_measure = array_length(make_set(detc_rule2))";
            case TEMPORAL_ORDERED -> "detc_measure = array_length(make_set(detc_rule2)), detc_sequence = strcat_array("
                    + "array_sort_asc(make_list(strcat(strrep(\"0\", 12 - strlen(tostring(detc_n2))), tostring(detc_n2),"
                    + " \":\", tostring(detc_ord2)))), \";\")";
            case SILENCE -> throw new IllegalStateException("silence is not a window type");
        };
        List<String> extend = new ArrayList<>();
        KqlExpr ok;
        switch (c.type()) {
            case VALUE_AVG -> extend.add("detc_measure = iff(detc_numbers > 0, detc_sum / detc_numbers, decimal(null))");
            case VALUE_PERCENTILE -> {
                int p = c.threshold().flatMap(Correlation.Threshold::percentile).orElse(50);
                extend.add("detc_count = array_length(detc_values)");
                extend.add("detc_rank = toint(ceiling(" + p + " / 100.0 * detc_count))");
                extend.add("detc_measure = iff(detc_count > 0, toreal(array_sort_asc(detc_values)[max_of(0, min_of("
                        + "detc_count - 1, detc_rank - 1))]), real(null))");
            }
            default -> {
            }
        }
        KqlExpr threshold = c.threshold().map(t -> comparisons(t.comparisons()))
                .orElse(KqlExpr.atom("detc_measure >= " + names.size()));
        ok = KqlExpr.and(KqlExpr.atom("isnotnull(detc_measure)"), threshold);
        if (c.type() == Correlation.Type.VALUE_SUM) {
            ok = KqlExpr.and(KqlExpr.atom("detc_numbers > 0"), threshold); // a sum of no numbers is no measure
        }
        if (c.type() == Correlation.Type.TEMPORAL_ORDERED) {
            StringBuilder re = new StringBuilder("(^|;)");
            for (int i = 0; i < names.size(); i++) {
                re.append(i == 0 ? "" : "(.*;)?").append("[0-9]+:").append(i).append(';');
            }
            ok = KqlExpr.and(ok, KqlExpr.atom("strcat(detc_sequence, \";\") matches regex " + ESC.regex(re.toString())));
        }
        StringBuilder b = new StringBuilder(hits);
        b.append("\n    | join kind=inner (").append(hits).append("\n        | project detc_key, detc_time2 = detc_time,"
                + " detc_n2 = detc_n, detc_rule2 = detc_rule, detc_ord2 = detc_ord, detc_value2 = detc_value,"
                + " detc_num2 = detc_num) on detc_key");
        b.append("\n    | where detc_n2 <= detc_n and detc_time2 >= detc_time - ").append(span);
        b.append("\n    | summarize ").append(measure).append(", detc_start = min(detc_time2) by ").append(by);
        for (String e : extend) {
            b.append("\n    | extend ").append(e);
        }
        b.append("\n    | extend detc_ok = ").append(KqlExpr.flat(ok));
        fire(b, span);
        return b.toString();
    }

    /** One firing per run of satisfying points, each within the timespan of the previous one. */
    private static void fire(StringBuilder b, String span) {
        b.append("\n    | sort by detc_key asc, detc_n asc");
        b.append("\n    | extend detc_fire = detc_ok and not(prev(detc_key, 1, \"-\") == detc_key and prev(detc_ok, 1, false)"
                + " and prev(detc_time) >= detc_time - ").append(span).append(')');
        b.append("\n    | where detc_fire");
        b.append("\n    | extend detc_end = detc_time");
    }

    private static KqlExpr comparisons(List<Correlation.Comparison> cs) {
        List<KqlExpr> terms = new ArrayList<>();
        for (Correlation.Comparison c : cs) {
            String op = switch (c.op()) {
                case GT -> ">";
                case GTE -> ">=";
                case LT -> "<";
                case LTE -> "<=";
                case EQ -> "==";
                case NEQ -> "!=";
            };
            terms.add(KqlExpr.atom("detc_measure " + op + " " + KqlLeaves.numberLiteral(c.value(), true)));
        }
        return KqlExpr.and(terms);
    }

    // ------------------------------------------------------------------------------------------------ absence

    static String absence(Correlation c, String hits, String span, List<String> names) {
        Condition expr = c.expression().orElseThrow();
        Set<String> positive = new LinkedHashSet<>();
        collectPositive(expr, false, positive);
        String g = KqlCorrelationQuery.groups(c.groupBy().size(), "detc_g");
        String positives = String.join(", ", positive.stream().map(ESC::literal).toList());
        StringBuilder b = new StringBuilder(hits);
        b.append("\n    | where detc_rule in (").append(positives).append(')');
        b.append("\n    | join kind=inner (").append(hits)
                .append("\n        | project detc_key, detc_time2 = detc_time, detc_rule2 = detc_rule) on detc_key");
        b.append("\n    | where detc_time2 between ((detc_time - ").append(span).append(") .. (detc_time + ")
                .append(span).append("))");
        b.append("\n    | summarize ");
        for (int i = 0; i < names.size(); i++) {
            b.append("detc_r").append(i).append(" = countif(detc_rule2 == ").append(ESC.literal(names.get(i)))
                    .append("), ");
        }
        b.append("detc_start = minif(detc_time2, detc_rule2 in (").append(positives).append(")), detc_last = maxif("
                + "detc_time2, detc_rule2 in (").append(positives).append(")) by detc_key, detc_n, detc_time")
                .append(g.isEmpty() ? "" : ", " + g);
        b.append("\n    | extend detc_ok = ").append(KqlExpr.flat(truth(expr, names)));
        fire(b, span);
        b.append("\n    | extend detc_end = detc_last");
        return b.toString();
    }

    private static KqlExpr truth(Condition c, List<String> names) {
        if (c instanceof Condition.And a) {
            return KqlExpr.and(a.terms().stream().map(t -> truth(t, names)).toList());
        }
        if (c instanceof Condition.Or o) {
            return KqlExpr.or(o.terms().stream().map(t -> truth(t, names)).toList());
        }
        if (c instanceof Condition.Not n) {
            return KqlExpr.not(truth(n.operand(), names));
        }
        if (c instanceof Condition.Ref r) {
            int i = names.indexOf(r.name());
            return i < 0 ? KqlExpr.FALSE : KqlExpr.atom("detc_r" + i + " > 0");
        }
        if (c instanceof Condition.OfPattern p) {
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(
                    ("\\Q" + p.pattern() + "\\E").replace("*", "\\E.*\\Q"));
            List<KqlExpr> refs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (re.matcher(names.get(i)).matches()) {
                    refs.add(KqlExpr.atom("detc_r" + i + " > 0"));
                }
            }
            return p.quantifier() == Condition.Quantifier.ALL ? KqlExpr.and(refs) : KqlExpr.or(refs);
        }
        if (c instanceof Condition.OfThem t) {
            List<KqlExpr> refs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).startsWith("_")) {
                    refs.add(KqlExpr.atom("detc_r" + i + " > 0"));
                }
            }
            return t.quantifier() == Condition.Quantifier.ALL ? KqlExpr.and(refs) : KqlExpr.or(refs);
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }

    private static void collectPositive(Condition c, boolean negated, Set<String> out) {
        if (c instanceof Condition.Ref r && !negated) {
            out.add(r.name());
        } else if (c instanceof Condition.Not n) {
            collectPositive(n.operand(), !negated, out);
        } else if (c instanceof Condition.And a) {
            a.terms().forEach(t -> collectPositive(t, negated, out));
        } else if (c instanceof Condition.Or o) {
            o.terms().forEach(t -> collectPositive(t, negated, out));
        }
    }

    // ------------------------------------------------------------------------------------------------ silence

    static String silence(KqlContext ctx, Set<String> tables, Correlation c, String hits, String span) {
        String g = KqlCorrelationQuery.groups(c.groupBy().size(), "detc_g");
        String gs = g.isEmpty() ? "" : ", " + g;
        ctx.approximate(c.typeSpan(), "silence: a group's last silence is measured up to the newest TimeGenerated of "
                + String.join(", ", tables) + " in the query period, where detc's evaluator uses the newest event"
                + " time of all its input");
        String horizon = "toscalar(" + (tables.size() == 1 ? "" : "union ")
                + String.join(", ", tables.stream().map(ESC::identifier).toList()) + " | summarize max(TimeGenerated))";
        return "union\n    (" + hits
                + "\n        | sort by detc_key asc, detc_n asc"
                + "\n        | extend detc_start = iff(prev(detc_key, 1, \"-\") == detc_key, prev(detc_time), datetime(null))"
                + "\n        | where isnotnull(detc_start) and detc_time - detc_start > " + span
                + "\n        | project detc_start, detc_end = detc_time" + gs + "),"
                + "\n    (" + hits
                + "\n        | summarize detc_start = max(detc_time) by detc_key" + gs
                + "\n        | extend detc_end = " + horizon
                + "\n        | where detc_end - detc_start > " + span
                + "\n        | project detc_start, detc_end" + gs + ")";
    }

    /** A timespan as a KQL literal in the largest exact unit. */
    static String timespan(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0) {
            return d.toMillis() + "ms";
        }
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
