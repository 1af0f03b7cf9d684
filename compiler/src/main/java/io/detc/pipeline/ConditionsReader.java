package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the conditions of one transformation item: {@code rule_conditions} (types {@code logsource},
 * {@code processing_item_applied}, {@code processing_state}) and {@code field_name_conditions} (types
 * {@code include_fields}, {@code exclude_fields}), each with pySigma's old and new spellings of linking
 * ({@code *_cond_op: and|or}, {@code *_condition_linking: all|any}) and negation ({@code *_cond_not},
 * {@code *_condition_negation}). Named conditions with expressions ({@code rule_cond_expr}) are not supported:
 * an error (E401), since without them the item would apply too widely.
 */
final class ConditionsReader {
    static final Set<String> RULE_KEYS = Set.of("rule_conditions", "rule_cond_op", "rule_condition_linking",
            "rule_cond_not", "rule_condition_negation");
    static final Set<String> FIELD_KEYS = Set.of("field_name_conditions", "field_name_cond_op",
            "field_name_condition_linking", "field_name_cond_not", "field_name_condition_negation");
    private static final String RULE_TYPES = "logsource, processing_item_applied, processing_state";

    private ConditionsReader() {
    }

    static RuleConditions rule(YamlNode.Mapping item, Diagnostics diags) {
        List<RuleConditions.Condition> list = new ArrayList<>();
        for (YamlNode c : items(item, "rule_conditions", "rule_cond_expr", diags)) {
            asMapping(c, "a rule condition", diags).flatMap(m -> ruleCondition(m, diags)).ifPresent(list::add);
        }
        return new RuleConditions(list, linking(item, "rule_cond_op", "rule_condition_linking", diags),
                negation(item, "rule_cond_not", "rule_condition_negation", diags));
    }

    static FieldConditions field(YamlNode.Mapping item, Diagnostics diags) {
        List<FieldConditions.Field> list = new ArrayList<>();
        for (YamlNode c : items(item, "field_name_conditions", "field_name_cond_expr", diags)) {
            asMapping(c, "a field name condition", diags).flatMap(m -> fieldCondition(m, diags)).ifPresent(list::add);
        }
        return new FieldConditions(list, linking(item, "field_name_cond_op", "field_name_condition_linking", diags),
                negation(item, "field_name_cond_not", "field_name_condition_negation", diags));
    }

    /** The items of a condition list (empty when absent or not a list, which is reported). */
    private static List<YamlNode> items(YamlNode.Mapping item, String key, String exprKey, Diagnostics diags) {
        List<YamlNode> out = new ArrayList<>();
        Optional<YamlNode> node = item.get(key);
        if (node.isEmpty() || PipelineReader.isNull(node.get())) {
            return out;
        }
        if (node.get() instanceof YamlNode.Mapping) {
            diags.report(Code.UNSUPPORTED, node.get().span(), "named " + key.replace('_', ' ') + " (a mapping,"
                    + " used with " + exprKey + ") are not supported", "write " + key + " as a list");
        } else if (node.get() instanceof YamlNode.Seq seq) {
            out.addAll(seq.items());
        } else {
            PipelineReader.wrongType(diags, node.get(), key, "a list of conditions");
        }
        return out;
    }

    private static Optional<YamlNode.Mapping> asMapping(YamlNode c, String what, Diagnostics diags) {
        if (c instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        diags.report(Code.WRONG_TYPE, c.span(), what + " must be a mapping, found " + YamlNode.kind(c));
        return Optional.empty();
    }

    private static Optional<RuleConditions.Condition> ruleCondition(YamlNode.Mapping c, Diagnostics diags) {
        Optional<String> type = PipelineReader.text(c, "type", diags);
        if (c.get("type").isEmpty()) {
            diags.report(Code.MISSING_FIELD, c.span(), "rule condition has no 'type'", "use one of " + RULE_TYPES);
            return Optional.empty();
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        switch (type.get()) {
            case "logsource":
                unknownKeys(c, Set.of("type", "product", "service", "category"), "logsource condition", diags);
                return Optional.of(new RuleConditions.Logsource(PipelineReader.text(c, "product", diags),
                        PipelineReader.text(c, "service", diags), PipelineReader.text(c, "category", diags)));
            case "processing_item_applied":
                unknownKeys(c, Set.of("type", "processing_item_id"), "processing_item_applied condition", diags);
                return required(c, "processing_item_id", diags).map(RuleConditions.ProcessingItemApplied::new);
            case "processing_state":
                unknownKeys(c, Set.of("type", "key", "val", "op"), "processing_state condition", diags);
                Optional<String> key = required(c, "key", diags);
                Optional<String> val = c.get("val").isEmpty() ? missing(c, "val", diags)
                        : YamlValues.scalarText(c.get("val").get(), "val", diags);
                Optional<String> op = YamlValues.word(c, "op", Set.of("eq", "ne"), diags);
                if (key.isEmpty() || val.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new RuleConditions.ProcessingState(key.get(), val.get(),
                        !op.map("ne"::equals).orElse(false)));
            default:
                diags.report(Code.UNSUPPORTED, c.get("type").get().span(), "rule condition type '" + type.get()
                        + "' is not supported: detc evaluates " + RULE_TYPES + " conditions");
                return Optional.empty();
        }
    }

    private static Optional<FieldConditions.Field> fieldCondition(YamlNode.Mapping c, Diagnostics diags) {
        Optional<String> type = PipelineReader.text(c, "type", diags);
        if (c.get("type").isEmpty()) {
            diags.report(Code.MISSING_FIELD, c.span(), "field name condition has no 'type'",
                    "use include_fields or exclude_fields");
            return Optional.empty();
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!type.get().equals("include_fields") && !type.get().equals("exclude_fields")) {
            diags.report(Code.UNSUPPORTED, c.get("type").get().span(), "field name condition type '" + type.get()
                    + "' is not supported: detc evaluates include_fields and exclude_fields");
            return Optional.empty();
        }
        unknownKeys(c, Set.of("type", "fields", "mode"), type.get() + " condition", diags);
        boolean regex = YamlValues.word(c, "mode", Set.of("plain", "re"), diags).map("re"::equals).orElse(false);
        if (c.get("fields").isEmpty()) {
            diags.report(Code.MISSING_FIELD, c.span(), type.get() + " condition has no 'fields'");
            return Optional.empty();
        }
        Optional<List<String>> fields = YamlValues.strings(c.get("fields").get(), "fields", diags);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (regex) {
            YamlNode n = c.get("fields").get();
            List<YamlNode> nodes = n instanceof YamlNode.Seq seq ? seq.items() : List.of(n);
            for (int i = 0; i < fields.get().size(); i++) {
                if (!Regexes.check(fields.get().get(i), nodes.get(i).span(), diags)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new FieldConditions.Field(type.get().equals("include_fields"), fields.get(), regex));
    }

    private static RuleConditions.Linking linking(YamlNode.Mapping item, String opKey, String linkingKey,
                                                  Diagnostics diags) {
        Optional<String> op = YamlValues.word(item, opKey, Set.of("and", "or"), diags);
        Optional<String> word = YamlValues.word(item, linkingKey, Set.of("all", "any"), diags);
        if (op.isPresent() && word.isPresent()) {
            diags.report(Code.WRONG_TYPE, item.get(linkingKey).get().span(), "give either '" + opKey + "' or '"
                    + linkingKey + "', not both");
            return RuleConditions.Linking.ALL;
        }
        return op.map("or"::equals).orElse(false) || word.map("any"::equals).orElse(false)
                ? RuleConditions.Linking.ANY : RuleConditions.Linking.ALL;
    }

    private static boolean negation(YamlNode.Mapping item, String oldKey, String newKey, Diagnostics diags) {
        boolean a = YamlValues.flag(item, oldKey, diags);
        boolean b = YamlValues.flag(item, newKey, diags);
        return a || b;
    }

    private static Optional<String> required(YamlNode.Mapping c, String key, Diagnostics diags) {
        return c.get(key).isEmpty() ? missing(c, key, diags) : PipelineReader.text(c, key, diags);
    }

    private static Optional<String> missing(YamlNode.Mapping c, String key, Diagnostics diags) {
        diags.report(Code.MISSING_FIELD, c.span(), "condition has no '" + key + "'");
        return Optional.empty();
    }

    private static void unknownKeys(YamlNode.Mapping c, Set<String> known, String what, Diagnostics diags) {
        for (YamlNode.Entry e : c.entries()) {
            if (!known.contains(e.key().value())) {
                diags.report(Code.SUSPICIOUS_FIELD, e.key().span(), "unknown " + what + " key '" + e.key().value()
                        + "' is ignored", "a " + what + " has " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }
}
