package io.detc.condition;

import io.detc.source.Span;
import java.util.List;

/**
 * A parsed {@code condition:} expression. Immutable; every node's span points into the rule file.
 * {@code and}/{@code or} chains are flattened into one n-ary node with at least two terms.
 */
public sealed interface Condition {
    Span span();

    <R> R accept(Visitor<R> v);

    /** {@code a or b or ...}. */
    record Or(List<Condition> terms, Span span) implements Condition {
        public Or {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("or needs 2+ terms");
            }
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitOr(this);
        }
    }

    /** {@code a and b and ...}. */
    record And(List<Condition> terms, Span span) implements Condition {
        public And {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("and needs 2+ terms");
            }
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitAnd(this);
        }
    }

    /** {@code not a}. */
    record Not(Condition operand, Span span) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitNot(this);
        }
    }

    /** A search identifier, e.g. {@code selection}. */
    record Ref(String name, Span span) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitRef(this);
        }
    }

    /** {@code 1 of sel_*} or {@code all of sel_*}: a quantifier over the identifiers a glob pattern matches. */
    record OfPattern(Quantifier quantifier, String pattern, Span span) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitOfPattern(this);
        }
    }

    /** {@code 1 of them} or {@code all of them}: every identifier not starting with {@code _}. */
    record OfThem(Quantifier quantifier, Span span) implements Condition {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitOfThem(this);
        }
    }

    /** {@code 1} and pySigma's {@code any} mean "at least one"; {@code all} means every one. */
    enum Quantifier { ONE, ALL }

    /** One method per permitted record, so the compiler checks exhaustiveness (Java 17 has no pattern switch). */
    interface Visitor<R> {
        R visitOr(Or n);

        R visitAnd(And n);

        R visitNot(Not n);

        R visitRef(Ref n);

        R visitOfPattern(OfPattern n);

        R visitOfThem(OfThem n);
    }
}
