package io.detc.backend.spl;

import io.detc.diag.Code;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.rule.LogSource;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rule's search: the search command with the index and sourcetype first and every top-level test the search
 * command can say (exactly, or as a wider prefilter), then the {@code spath} commands same-element groups need,
 * then one {@code | where} with the exact form of every top-level test the search command did not say exactly.
 *
 * <p>The sourcetype and index come from the pipelines: {@code add_condition} (a top-level test on
 * {@code sourcetype}/{@code index}, as pySigma's Splunk pipelines write it) or {@code set_state} keys
 * {@code sourcetype}/{@code index}. Without either the rule has no place to run (E404).
 */
final class SplQuery {
    private static final Set<String> METADATA = Set.of("index", "sourcetype", "source", "host");

    private SplQuery() {
    }

    /** The pieces, for callers that wrap a rule's search (correlations). */
    record Pieces(List<String> search, List<String> commands, List<String> where, Optional<SplSchema> schema) {
        String text() {
            StringBuilder b = new StringBuilder(String.join(" ", search));
            commands.forEach(c -> b.append(" | ").append(c));
            if (!where.isEmpty()) {
                b.append(" | where ").append(String.join(" AND ", where));
            }
            return b.toString();
        }
    }

    static Pieces rule(Applied applied, SplNotes notes, Span ruleSpan) {
        Predicate root = applied.predicate();
        List<Predicate> conjuncts = new ArrayList<>(root instanceof Predicate.And a ? a.terms() : List.of(root));
        conjuncts.sort((x, y) -> Boolean.compare(!metadata(x), !metadata(y)));
        Set<String> sourcetypes = new LinkedHashSet<>(values(conjuncts, "sourcetype"));
        Set<String> indexes = new LinkedHashSet<>(values(conjuncts, "index"));
        List<String> search = new ArrayList<>();
        SplEscaper e = SplEscaper.INSTANCE;
        for (String key : List.of("index", "sourcetype")) {
            Optional.ofNullable(applied.state().get(key)).ifPresent(v -> {
                if (!(key.equals("index") ? indexes : sourcetypes).contains(v) && e.quotable(v)) {
                    search.add(key + "=" + e.literal(v));
                    (key.equals("index") ? indexes : sourcetypes).add(v);
                }
            });
        }
        if (sourcetypes.isEmpty() && indexes.isEmpty()) {
            notes.report(Code.NO_TABLE, ruleSpan, "no Splunk sourcetype or index for logsource "
                    + describe(applied.logsource()), "the shipped pipelines cover product okta and product azure"
                    + " with a service; for other sources give a pipeline with add_condition sourcetype or set_state"
                    + " index");
        }
        Optional<SplSchema> schema = SplSchema.of(sourcetypes, values(conjuncts, "category"));
        SplRender render = new SplRender(notes, schema);
        List<String> where = new ArrayList<>();
        for (Predicate c : conjuncts) {
            SplPart part = c.accept(render);
            part.filter().map(f -> SplRender.compound(f) ? "(" + f + ")" : f).filter(f -> !search.contains(f))
                    .ifPresent(search::add);
            String exact = part.atomic() ? part.eval() : "(" + part.eval() + ")";
            if (part.search().isEmpty() && !where.contains(exact)) {
                where.add(exact);
            }
        }
        if (search.isEmpty()) {
            search.add("*");
        }
        return new Pieces(search, render.commands(), where, schema);
    }

    private static boolean metadata(Predicate p) {
        return p instanceof Predicate.FieldMatch f && METADATA.contains(f.field())
                || p instanceof Predicate.Or o && o.terms().stream().allMatch(SplQuery::metadata);
    }

    /** The literal values a top-level conjunct (or an OR of them) requires of {@code field}. */
    static List<String> values(List<Predicate> conjuncts, String field) {
        List<String> out = new ArrayList<>();
        for (Predicate p : conjuncts) {
            List<Predicate> alts = p instanceof Predicate.Or o ? o.terms() : List.of(p);
            List<String> vs = new ArrayList<>();
            for (Predicate a : alts) {
                if (a instanceof Predicate.FieldMatch f && f.field().equals(field)
                        && f.matcher() instanceof Matcher.StringMatch s && !s.pattern().hasWildcards()) {
                    vs.add(s.pattern().plain());
                }
            }
            if (!vs.isEmpty() && vs.size() == alts.size()) {
                out.addAll(vs);
            }
        }
        return out;
    }

    static String describe(LogSource ls) {
        String d = ls.describe();
        return d.isEmpty() ? "(empty)" : d;
    }
}
