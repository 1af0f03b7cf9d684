package io.detc.coverage;

import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a rule's IR for coverage: every field it reads, and the event types it tests positively (equality or
 * pattern on an event-type field such as Okta's {@code eventType} or Entra's {@code OperationName}).
 */
final class IrFields implements Predicate.Visitor<Void> {
    /** Rule-level names that carry the event type, per IdP export. */
    static final Set<String> EVENT_TYPE_FIELDS = Set.of("eventtype", "legacyeventtype", "operationname",
            "activitydisplayname", "properties.message", "operationnamevalue", "properties.operationname");

    final Set<String> fields = new LinkedHashSet<>();
    final Set<String> eventTypes = new LinkedHashSet<>();
    private final String prefix;
    private boolean negated;

    IrFields() {
        this("");
    }

    private IrFields(String prefix) {
        this.prefix = prefix;
    }

    static IrFields of(Predicate p) {
        IrFields f = new IrFields();
        p.accept(f);
        return f;
    }

    @Override
    public Void visitAnd(Predicate.And p) {
        p.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    public Void visitOr(Predicate.Or p) {
        p.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    public Void visitNot(Predicate.Not p) {
        negated = !negated;
        p.operand().accept(this);
        negated = !negated;
        return null;
    }

    @Override
    public Void visitConst(Predicate.Const p) {
        return null;
    }

    @Override
    public Void visitFieldMatch(Predicate.FieldMatch p) {
        fields.add(prefix + p.field());
        if (p.matcher() instanceof Matcher.FieldRef r) {
            fields.add(prefix + r.otherField());
        }
        if (!negated && prefix.isEmpty() && EVENT_TYPE_FIELDS.contains(p.field().toLowerCase(Locale.ROOT))
                && p.matcher() instanceof Matcher.StringMatch s) {
            eventTypes.add(s.pattern().toSigma());
        }
        return null;
    }

    @Override
    public Void visitKeyword(Predicate.Keyword p) {
        return null;
    }

    @Override
    public Void visitExists(Predicate.Exists p) {
        fields.add(prefix + p.field());
        return null;
    }

    @Override
    public Void visitElement(Predicate.Element p) {
        fields.add(prefix + p.field());
        IrFields inner = new IrFields(prefix + p.field() + ".");
        inner.negated = negated;
        p.inner().accept(inner);
        fields.addAll(inner.fields);
        return null;
    }
}
