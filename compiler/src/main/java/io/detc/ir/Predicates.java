package io.detc.ir;

import java.util.ArrayList;
import java.util.List;

/** Smart constructors that keep the IR normalised: flattened chains, no one-term And/Or, constants folded. */
public final class Predicates {
    private Predicates() {
    }

    public static Predicate and(List<Predicate> terms) {
        List<Predicate> flat = new ArrayList<>();
        for (Predicate t : terms) {
            if (t instanceof Predicate.And a) {
                flat.addAll(a.terms());
            } else if (t instanceof Predicate.Const c) {
                if (!c.value()) {
                    return c;
                }
            } else {
                flat.add(t);
            }
        }
        if (flat.isEmpty()) {
            return new Predicate.Const(true);
        }
        return flat.size() == 1 ? flat.get(0) : new Predicate.And(flat);
    }

    public static Predicate or(List<Predicate> terms) {
        List<Predicate> flat = new ArrayList<>();
        for (Predicate t : terms) {
            if (t instanceof Predicate.Or o) {
                flat.addAll(o.terms());
            } else if (t instanceof Predicate.Const c) {
                if (c.value()) {
                    return c;
                }
            } else {
                flat.add(t);
            }
        }
        if (flat.isEmpty()) {
            return new Predicate.Const(false);
        }
        return flat.size() == 1 ? flat.get(0) : new Predicate.Or(flat);
    }

    public static Predicate not(Predicate p) {
        if (p instanceof Predicate.Not n) {
            return n.operand();
        }
        if (p instanceof Predicate.Const c) {
            return new Predicate.Const(!c.value());
        }
        return new Predicate.Not(p);
    }
}
