package io.detc.pipeline;

import io.detc.ir.Predicate;
import io.detc.ir.Predicates;
import java.util.List;

/**
 * Rebuilds a predicate with some leaves replaced. {@code And}/{@code Or}/{@code Not} are rebuilt through
 * {@link Predicates}, so a leaf that becomes a constant or an {@code Or} is folded and flattened and the result
 * stays normalised. Immutable input, new output: nothing is changed in place.
 */
final class IrRewriter implements Predicate.Visitor<Predicate> {
    /** What to do with each kind of leaf; every default keeps the leaf. */
    interface Leaves {
        default Predicate fieldMatch(Predicate.FieldMatch p) {
            return p;
        }

        default Predicate keyword(Predicate.Keyword p) {
            return p;
        }

        default Predicate exists(Predicate.Exists p) {
            return p;
        }

        /** An element is a leaf here: its inner predicate is relative to the element, so only a hook may enter it. */
        default Predicate element(Predicate.Element p) {
            return p;
        }
    }

    private final Leaves leaves;

    private IrRewriter(Leaves leaves) {
        this.leaves = leaves;
    }

    static Predicate rewrite(Predicate p, Leaves leaves) {
        return p.accept(new IrRewriter(leaves));
    }

    /** An OR of one or more alternatives, as one leaf when there is one. */
    static Predicate any(List<Predicate> alternatives) {
        return Predicates.or(alternatives);
    }

    @Override
    public Predicate visitAnd(Predicate.And p) {
        return Predicates.and(p.terms().stream().map(t -> t.accept(this)).toList());
    }

    @Override
    public Predicate visitOr(Predicate.Or p) {
        return Predicates.or(p.terms().stream().map(t -> t.accept(this)).toList());
    }

    @Override
    public Predicate visitNot(Predicate.Not p) {
        return Predicates.not(p.operand().accept(this));
    }

    @Override
    public Predicate visitConst(Predicate.Const p) {
        return p;
    }

    @Override
    public Predicate visitFieldMatch(Predicate.FieldMatch p) {
        return leaves.fieldMatch(p);
    }

    @Override
    public Predicate visitKeyword(Predicate.Keyword p) {
        return leaves.keyword(p);
    }

    @Override
    public Predicate visitExists(Predicate.Exists p) {
        return leaves.exists(p);
    }

    @Override
    public Predicate visitElement(Predicate.Element p) {
        return leaves.element(p);
    }
}
