package io.detc.condition;

import io.detc.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds the {@link Condition} AST from a parse tree that has no syntax errors (style sketch S2). An {@code and} or
 * {@code or} chain becomes one n-ary node; parentheses leave no node of their own (the inner node keeps the span
 * inside them), and a chain is not merged with a parenthesised chain of the same operator, so the AST still says
 * what the author wrote. Spans run from a node's first token to its last, built only through {@link TokenSpans}.
 *
 * <p>This walks the labelled contexts directly instead of extending the generated visitor: the generic
 * {@code visit → accept → visitX} dispatch plus stream pipelines cost dozens of stack frames per nesting level,
 * which made {@link NestingGuard#MAX_DEPTH} levels fail on a 512 KB thread stack. Here a parenthesis costs four
 * small frames and a {@code not} none (a run of {@code not}s is unrolled in a loop).
 */
final class AstBuilder {
    private final TokenSpans spans;

    AstBuilder(TokenSpans spans) {
        this.spans = spans;
    }

    Condition build(ConditionParser.ConditionContext ctx) {
        return expr(ctx.expr());
    }

    private Condition expr(ConditionParser.ExprContext ctx) {
        List<ConditionParser.AndExprContext> operands = ctx.andExpr();
        if (operands.size() == 1) {
            return and(operands.get(0));
        }
        List<Condition> terms = new ArrayList<>(operands.size());
        for (ConditionParser.AndExprContext operand : operands) {
            terms.add(and(operand));
        }
        return new Condition.Or(terms, span(ctx));
    }

    private Condition and(ConditionParser.AndExprContext ctx) {
        List<ConditionParser.NotExprContext> operands = ctx.notExpr();
        if (operands.size() == 1) {
            return not(operands.get(0));
        }
        List<Condition> terms = new ArrayList<>(operands.size());
        for (ConditionParser.NotExprContext operand : operands) {
            terms.add(not(operand));
        }
        return new Condition.And(terms, span(ctx));
    }

    private Condition not(ConditionParser.NotExprContext ctx) {
        List<ConditionParser.NotContext> nots = new ArrayList<>();
        ConditionParser.NotExprContext current = ctx;
        while (current instanceof ConditionParser.NotContext n) {
            nots.add(n);
            current = n.notExpr();
        }
        Condition result = primary(((ConditionParser.AtomContext) current).primary());
        for (int i = nots.size() - 1; i >= 0; i--) {
            result = new Condition.Not(result, span(nots.get(i)));
        }
        return result;
    }

    private Condition primary(ConditionParser.PrimaryContext ctx) {
        if (ctx instanceof ConditionParser.GroupContext group) {
            return expr(group.expr());
        }
        if (ctx instanceof ConditionParser.OfContext of) {
            Condition.Quantifier q = of.quantifier().ALL() != null ? Condition.Quantifier.ALL : Condition.Quantifier.ONE;
            ConditionParser.TargetContext target = of.target();
            return target.THEM() != null
                    ? new Condition.OfThem(q, span(of))
                    : new Condition.OfPattern(q, target.getText(), span(of));
        }
        ConditionParser.RefContext ref = (ConditionParser.RefContext) ctx;
        return new Condition.Ref(ref.IDENT().getText(), span(ref));
    }

    private Span span(ParserRuleContext ctx) {
        return spans.span(ctx.getStart(), ctx.getStop());
    }
}
