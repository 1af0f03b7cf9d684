package io.detc.value;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.ir.Predicates;
import io.detc.rule.DetectionItem;
import io.detc.yaml.YamlNode;
import io.detc.yaml.YamlNode.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers one detection item ({@code field|mods: values}, or a keyword list) into the IR: the single place where
 * Sigma's value semantics are decided, so the evaluator and every backend agree on what a rule means.
 *
 * <p>Semantics (sigma-rules-specification.md "Lists", "Special Field Values", "Value Modifiers";
 * sigma-appendix-modifiers.md):
 * <ul>
 *   <li>a list of values is an OR; with {@code all} an AND. {@code all} on one value is reported (W312, the spec
 *       forbids it) but kept as AND, which pySigma accepts;</li>
 *   <li>{@code neq} negates the whole item: {@code not (v1 or v2)} (pySigma's list-level negation);</li>
 *   <li>{@code null} is {@link io.detc.ir.Matcher.IsNull} and may not share a list with other values (E311);</li>
 *   <li>plain numbers compare as numbers, booleans as booleans; under a string modifier, or as keywords, a number
 *       is matched as its literal text, as pySigma does;</li>
 *   <li>everything else is described in {@link ValueLowering}, {@link StringChain} and {@link ModifierChain}.</li>
 * </ul>
 * Every problem is collected in {@link Diagnostics}; nothing is thrown and no value is dropped silently.
 */
public final class ItemLowering {
    private ItemLowering() {
    }

    /** The predicate for {@code item}, or empty when an error was reported for it (warnings do not count). */
    public static Optional<Predicate> lower(DetectionItem item, Diagnostics diags) {
        Optional<String> field = item.field().filter(f -> !f.isEmpty());
        boolean ok = true;
        if (item.values().isEmpty()) {
            diags.report(Code.EMPTY_DETECTION, item.span(), "no values to match, which matches nothing");
            return Optional.empty();
        }
        if (item.values().size() > 1) {
            for (YamlNode.Scalar v : item.values()) {
                if (v.type() == ScalarType.NULL) {
                    ok = false;
                    diags.report(Code.NULL_IN_LIST, v.span(), "null cannot be part of a list of values",
                            "null is its own type: match it in a separate selection (spec, \"Special Field Values\")");
                }
            }
        }
        Optional<ModifierChain> resolved = ModifierChain.resolve(item.modifiers(), field.isEmpty(), diags);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        ModifierChain chain = resolved.get();
        if (chain.has(Modifier.EXISTS) && item.values().size() > 1) {
            diags.report(Code.EXISTS_NOT_BOOLEAN, item.values().get(1).span(), "'exists' takes a single true or false,"
                    + " not a list");
            return Optional.empty();
        }
        if (chain.allSpan().isPresent() && item.values().size() == 1) {
            diags.report(Code.ALL_SINGLE_VALUE, chain.allSpan().get(), "'all' on a single value has no effect;"
                    + " the spec does not allow it", "drop 'all', or use a separate selection");
        }
        ValueLowering values = new ValueLowering(field, chain, diags);
        List<Predicate> terms = new ArrayList<>();
        for (YamlNode.Scalar v : item.values()) {
            if (v.type() == ScalarType.NULL && item.values().size() > 1) {
                continue; // already reported as E311
            }
            Optional<Predicate> p = values.lower(v);
            if (p.isPresent()) {
                terms.add(p.get());
            } else {
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        Predicate linked = chain.has(Modifier.ALL) ? Predicates.and(terms) : Predicates.or(terms);
        return Optional.of(chain.has(Modifier.NEQ) ? Predicates.not(linked) : linked);
    }
}
