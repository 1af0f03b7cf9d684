package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.value.YamlNumbers;
import io.detc.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the type-specific keys of one transformation item (see {@link TransformationReader#KEYS}). Problems are
 * diagnostics; the caller drops the item when any error was reported.
 */
final class TransformationBodies {
    private TransformationBodies() {
    }

    static Optional<Transformation> read(String type, String id, YamlNode.Mapping item, RuleConditions rc,
                                         FieldConditions fc, Diagnostics diags) {
        return switch (type) {
            case "field_name_mapping" -> Optional.of(new Transformation.FieldNameMapping(id,
                    mapping(item, id, "a field name", false, diags), rc, fc));
            case "field_name_prefix_mapping" -> Optional.of(new Transformation.FieldNamePrefixMapping(id,
                    mapping(item, id, "a field name", false, diags), rc, fc));
            case "field_name_prefix" -> required(item, id, "prefix", diags)
                    .map(p -> new Transformation.FieldNamePrefix(id, p, rc, fc));
            case "field_name_suffix" -> required(item, id, "suffix", diags)
                    .map(s -> new Transformation.FieldNameSuffix(id, s, rc, fc));
            case "set_state" -> setState(item, id, rc, diags);
            case "add_condition" -> addCondition(item, id, rc, diags);
            case "change_logsource" -> Optional.of(new Transformation.ChangeLogsource(id,
                    PipelineReader.text(item, "category", diags), PipelineReader.text(item, "product", diags),
                    PipelineReader.text(item, "service", diags), rc));
            case "drop_detection_item" -> Optional.of(new Transformation.DropDetectionItem(id, rc, fc));
            case "map_string" -> Optional.of(new Transformation.MapString(id,
                    mapping(item, id, "a string", true, diags), rc, fc));
            case "replace_string" -> replaceString(item, id, rc, fc, diags);
            case "value_placeholders" -> Optional.of(new Transformation.ValuePlaceholders(id,
                    names(item, "include", diags), names(item, "exclude", diags), rc, fc));
            default -> throw new IllegalStateException("type without a reader: " + type);
        };
    }

    private static Optional<Transformation> setState(YamlNode.Mapping item, String id, RuleConditions rc,
                                                     Diagnostics diags) {
        Optional<String> key = required(item, id, "key", diags);
        Optional<String> val = item.get("val").isEmpty() ? missing(item, id, "val", diags)
                : YamlValues.scalarText(item.get("val").get(), "val", diags);
        if (key.isEmpty() || val.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Transformation.SetState(id, key.get(), val.get(), rc));
    }

    private static Optional<Transformation> addCondition(YamlNode.Mapping item, String id, RuleConditions rc,
                                                         Diagnostics diags) {
        boolean negated = YamlValues.flag(item, "negated", diags);
        if (YamlValues.flag(item, "template", diags)) {
            diags.report(Code.UNSUPPORTED, item.get("template").get().span(), "'template: true' is not supported:"
                    + " detc adds the conditions as written", "write the field names and values out");
        }
        Optional<YamlNode> node = item.get("conditions");
        if (node.isEmpty()) {
            return missing(item, id, "conditions", diags);
        }
        if (!(node.get() instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
            PipelineReader.wrongType(diags, node.get(), "conditions", "a non-empty mapping of field: value(s)");
            return Optional.empty();
        }
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries()) {
            String field = e.key().value();
            if (field.isEmpty()) {
                diags.report(Code.WRONG_TYPE, e.key().span(), "a condition key must be a non-empty field name");
                continue;
            }
            List<YamlNode> nodes = e.value() instanceof YamlNode.Seq s ? s.items() : List.of(e.value());
            if (nodes.isEmpty()) {
                diags.report(Code.WRONG_TYPE, e.value().span(), "'" + field + "' has an empty list; give at least"
                        + " one value");
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (YamlNode n : nodes) {
                conditionValue(n, field, diags).ifPresent(values::add);
            }
            if (values.size() == nodes.size()) {
                fields.put(field, values);
            }
        }
        return fields.size() == m.entries().size()
                ? Optional.of(new Transformation.AddCondition(id, fields, negated, rc)) : Optional.empty();
    }

    /** A string, a number (as {@link BigDecimal}) or a boolean: pySigma's plain detection values. */
    private static Optional<Object> conditionValue(YamlNode n, String field, Diagnostics diags) {
        if (n instanceof YamlNode.Scalar s) {
            switch (s.type()) {
                case STRING:
                    if (s.value().indexOf('*') >= 0 || s.value().indexOf('?') >= 0) {
                        // pySigma parses these values as Sigma strings; detc adds them as literal text (documented).
                        diags.report(Code.SUSPICIOUS_FIELD, s.span(), "'*' and '?' in add_condition values are"
                                + " literal text in detc, not wildcards as in pySigma");
                    }
                    return Optional.of(s.value());
                case INT:
                case FLOAT:
                    Optional<BigDecimal> number = YamlNumbers.parse(s.value());
                    if (number.isPresent()) {
                        return Optional.of(number.get());
                    }
                    break;
                case BOOL:
                    return Optional.of(Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT)));
                default:
                    break;
            }
        }
        diags.report(Code.WRONG_TYPE, n.span(), "'" + field + "' must have a string, number or boolean value or a"
                + " list of them, found " + YamlNode.kind(n));
        return Optional.empty();
    }

    private static Optional<Transformation> replaceString(YamlNode.Mapping item, String id, RuleConditions rc,
                                                          FieldConditions fc, Diagnostics diags) {
        Optional<String> regex = required(item, id, "regex", diags);
        Optional<String> replacement = item.get("replacement").isEmpty() ? missing(item, id, "replacement", diags)
                : PipelineReader.text(item, "replacement", diags);
        boolean skip = YamlValues.flag(item, "skip_special", diags);
        boolean interpret = YamlValues.flag(item, "interpret_special", diags);
        if (regex.isEmpty() || !Regexes.check(regex.get(), item.get("regex").get().span(), diags)
                || replacement.isEmpty()) {
            return Optional.empty();
        }
        Pattern p = Regexes.compile(regex.get());
        if (!Regexes.checkReplacement(p, replacement.get(), item.get("replacement").get().span(), diags)) {
            return Optional.empty();
        }
        return Optional.of(new Transformation.ReplaceString(id, regex.get(), replacement.get(), skip, interpret,
                rc, fc));
    }

    /**
     * {@code mapping}: key → target or non-empty list of targets, in file order. Field names may not be empty;
     * {@code map_string} targets may ({@code allowEmpty}).
     */
    private static Map<String, List<String>> mapping(YamlNode.Mapping item, String id, String noun,
                                                     boolean allowEmpty, Diagnostics diags) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Optional<YamlNode> node = item.get("mapping");
        if (node.isEmpty()) {
            diags.report(Code.MISSING_FIELD, item.span(), "transformation " + id + " has no 'mapping'");
            return out;
        }
        if (!(node.get() instanceof YamlNode.Mapping m)) {
            PipelineReader.wrongType(diags, node.get(), "mapping", "a mapping of " + noun.substring(2) + "s");
            return out;
        }
        for (YamlNode.Entry e : m.entries()) {
            String from = e.key().value();
            if (from.isEmpty() && !allowEmpty) {
                diags.report(Code.WRONG_TYPE, e.key().span(), "a mapping key must be a non-empty field name");
                continue;
            }
            targets(e.value(), from, noun, allowEmpty, diags).ifPresent(t -> out.put(from, t));
        }
        return out;
    }

    private static Optional<List<String>> targets(YamlNode value, String from, String noun, boolean allowEmpty,
                                                  Diagnostics diags) {
        List<YamlNode> nodes = value instanceof YamlNode.Seq s ? s.items() : List.of(value);
        if (nodes.isEmpty()) {
            diags.report(Code.WRONG_TYPE, value.span(), "'" + from + "' maps to an empty list; give at least one "
                    + noun.substring(2));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode n : nodes) {
            if (n instanceof YamlNode.Scalar s && s.isString() && (allowEmpty || !s.value().isEmpty())) {
                out.add(s.value());
            } else {
                diags.report(Code.WRONG_TYPE, n.span(), "'" + from + "' must map to " + noun + " or a list of "
                        + noun.substring(2) + "s, found " + YamlNode.kind(n));
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static List<String> names(YamlNode.Mapping item, String key, Diagnostics diags) {
        return item.get(key).flatMap(n -> YamlValues.strings(n, key, diags)).orElse(List.of());
    }

    private static Optional<String> required(YamlNode.Mapping item, String id, String key, Diagnostics diags) {
        return item.get(key).isEmpty() ? missing(item, id, key, diags) : PipelineReader.text(item, key, diags);
    }

    private static <T> Optional<T> missing(YamlNode.Mapping item, String id, String key, Diagnostics diags) {
        diags.report(Code.MISSING_FIELD, item.span(), "transformation " + id + " has no '" + key + "'");
        return Optional.empty();
    }
}
