package io.detc.backend.sql;

import io.detc.condition.Condition;
import io.detc.rule.Correlation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A correlation's conditions as SQL: the threshold on its measure, and the absence expression (temporal with a
 * condition) with {@code 1 of}/{@code all of} expanded the way the evaluator expands them.
 */
final class SqlCorrelationConditions {
    private SqlCorrelationConditions() {
    }

    /** The condition on the measure: every comparison, or every named input for temporal types without one. */
    static String threshold(Correlation c, int rules, String m) {
        if (c.threshold().isEmpty() || c.threshold().get().comparisons().isEmpty()) {
            return m + " >= " + rules;
        }
        List<String> out = new ArrayList<>();
        for (Correlation.Comparison cmp : c.threshold().get().comparisons()) {
            String op = switch (cmp.op()) {
                case GT -> ">";
                case GTE -> ">=";
                case LT -> "<";
                case LTE -> "<=";
                case EQ -> "=";
                case NEQ -> "<>";
            };
            out.add(m + " " + op + " " + number(cmp.value()));
        }
        return String.join(" AND ", out);
    }

    static String number(BigDecimal v) {
        return v.toPlainString();
    }

    /** The condition at anchor {@code pt}: a name is true when its count around the anchor is not zero. */
    static String truth(List<String> names, Condition expr) {
        return expr.accept(new Condition.Visitor<String>() {
            @Override
            public String visitOr(Condition.Or n) {
                return "(" + String.join(" OR ", n.terms().stream().map(t -> t.accept(this)).toList()) + ")";
            }

            @Override
            public String visitAnd(Condition.And n) {
                return "(" + String.join(" AND ", n.terms().stream().map(t -> t.accept(this)).toList()) + ")";
            }

            @Override
            public String visitNot(Condition.Not n) {
                return "NOT " + n.operand().accept(this);
            }

            @Override
            public String visitRef(Condition.Ref n) {
                int i = names.indexOf(n.name());
                return i < 0 ? "FALSE" : "pt.near" + (i + 1) + " > 0";
            }

            @Override
            public String visitOfPattern(Condition.OfPattern n) {
                throw new IllegalStateException("expanded");
            }

            @Override
            public String visitOfThem(Condition.OfThem n) {
                throw new IllegalStateException("expanded");
            }
        });
    }

    static void collectPositive(Condition c, boolean negated, Set<String> out) {
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

    /** {@code 1 of}/{@code all of} patterns and {@code them} as input names, as the evaluator expands them. */
    static Condition expand(Condition c, List<String> rules) {
        return c.accept(new Condition.Visitor<Condition>() {
            @Override
            public Condition visitOr(Condition.Or n) {
                return new Condition.Or(n.terms().stream().map(t -> t.accept(this)).toList(), n.span());
            }

            @Override
            public Condition visitAnd(Condition.And n) {
                return new Condition.And(n.terms().stream().map(t -> t.accept(this)).toList(), n.span());
            }

            @Override
            public Condition visitNot(Condition.Not n) {
                return new Condition.Not(n.operand().accept(this), n.span());
            }

            @Override
            public Condition visitRef(Condition.Ref n) {
                return n;
            }

            @Override
            public Condition visitOfPattern(Condition.OfPattern n) {
                Pattern pat = Pattern.compile(("\\Q" + n.pattern() + "\\E").replace("*", "\\E.*\\Q"));
                return quantify(n.quantifier(), rules.stream().filter(r -> pat.matcher(r).matches()).toList(), n);
            }

            @Override
            public Condition visitOfThem(Condition.OfThem n) {
                return quantify(n.quantifier(), rules.stream().filter(r -> !r.startsWith("_")).toList(), n);
            }
        });
    }

    static Condition quantify(Condition.Quantifier q, List<String> names, Condition at) {
        List<Condition> refs = names.stream().map(r -> (Condition) new Condition.Ref(r, at.span())).toList();
        if (refs.isEmpty()) {
            return new Condition.Ref("", at.span());
        }
        if (refs.size() == 1) {
            return refs.get(0);
        }
        return q == Condition.Quantifier.ALL ? new Condition.And(refs, at.span()) : new Condition.Or(refs, at.span());
    }
}
