package io.detc.backend.kql;

import io.detc.backend.kql.SentinelSchema.Table;
import io.detc.ir.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query for one rule: the table, then its condition. Terms of a top-level {@code and} that read plain columns
 * are tested first (a cheap {@code where} that lets Kusto skip rows), then the mv-apply helpers the other terms
 * need, then those terms, and the helper columns are dropped so the rows keep the table's columns:
 * <pre>
 * OktaV2_CL
 * | where EventOriginalType =~ "user.session.start"
 * | mv-apply e0 = detc_elements(OriginalTarget) on (
 *     summarize detc_m0 = countif(detc_text(e0.displayName) =~ "Salesforce")
 *     )
 * | where detc_m0 > 0
 * | project-away detc_m0
 * </pre>
 */
final class KqlRuleQuery {
    private static final int WIDTH = 116;

    private KqlRuleQuery() {
    }

    /** The tabular expression's lines (no helper definitions: {@link #withHelpers} adds those). */
    static List<String> lines(KqlContext ctx, String tableName, Optional<Table> table, Predicate predicate) {
        return lines(ctx, new KqlPaths.Row(tableName, table), predicate);
    }

    /** The lines for {@code predicate} over {@code row}. */
    static List<String> lines(KqlContext ctx, KqlPaths.Row row, Predicate predicate) {
        String tableName = row.tableName();
        List<Predicate> terms = predicate instanceof Predicate.And a ? a.terms() : List.of(predicate);
        KqlScope scope = new KqlScope();
        KqlPredicates render = new KqlPredicates(ctx, row, scope);
        List<KqlExpr> pre = new ArrayList<>();
        List<KqlExpr> post = new ArrayList<>();
        for (Predicate t : terms) {
            int applies = scope.applies().size();
            int columns = scope.countColumns();
            KqlExpr e = t.accept(render);
            if (scope.applies().size() == applies && scope.countColumns() == columns) {
                pre.add(e);
            } else {
                post.add(e);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(KqlEscaper.INSTANCE.identifier(tableName));
        KqlExpr first = KqlExpr.and(pre);
        if (!first.equals(KqlExpr.TRUE)) {
            lines.add(where(first));
        }
        for (String op : scope.render(2, ctx)) {
            lines.add("| " + op);
        }
        if (!post.isEmpty()) {
            lines.add(where(KqlExpr.and(post)));
            lines.add("| project-away " + String.join(", ", scope.columns()));
        }
        return lines;
    }

    static String where(KqlExpr e) {
        return "| where " + KqlExpr.print(e, 4, WIDTH);
    }

    /** The helper functions the query uses, one {@code let} per line, then the query. */
    static String withHelpers(KqlContext ctx, List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (KqlHelper h : KqlHelper.values()) {
            if (ctx.helpers().contains(h)) {
                b.append(h.definition()).append('\n');
            }
        }
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
