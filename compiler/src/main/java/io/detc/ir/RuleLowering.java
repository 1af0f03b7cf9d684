package io.detc.ir;

import io.detc.condition.Condition;
import io.detc.diag.Diagnostics;
import io.detc.rule.Detection;
import io.detc.rule.Filter;
import io.detc.rule.SearchIdentifier;
import io.detc.rule.Selection;
import io.detc.rule.SigmaRule;
import io.detc.value.ItemLowering;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lowers a checked rule to one {@link Predicate}: the condition's identifiers are replaced by their selections,
 * {@code x of} quantifiers are expanded, a list of conditions becomes their OR, and each filter that names the
 * rule adds {@code and not <filter>} (spec "Sigma Filters"). Only called for rules without errors.
 */
public final class RuleLowering {
    private RuleLowering() {
    }

    public static Predicate lower(SigmaRule rule, List<Filter> filters) {
        List<Predicate> terms = new ArrayList<>();
        terms.add(detection(rule.detection()));
        for (Filter f : filters) {
            terms.add(Predicates.not(detection(f.detection())));
        }
        return Predicates.and(terms);
    }

    public static Predicate detection(Detection d) {
        List<Predicate> alternatives = new ArrayList<>();
        for (Condition c : d.conditions()) {
            alternatives.add(c.accept(new Lower(d)));
        }
        return Predicates.or(alternatives);
    }

    static Predicate selection(Selection s) {
        Diagnostics ignored = new Diagnostics(); // the rule was checked; lowering again finds nothing new
        if (s instanceof Selection.AllOf a) {
            List<Predicate> terms = new ArrayList<>(a.items().stream().map(i -> ItemLowering.lower(i, ignored)
                    .orElse(new Predicate.Const(false))).toList());
            a.elements().forEach(g -> terms.add(element(g, ignored)));
            return Predicates.and(terms);
        }
        if (s instanceof Selection.AnyOf a) {
            return Predicates.or(a.alternatives().stream().map(RuleLowering::selection).toList());
        }
        Selection.Keywords k = (Selection.Keywords) s;
        return ItemLowering.lower(k.item(), ignored).orElse(new Predicate.Const(false));
    }

    private static Predicate element(Selection.ElementGroup g, Diagnostics ignored) {
        List<Predicate> inner = new ArrayList<>(g.items().stream().map(i -> ItemLowering.lower(i, ignored)
                .orElse(new Predicate.Const(false))).toList());
        g.nested().forEach(n -> inner.add(element(n, ignored)));
        return new Predicate.Element(g.field(), Predicates.and(inner), g.span());
    }

    private record Lower(Detection d) implements Condition.Visitor<Predicate> {
        public Predicate visitOr(Condition.Or n) {
            return Predicates.or(n.terms().stream().map(t -> t.accept(this)).toList());
        }

        public Predicate visitAnd(Condition.And n) {
            return Predicates.and(n.terms().stream().map(t -> t.accept(this)).toList());
        }

        public Predicate visitNot(Condition.Not n) {
            return Predicates.not(n.operand().accept(this));
        }

        public Predicate visitRef(Condition.Ref n) {
            SearchIdentifier id = d.identifiers().get(n.name());
            return id == null ? new Predicate.Const(false) : selection(id.selection());
        }

        public Predicate visitOfPattern(Condition.OfPattern n) {
            Pattern p = glob(n.pattern());
            return quantify(n.quantifier(), d.identifiers().values().stream()
                    .filter(id -> p.matcher(id.name()).matches()).toList());
        }

        public Predicate visitOfThem(Condition.OfThem n) {
            return quantify(n.quantifier(), d.identifiers().values().stream()
                    .filter(id -> !id.name().startsWith("_")).toList());
        }

        private Predicate quantify(Condition.Quantifier q, List<SearchIdentifier> ids) {
            List<Predicate> terms = ids.stream().map(id -> selection(id.selection())).toList();
            return q == Condition.Quantifier.ALL ? Predicates.and(terms) : Predicates.or(terms);
        }
    }

    static Pattern glob(String glob) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (int i = glob.indexOf('*'); i >= 0; i = glob.indexOf('*', from)) {
            b.append(Pattern.quote(glob.substring(from, i))).append(".*");
            from = i + 1;
        }
        return Pattern.compile(b.append(Pattern.quote(glob.substring(from))).toString());
    }
}
