package io.detc.ir;

import io.detc.source.Span;
import java.util.List;

/**
 * The lowered, target-neutral meaning of a rule's detection: what the evaluator runs and every backend renders.
 * Immutable; no parent pointers. {@code And}/{@code Or} have at least two terms (see {@link Predicates}).
 */
public sealed interface Predicate {
    <R> R accept(Visitor<R> v);

    /** Every term holds. */
    record And(List<Predicate> terms) implements Predicate {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitAnd(this);
        }
    }

    /** At least one term holds. */
    record Or(List<Predicate> terms) implements Predicate {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitOr(this);
        }
    }

    /** The operand does not hold. */
    record Not(Predicate operand) implements Predicate {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitNot(this);
        }
    }

    /** A constant, e.g. the result of {@code 1 of} over no identifiers after a pipeline dropped them. */
    record Const(boolean value) implements Predicate {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitConst(this);
        }
    }

    /**
     * A value at {@code field} satisfies {@code matcher}. The field name is the rule's (before pipelines); a path
     * that crosses an array matches when any element does. A missing field or a null value never satisfies a
     * matcher other than {@link Matcher.IsNull}.
     */
    record FieldMatch(String field, Matcher matcher, Span span) implements Predicate {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitFieldMatch(this);
        }
    }

    /** A field-less keyword: some string value anywhere in the event satisfies {@code matcher}. */
    record Keyword(Matcher matcher, Span span) implements Predicate {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitKeyword(this);
        }
    }

    /** The field is present in the event (its value may be null or empty): {@code field|exists: true}. */
    record Exists(String field, Span span) implements Predicate {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitExists(this);
        }
    }

    /**
     * detc's same-element extension: some element of the array at {@code field} satisfies {@code inner}, whose
     * field names are relative to that element. A non-array value counts as a one-element array.
     */
    record Element(String field, Predicate inner, Span span) implements Predicate {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitElement(this);
        }
    }

    /** One method per permitted record, so adding a node breaks every consumer at compile time. */
    interface Visitor<R> {
        R visitAnd(And p);

        R visitOr(Or p);

        R visitNot(Not p);

        R visitConst(Const p);

        R visitFieldMatch(FieldMatch p);

        R visitKeyword(Keyword p);

        R visitExists(Exists p);

        R visitElement(Element p);
    }
}
