package io.detc.check;

import io.detc.condition.Condition;
import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.RuleRef;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks across every document given in one run: duplicate ids and names, references from correlations and
 * filters (by id or name), correlation cycles, aliases and extended temporal conditions.
 */
public final class LinkCheck {
    private final Map<String, Document> byId = new HashMap<>();
    private final Map<String, Document> byName = new HashMap<>();
    private final Diagnostics diags;

    private LinkCheck(Diagnostics diags) {
        this.diags = diags;
    }

    /** Checks {@code docs} and returns the index used to resolve references. */
    public static Index check(List<Document> docs, Diagnostics diags) {
        LinkCheck c = new LinkCheck(diags);
        for (Document d : docs) {
            d.meta().id().ifPresent(id -> c.register(c.byId, id, d, d.meta().idSpan(), Code.DUPLICATE_ID, "id"));
            d.meta().name().ifPresent(n -> c.register(c.byName, n, d, d.meta().nameSpan(), Code.DUPLICATE_NAME, "name"));
        }
        Index index = new Index(Map.copyOf(c.byId), Map.copyOf(c.byName));
        for (Document d : docs) {
            if (d instanceof Correlation corr) {
                c.correlation(corr, index);
            } else if (d instanceof Filter f) {
                for (RuleRef r : f.rules()) {
                    if (index.resolve(r.target()).isEmpty()) {
                        diags.report(Code.FILTER_UNKNOWN_RULE, r.span(), "filter names unknown rule '" + r.target() + "'",
                                "give the rule's file on the same command line");
                    }
                }
            }
        }
        c.cycles(docs, index);
        return index;
    }

    private void register(Map<String, Document> map, String key, Document d, Span span, Code code, String what) {
        Document first = map.putIfAbsent(key, d);
        if (first != null) {
            Span at = what.equals("id") ? first.meta().idSpan() : first.meta().nameSpan();
            diags.report(code, span, "duplicate " + what + " '" + key + "'", "first used at " + at.file().path() + ":"
                    + at.line() + ":" + at.column());
        }
    }

    private void correlation(Correlation c, Index index) {
        Set<String> referencedNames = new HashSet<>();
        for (RuleRef r : c.rules()) {
            Optional<Document> target = index.resolve(r.target());
            if (target.isEmpty()) {
                diags.report(Code.CORRELATION_UNKNOWN_RULE, r.span(), "correlation names unknown rule '" + r.target()
                        + "'", "give the rule's file on the same command line; rules are found by id or name");
            } else if (target.get() instanceof Filter) {
                diags.report(Code.CORRELATION_UNKNOWN_RULE, r.span(), "'" + r.target() + "' is a filter, not a rule");
            } else {
                referencedNames.add(r.target());
                target.get().meta().name().ifPresent(referencedNames::add);
                target.get().meta().id().ifPresent(referencedNames::add);
            }
        }
        // An alias used for grouping must say which field stands for it in every rule: a rule it leaves out would
        // have no group value, and its events would silently drop out (in an absence, that is a false alert).
        for (Correlation.Alias alias : c.aliases()) {
            if (!c.groupBy().contains(alias.name())) {
                continue;
            }
            for (RuleRef r : c.rules()) {
                Optional<Document> target = index.resolve(r.target());
                // A chained correlation provides its own group values by name.
                boolean covered = alias.fields().containsKey(r.target()) || target.flatMap(d -> d.meta().name())
                        .map(alias.fields()::containsKey).orElse(false)
                        || target.filter(d -> d instanceof Correlation inner && inner.groupBy().contains(alias.name()))
                        .isPresent();
                if (target.isPresent() && !covered) {
                    diags.report(Code.CORRELATION_ALIAS, alias.span(), "alias '" + alias.name() + "' names no field"
                            + " for rule '" + r.target() + "'", "add '" + r.target() + ": <field>' under the alias");
                }
            }
        }
        c.aliases().forEach(alias -> alias.fields().keySet().stream()
                .filter(rule -> !referencedNames.contains(rule))
                .forEach(rule -> diags.report(Code.CORRELATION_ALIAS, alias.span(), "alias '" + alias.name()
                        + "' maps rule '" + rule + "', which this correlation does not name in 'rules'")));
        c.expression().ifPresent(e -> {
            expressionRefs(e, referencedNames);
            if (!hasPositive(e, false)) {
                diags.report(Code.CORRELATION_CONDITION, e.span(), "the condition names no rule outside 'not': an"
                        + " absence needs an event to anchor it, e.g. 'grant and not audit'");
            }
        });
    }

    private static boolean hasPositive(Condition c, boolean negated) {
        if (c instanceof Condition.Not n) {
            return hasPositive(n.operand(), !negated);
        }
        if (c instanceof Condition.And a) {
            return a.terms().stream().anyMatch(t -> hasPositive(t, negated));
        }
        if (c instanceof Condition.Or o) {
            return o.terms().stream().anyMatch(t -> hasPositive(t, negated));
        }
        return !negated;
    }

    private void expressionRefs(Condition e, Set<String> names) {
        e.accept(new Condition.Visitor<Void>() {
            public Void visitOr(Condition.Or n) {
                n.terms().forEach(t -> t.accept(this));
                return null;
            }

            public Void visitAnd(Condition.And n) {
                n.terms().forEach(t -> t.accept(this));
                return null;
            }

            public Void visitNot(Condition.Not n) {
                return n.operand().accept(this);
            }

            public Void visitRef(Condition.Ref n) {
                if (!names.contains(n.name())) {
                    diags.report(Code.CORRELATION_CONDITION, n.span(), "'" + n.name() + "' is not one of this"
                            + " correlation's rules", "the condition names rules listed under 'rules'");
                }
                return null;
            }

            public Void visitOfPattern(Condition.OfPattern n) {
                if (ConditionCheck.matching(names, n.pattern()).isEmpty()) {
                    diags.report(Code.CORRELATION_CONDITION, n.span(), "'" + n.pattern() + "' matches none of this"
                            + " correlation's rules");
                }
                return null;
            }

            public Void visitOfThem(Condition.OfThem n) {
                return null;
            }
        });
    }

    /** Depth-first search over correlation → rule edges; each cycle is reported once, at the first correlation. */
    private void cycles(List<Document> docs, Index index) {
        Map<Document, Integer> state = new LinkedHashMap<>();
        for (Document d : docs) {
            if (d instanceof Correlation) {
                visit(d, index, state, new ArrayList<>());
            }
        }
    }

    private void visit(Document d, Index index, Map<Document, Integer> state, List<Document> path) {
        Integer s = state.get(d);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            int from = path.indexOf(d);
            List<String> names = path.subList(from, path.size()).stream().map(Document::key).toList();
            diags.report(Code.CORRELATION_CYCLE, d.meta().idSpan().isNone() ? d.span() : d.span(),
                    "correlation cycle: " + String.join(" -> ", names) + " -> " + d.key());
            return;
        }
        state.put(d, 1);
        path.add(d);
        if (d instanceof Correlation c) {
            for (RuleRef r : c.rules()) {
                index.resolve(r.target()).ifPresent(t -> visit(t, index, state, path));
            }
        }
        path.remove(path.size() - 1);
        state.put(d, 2);
    }

    /** Documents by id and by name; ids win when a reference could mean both. */
    public record Index(Map<String, Document> byId, Map<String, Document> byName) {
        public Optional<Document> resolve(String ref) {
            return Optional.ofNullable(byId.get(ref)).or(() -> Optional.ofNullable(byName.get(ref)));
        }
    }
}
