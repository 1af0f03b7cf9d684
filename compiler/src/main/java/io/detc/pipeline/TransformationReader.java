package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one item of a pipeline's {@code transformations} list: {@code id}, {@code type} (one of
 * {@link #SUPPORTED}), {@code mapping}, and the rule conditions ({@code rule_conditions} of type {@code logsource},
 * {@code rule_cond_op} / {@code rule_condition_linking}, {@code rule_cond_not} / {@code rule_condition_negation}).
 * Problems go to the diagnostics; an item with an error yields nothing.
 */
final class TransformationReader {
    static final List<String> SUPPORTED = List.of("field_name_mapping", "field_name_prefix_mapping");

    private static final Set<String> KNOWN = Set.of("id", "type", "mapping", "rule_conditions", "rule_cond_op",
            "rule_condition_linking", "rule_cond_not", "rule_condition_negation");
    private static final Set<String> CONDITION_KEYS = Set.of("type", "product", "service", "category");

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
        } else if (type.isPresent() && !SUPPORTED.contains(type.get())) {
            diags.report(Code.UNSUPPORTED, item.get("type").get().span(), "transformation type '" + type.get()
                    + "' is not supported: detc applies only " + String.join(" and ", SUPPORTED),
                    "remove the item, or express it as a field-name mapping");
        }
        checkKeys(item, diags);
        Map<String, List<String>> mapping = mapping(item, id, diags);
        RuleConditions conditions = conditions(item, diags);
        if (errorCount(diags) > errors || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(type.get().equals("field_name_mapping")
                ? new Transformation.FieldNameMapping(id, mapping, conditions)
                : new Transformation.FieldNamePrefixMapping(id, mapping, conditions));
    }

    private static void checkKeys(YamlNode.Mapping item, Diagnostics diags) {
        for (YamlNode.Entry e : item.entries()) {
            String k = e.key().value();
            if (KNOWN.contains(k)) {
                continue;
            }
            if (k.startsWith("detection_item_") || k.startsWith("field_name_cond") || k.equals("rule_cond_expr")
                    || k.equals("rule_condition_expression")) {
                diags.report(Code.UNSUPPORTED, e.key().span(), "'" + k + "' is not supported: detc evaluates only"
                        + " a list of logsource rule conditions", "without it the item would apply too widely");
            } else {
                diags.report(Code.SUSPICIOUS_FIELD, e.key().span(), "unknown transformation key '" + k
                        + "' is ignored");
            }
        }
    }

    private static Map<String, List<String>> mapping(YamlNode.Mapping item, String id, Diagnostics diags) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Optional<YamlNode> node = item.get("mapping");
        if (node.isEmpty()) {
            diags.report(Code.MISSING_FIELD, item.span(), "transformation " + id + " has no 'mapping'");
            return out;
        }
        if (!(node.get() instanceof YamlNode.Mapping m)) {
            PipelineReader.wrongType(diags, node.get(), "mapping", "a mapping of field names");
            return out;
        }
        for (YamlNode.Entry e : m.entries()) {
            String from = e.key().value();
            if (from.isEmpty()) {
                diags.report(Code.WRONG_TYPE, e.key().span(), "a mapping key must be a non-empty field name");
                continue;
            }
            targets(e.value(), from, diags).ifPresent(t -> out.put(from, t));
        }
        return out;
    }

    /** A target name, or a non-empty list of them (alternatives: OR). */
    private static Optional<List<String>> targets(YamlNode value, String from, Diagnostics diags) {
        List<YamlNode> nodes = value instanceof YamlNode.Seq s ? s.items() : List.of(value);
        if (nodes.isEmpty()) {
            diags.report(Code.WRONG_TYPE, value.span(), "'" + from + "' maps to an empty list; give at least one"
                    + " field name");
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (YamlNode n : nodes) {
            if (n instanceof YamlNode.Scalar s && s.isString() && !s.value().isEmpty()) {
                names.add(s.value());
            } else {
                diags.report(Code.WRONG_TYPE, n.span(), "'" + from + "' must map to a field name or a list of"
                        + " field names, found " + YamlNode.kind(n));
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    private static RuleConditions conditions(YamlNode.Mapping item, Diagnostics diags) {
        List<RuleConditions.Logsource> list = new ArrayList<>();
        Optional<YamlNode> node = item.get("rule_conditions");
        if (node.isPresent() && !PipelineReader.isNull(node.get())) {
            if (node.get() instanceof YamlNode.Seq seq) {
                for (YamlNode c : seq.items()) {
                    condition(c, diags).ifPresent(list::add);
                }
            } else if (node.get() instanceof YamlNode.Mapping) {
                diags.report(Code.UNSUPPORTED, node.get().span(), "named rule conditions (a mapping, used with"
                        + " rule_cond_expr) are not supported", "write rule_conditions as a list");
            } else {
                PipelineReader.wrongType(diags, node.get(), "rule_conditions", "a list of conditions");
            }
        }
        RuleConditions.Linking linking = RuleConditions.Linking.ALL;
        Optional<String> op = word(item, "rule_cond_op", Set.of("and", "or"), diags);
        Optional<String> linkingWord = word(item, "rule_condition_linking", Set.of("all", "any"), diags);
        if (op.isPresent() && linkingWord.isPresent()) {
            diags.report(Code.WRONG_TYPE, item.get("rule_condition_linking").get().span(), "give either"
                    + " 'rule_cond_op' or 'rule_condition_linking', not both");
        } else if (op.map("or"::equals).orElse(false) || linkingWord.map("any"::equals).orElse(false)) {
            linking = RuleConditions.Linking.ANY;
        }
        boolean negated = flag(item, "rule_cond_not", diags) || flag(item, "rule_condition_negation", diags);
        return new RuleConditions(list, linking, negated);
    }

    private static Optional<RuleConditions.Logsource> condition(YamlNode node, Diagnostics diags) {
        if (!(node instanceof YamlNode.Mapping c)) {
            diags.report(Code.WRONG_TYPE, node.span(), "a rule condition must be a mapping, found "
                    + YamlNode.kind(node));
            return Optional.empty();
        }
        Optional<String> type = PipelineReader.text(c, "type", diags);
        if (c.get("type").isEmpty()) {
            diags.report(Code.MISSING_FIELD, c.span(), "rule condition has no 'type'", "use type: logsource");
            return Optional.empty();
        }
        if (type.isPresent() && !type.get().equals("logsource")) {
            diags.report(Code.UNSUPPORTED, c.get("type").get().span(), "rule condition type '" + type.get()
                    + "' is not supported: detc evaluates only logsource conditions");
            return Optional.empty();
        }
        for (YamlNode.Entry e : c.entries()) {
            if (!CONDITION_KEYS.contains(e.key().value())) {
                diags.report(Code.SUSPICIOUS_FIELD, e.key().span(), "unknown logsource condition key '"
                        + e.key().value() + "' is ignored", "a logsource condition has product, service, category");
            }
        }
        return Optional.of(new RuleConditions.Logsource(PipelineReader.text(c, "product", diags),
                PipelineReader.text(c, "service", diags), PipelineReader.text(c, "category", diags)));
    }

    private static Optional<String> word(YamlNode.Mapping item, String key, Set<String> allowed, Diagnostics diags) {
        Optional<String> w = PipelineReader.text(item, key, diags);
        if (w.isPresent() && !allowed.contains(w.get())) {
            diags.report(Code.WRONG_TYPE, item.get(key).get().span(), "'" + key + "' must be one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ", found '" + w.get() + "'");
            return Optional.empty();
        }
        return w;
    }

    private static boolean flag(YamlNode.Mapping item, String key, Diagnostics diags) {
        Optional<YamlNode> n = item.get(key);
        if (n.isEmpty()) {
            return false;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOL) {
            return Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT));
        }
        PipelineReader.wrongType(diags, n.get(), key, "true or false");
        return false;
    }

    private static int errorCount(Diagnostics diags) {
        return diags.list().stream().filter(io.detc.diag.Diagnostic::isError).mapToInt(d -> 1).sum();
    }
}
