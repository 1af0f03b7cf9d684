package io.detc.correlate;

import io.detc.condition.Condition;
import java.util.List;
import java.util.regex.Pattern;

/** Expands {@code 1 of}/{@code all of} patterns and {@code them} in a correlation condition into rule names. */
final class Expressions {
    private Expressions() {
    }

    static Condition expand(Condition c, List<String> rules) {
        return c.accept(new Condition.Visitor<Condition>() {
            public Condition visitOr(Condition.Or n) {
                return new Condition.Or(n.terms().stream().map(t -> t.accept(this)).toList(), n.span());
            }

            public Condition visitAnd(Condition.And n) {
                return new Condition.And(n.terms().stream().map(t -> t.accept(this)).toList(), n.span());
            }

            public Condition visitNot(Condition.Not n) {
                return new Condition.Not(n.operand().accept(this), n.span());
            }

            public Condition visitRef(Condition.Ref n) {
                return n;
            }

            public Condition visitOfPattern(Condition.OfPattern n) {
                Pattern p = Pattern.compile(("\\Q" + n.pattern() + "\\E").replace("*", "\\E.*\\Q"));
                return quantify(n.quantifier(), rules.stream().filter(r -> p.matcher(r).matches()).toList(), n);
            }

            public Condition visitOfThem(Condition.OfThem n) {
                return quantify(n.quantifier(), rules.stream().filter(r -> !r.startsWith("_")).toList(), n);
            }
        });
    }

    private static Condition quantify(Condition.Quantifier q, List<String> names, Condition at) {
        List<Condition> refs = names.stream().map(r -> (Condition) new Condition.Ref(r, at.span())).toList();
        if (refs.isEmpty()) {
            // The checker rejects patterns that match no rule; a name no rule has keeps this total anyway.
            return new Condition.Ref("", at.span());
        }
        if (refs.size() == 1) {
            return refs.get(0);
        }
        return q == Condition.Quantifier.ALL ? new Condition.And(refs, at.span()) : new Condition.Or(refs, at.span());
    }
}
