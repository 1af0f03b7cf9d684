package io.detc.pipeline;

import io.detc.diag.Diagnostic;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.ir.Predicates;
import io.detc.rule.LogSource;
import io.detc.source.Span;
import io.detc.value.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs processing pipelines over one rule, as pySigma does, for backends: pipelines by ascending priority (equal
 * priorities in the order given), items in file order, each item's {@code rule_conditions} tested against the
 * rule's <em>current</em> logsource (after earlier {@code change_logsource} items), the ids of items applied so far
 * and the state so far. What each type does to the IR:
 * <ul>
 *   <li>field renames: see {@link Renames};</li>
 *   <li>{@code add_condition}: {@code (field = value, any of a list) and ... and predicate}, values as
 *       case-insensitive literal text, numeric or boolean equality; {@code negated} puts the added part under NOT;
 *       the new leaves carry the rule's span;</li>
 *   <li>{@code drop_detection_item}: every selected {@code FieldMatch}, {@code Exists}, {@code Element} (by its own
 *       field) and {@code Keyword} leaf becomes {@code true}. pySigma removes the item from its detection, and a
 *       detection's items are ANDed, so inside an AND this is the same. It differs when the item sits under an OR
 *       (the OR becomes true rather than losing one alternative) or a NOT (a dropped filter makes {@code not true},
 *       so the rule can never match): drop only items that are ANDed with the rest of their selection;</li>
 *   <li>value transformations: see {@link ValueRewrites};</li>
 *   <li>{@code set_state}: later values override earlier; {@code change_logsource}: replaces category, product
 *       and service, and clears definition and custom keys, as pySigma builds a new logsource.</li>
 * </ul>
 * The {@code vars} of all pipelines are merged, later pipelines overriding earlier ones (pySigma's {@code +}).
 * Stateless and thread-safe.
 */
public final class PipelineApplier {
    private PipelineApplier() {
    }

    /** Applies {@code pipelines} to one rule's predicate; {@code ruleSpan} is given to the leaves add_condition adds. */
    public static Applied apply(List<Pipeline> pipelines, LogSource ruleLogsource, Predicate predicate,
                                Span ruleSpan) {
        Objects.requireNonNull(predicate);
        Objects.requireNonNull(ruleSpan);
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, List<String>> vars = vars(sorted(pipelines));
        Predicate[] p = {predicate};
        Walk walk = walk(pipelines, ruleLogsource, t -> {
            if (t instanceof Transformation.FieldRename r) {
                p[0] = Renames.apply(p[0], r);
            } else if (t instanceof Transformation.AddCondition a) {
                p[0] = Predicates.and(List.of(added(a, ruleSpan), p[0]));
            } else if (t instanceof Transformation.DropDetectionItem d) {
                p[0] = drop(p[0], d.fieldConditions());
            } else if (t instanceof Transformation.MapString m) {
                p[0] = ValueRewrites.mapString(p[0], m);
            } else if (t instanceof Transformation.ReplaceString r) {
                p[0] = ValueRewrites.replaceString(p[0], r);
            } else if (t instanceof Transformation.ValuePlaceholders v) {
                p[0] = ValueRewrites.placeholders(p[0], v, vars, diags);
            }
        });
        return new Applied(p[0], walk.logsource, walk.state, diags, walk.applied);
    }

    /**
     * The name(s) {@code field} has after the pipelines' renames for a rule with {@code ruleLogsource} (several
     * mean OR), e.g. for a rule's {@code fields:} list: never empty, no duplicates.
     */
    public static List<String> field(List<Pipeline> pipelines, LogSource ruleLogsource, String field) {
        Objects.requireNonNull(field);
        List<String> names = new ArrayList<>(List.of(field));
        walk(pipelines, ruleLogsource, t -> {
            if (t instanceof Transformation.FieldRename r) {
                LinkedHashSet<String> next = new LinkedHashSet<>();
                names.forEach(n -> next.addAll(Renames.names(r, n)));
                names.clear();
                names.addAll(next);
            }
        });
        return List.copyOf(names);
    }

    /** What the walk over the items leaves behind besides the predicate. */
    private static final class Walk {
        LogSource logsource;
        final Map<String, String> state = new LinkedHashMap<>();
        final List<String> applied = new ArrayList<>();
        final Set<String> appliedIds = new LinkedHashSet<>();
    }

    /**
     * Visits the items whose rule conditions hold, in order, handling the ones that change the walk itself
     * (logsource, state) here and handing every applied item to {@code onItem}.
     */
    private static Walk walk(List<Pipeline> pipelines, LogSource ruleLogsource,
                             java.util.function.Consumer<Transformation> onItem) {
        Walk w = new Walk();
        w.logsource = Objects.requireNonNull(ruleLogsource);
        for (Pipeline pipeline : sorted(pipelines)) {
            for (Transformation t : pipeline.transformations()) {
                if (!t.conditions().matches(w.logsource, w.appliedIds, w.state)) {
                    continue;
                }
                if (t instanceof Transformation.SetState s) {
                    w.state.put(s.key(), s.value());
                } else if (t instanceof Transformation.ChangeLogsource c) {
                    w.logsource = new LogSource(c.category(), c.product(), c.service(), Optional.empty(), Map.of());
                }
                onItem.accept(t);
                w.applied.add(t.id());
                w.appliedIds.add(t.id());
            }
        }
        return w;
    }

    private static List<Pipeline> sorted(List<Pipeline> pipelines) {
        // List.sort is stable, so equal priorities keep the order given.
        return pipelines.stream().sorted(Comparator.comparingInt(Pipeline::priority)).toList();
    }

    private static Map<String, List<String>> vars(List<Pipeline> sorted) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        sorted.forEach(p -> vars.putAll(p.vars()));
        return vars;
    }

    private static Predicate added(Transformation.AddCondition a, Span span) {
        List<Predicate> terms = new ArrayList<>();
        a.fields().forEach((field, values) -> terms.add(Predicates.or(values.stream()
                .<Predicate>map(v -> new Predicate.FieldMatch(field, matcher(v), span)).toList())));
        Predicate all = Predicates.and(terms);
        return a.negated() ? Predicates.not(all) : all;
    }

    private static Matcher matcher(Object value) {
        if (value instanceof BigDecimal n) {
            return new Matcher.NumberCompare(Matcher.CompareOp.EQ, n, n.toPlainString());
        }
        if (value instanceof Boolean b) {
            return new Matcher.BoolEquals(b);
        }
        return new Matcher.StringMatch(Text.literal((String) value), false);
    }

    private static Predicate drop(Predicate p, FieldConditions fc) {
        Predicate yes = new Predicate.Const(true);
        return IrRewriter.rewrite(p, new IrRewriter.Leaves() {
            @Override
            public Predicate fieldMatch(Predicate.FieldMatch m) {
                return fc.matches(m.field()) ? yes : m;
            }

            @Override
            public Predicate keyword(Predicate.Keyword k) {
                return fc.matchesKeyword() ? yes : k;
            }

            @Override
            public Predicate exists(Predicate.Exists e) {
                return fc.matches(e.field()) ? yes : e;
            }

            @Override
            public Predicate element(Predicate.Element e) {
                return fc.matches(e.field()) ? yes : e;
            }
        });
    }
}
