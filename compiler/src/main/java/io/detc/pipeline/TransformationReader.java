package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.yaml.YamlNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one item of a pipeline's {@code transformations} list: {@code id}, {@code type}, the type's own keys
 * ({@link #KEYS}, read by {@link TransformationBodies}) and the conditions (read by {@link ConditionsReader}):
 * {@code rule_conditions} on every item, {@code field_name_conditions} on the types that select detection items
 * ({@link #SELECTS_ITEMS}). Another type, {@code detection_item_conditions} and condition expressions are errors
 * (E401): skipping them would change which events match. Unknown keys are warnings (W112). An item with an error
 * yields nothing.
 */
final class TransformationReader {
    /** The YAML keys of each supported type (besides id, type and the condition keys), as pySigma names them. */
    static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("field_name_mapping", Set.of("mapping")),
            Map.entry("field_name_prefix_mapping", Set.of("mapping")),
            Map.entry("field_name_prefix", Set.of("prefix")),
            Map.entry("field_name_suffix", Set.of("suffix")),
            Map.entry("set_state", Set.of("key", "val")),
            Map.entry("add_condition", Set.of("conditions", "negated", "template", "name")),
            Map.entry("change_logsource", Set.of("category", "product", "service")),
            Map.entry("drop_detection_item", Set.of()),
            Map.entry("map_string", Set.of("mapping")),
            Map.entry("replace_string", Set.of("regex", "replacement", "skip_special", "interpret_special")),
            Map.entry("value_placeholders", Set.of("include", "exclude")));

    /** Supported types, in the order messages list them. */
    static final List<String> SUPPORTED = List.of("field_name_mapping", "field_name_prefix_mapping",
            "field_name_prefix", "field_name_suffix", "set_state", "add_condition", "change_logsource",
            "drop_detection_item", "map_string", "replace_string", "value_placeholders");

    /** Types that work on detection items and so accept {@code field_name_conditions}. */
    static final Set<String> SELECTS_ITEMS = Set.of("field_name_mapping", "field_name_prefix_mapping",
            "field_name_prefix", "field_name_suffix", "drop_detection_item", "map_string", "replace_string",
            "value_placeholders");

    private static final Set<String> EXPRESSIONS = Set.of("rule_cond_expr", "rule_condition_expression",
            "field_name_cond_expr", "field_name_condition_expression");

    private TransformationReader() {
    }

    static Optional<Transformation> read(YamlNode node, int index, Diagnostics diags) {
        if (!(node instanceof YamlNode.Mapping item)) {
            diags.report(Code.WRONG_TYPE, node.span(), "a transformation item must be a mapping, found "
                    + YamlNode.kind(node));
            return Optional.empty();
        }
        int errors = errorCount(diags);
        String id = PipelineReader.text(item, "id", diags).orElse("#" + index);
        Optional<String> type = PipelineReader.text(item, "type", diags);
        if (item.get("type").isEmpty()) {
            diags.report(Code.MISSING_FIELD, item.span(), "transformation " + id + " has no 'type'",
                    "detc supports " + String.join(", ", SUPPORTED));
            return Optional.empty();
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!KEYS.containsKey(type.get())) {
            // Only this diagnostic: the item's other keys belong to a type detc does not know.
            diags.report(Code.UNSUPPORTED, item.get("type").get().span(), "transformation type '" + type.get()
                    + "' is not supported", "detc supports " + String.join(", ", SUPPORTED));
            return Optional.empty();
        }
        boolean selects = SELECTS_ITEMS.contains(type.get());
        checkKeys(item, type.get(), selects, diags);
        RuleConditions rc = ConditionsReader.rule(item, diags);
        FieldConditions fc = selects ? ConditionsReader.field(item, diags) : FieldConditions.ALWAYS;
        Optional<Transformation> t = TransformationBodies.read(type.get(), id, item, rc, fc, diags);
        return errorCount(diags) > errors ? Optional.empty() : t;
    }

    private static void checkKeys(YamlNode.Mapping item, String type, boolean selects, Diagnostics diags) {
        Set<String> known = new HashSet<>(KEYS.get(type));
        known.addAll(Set.of("id", "type"));
        known.addAll(ConditionsReader.RULE_KEYS);
        if (selects) {
            known.addAll(ConditionsReader.FIELD_KEYS);
        }
        for (YamlNode.Entry e : item.entries()) {
            String k = e.key().value();
            if (known.contains(k)) {
                continue;
            }
            if (ConditionsReader.FIELD_KEYS.contains(k)) {
                diags.report(Code.UNSUPPORTED, e.key().span(), "'" + k + "' does not apply to " + type + ": it"
                        + " selects detection items, and " + type + " works on the whole rule");
            } else if (k.startsWith("detection_item_cond")) {
                diags.report(Code.UNSUPPORTED, e.key().span(), "'" + k + "' is not supported: detc selects"
                        + " detection items by field_name_conditions only", "without it the item would apply too"
                        + " widely");
            } else if (EXPRESSIONS.contains(k)) {
                diags.report(Code.UNSUPPORTED, e.key().span(), "'" + k + "' is not supported: detc evaluates"
                        + " condition lists", "write the conditions as a list with *_cond_op: and|or");
            } else {
                diags.report(Code.SUSPICIOUS_FIELD, e.key().span(), "unknown " + type + " key '" + k
                        + "' is ignored", keysHint(type, selects));
            }
        }
    }

    private static String keysHint(String type, boolean selects) {
        Set<String> keys = new java.util.TreeSet<>(KEYS.get(type));
        keys.addAll(Set.of("id", "type", "rule_conditions"));
        if (selects) {
            keys.add("field_name_conditions");
        }
        return type + " has " + String.join(", ", keys);
    }

    private static int errorCount(Diagnostics diags) {
        return (int) diags.list().stream().filter(Diagnostic::isError).count();
    }
}
