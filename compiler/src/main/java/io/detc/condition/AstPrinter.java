package io.detc.condition;

import java.util.List;

/**
 * Prints a condition as a canonical S-expression: {@code (or a (and b (not c)))}, {@code (1-of sel_*)},
 * {@code (all-of them)}. Positions are left out, so tests can compare trees as text and a moved token does not
 * break them; {@code any of} prints as {@code 1-of}, since the AST does not keep the spelling.
 */
public final class AstPrinter implements Condition.Visitor<String> {
    private static final AstPrinter INSTANCE = new AstPrinter();

    private AstPrinter() {
    }

    /** The S-expression form of {@code condition}. */
    public static String print(Condition condition) {
        return condition.accept(INSTANCE);
    }

    @Override
    public String visitOr(Condition.Or n) {
        return list("or", n.terms());
    }

    @Override
    public String visitAnd(Condition.And n) {
        return list("and", n.terms());
    }

    @Override
    public String visitNot(Condition.Not n) {
        return "(not " + n.operand().accept(this) + ")";
    }

    @Override
    public String visitRef(Condition.Ref n) {
        return n.name();
    }

    @Override
    public String visitOfPattern(Condition.OfPattern n) {
        return "(" + quantifier(n.quantifier()) + " " + n.pattern() + ")";
    }

    @Override
    public String visitOfThem(Condition.OfThem n) {
        return "(" + quantifier(n.quantifier()) + " them)";
    }

    private String list(String op, List<Condition> terms) {
        StringBuilder b = new StringBuilder("(").append(op);
        for (Condition t : terms) {   // a loop, not a stream: fewer stack frames per nesting level
            b.append(' ').append(t.accept(this));
        }
        return b.append(')').toString();
    }

    private static String quantifier(Condition.Quantifier q) {
        return q == Condition.Quantifier.ALL ? "all-of" : "1-of";
    }
}
