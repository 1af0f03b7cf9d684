package io.detc.coverage;

import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The positive event-type tests of a rule's IR, each a predicate the sample can be probed with. */
final class EventTypeLeaves {
    private EventTypeLeaves() {
    }

    static List<Predicate> of(Predicate p) {
        List<Predicate> out = new ArrayList<>();
        collect(p, false, out);
        return out;
    }

    private static void collect(Predicate p, boolean negated, List<Predicate> out) {
        if (p instanceof Predicate.And a) {
            a.terms().forEach(t -> collect(t, negated, out));
        } else if (p instanceof Predicate.Or o) {
            o.terms().forEach(t -> collect(t, negated, out));
        } else if (p instanceof Predicate.Not n) {
            collect(n.operand(), !negated, out);
        } else if (!negated && p instanceof Predicate.FieldMatch f && f.matcher() instanceof Matcher.StringMatch
                && IrFields.EVENT_TYPE_FIELDS.contains(f.field().toLowerCase(Locale.ROOT))) {
            out.add(f);
        }
    }
}
