package io.detc.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a pipeline's {@code transformations} list: what it does, guarded by {@link RuleConditions} (when it
 * applies to a rule) and, for items that work on detection items, {@link FieldConditions} (which items). Each record
 * mirrors one pySigma transformation type; its Javadoc names the YAML keys it is read from.
 *
 * <p>Invariants: immutable; maps keep file order; no id is null ({@code #<index>} when the item has none).
 */
public sealed interface Transformation permits Transformation.FieldRename, Transformation.SetState,
        Transformation.AddCondition, Transformation.ChangeLogsource, Transformation.DropDetectionItem,
        Transformation.MapString, Transformation.ReplaceString, Transformation.ValuePlaceholders {
    /** The item's {@code id}, or {@code #<index>} when it has none. */
    String id();

    /** The item's {@code rule_conditions}: whether it applies to a rule at all. */
    RuleConditions conditions();

    /**
     * A transformation that renames fields: the only kind the evaluator's {@link FieldResolver} applies. A name
     * mapped to several names means OR (the rule's value may be in any of them), as in pySigma.
     */
    sealed interface FieldRename extends Transformation
            permits FieldNameMapping, FieldNamePrefixMapping, FieldNamePrefix, FieldNameSuffix {
        /** Source name (or prefix) → target names, in file order; empty for prefix/suffix adders. */
        Map<String, List<String>> mapping();

        /** The item's {@code field_name_conditions}: which fields it renames. Tested on the name before renaming. */
        FieldConditions fieldConditions();

        /** The names {@code field} becomes, or empty when this transformation leaves it alone. */
        Optional<List<String>> apply(String field);
    }

    /** pySigma {@code field_name_mapping} ({@code mapping: {name: target | [targets]}}): exact names. */
    record FieldNameMapping(String id, Map<String, List<String>> mapping, RuleConditions conditions,
                            FieldConditions fieldConditions) implements FieldRename {
        public FieldNameMapping {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
            mapping = Mappings.copy(mapping);
        }

        /** Without field-name conditions. */
        public FieldNameMapping(String id, Map<String, List<String>> mapping, RuleConditions conditions) {
            this(id, mapping, conditions, FieldConditions.ALWAYS);
        }

        @Override
        public Optional<List<String>> apply(String field) {
            return fieldConditions.matches(field) ? Optional.ofNullable(mapping.get(field)) : Optional.empty();
        }
    }

    /**
     * pySigma {@code field_name_prefix_mapping} ({@code mapping: {prefix: target | [targets]}}): a field starting
     * with a source prefix gets that prefix replaced by each target, the rest kept ({@code Status.} →
     * {@code properties.status.} turns {@code Status.errorCode} into {@code properties.status.errorCode}). Prefixes
     * are tried in file order; the first that matches wins, as in pySigma.
     */
    record FieldNamePrefixMapping(String id, Map<String, List<String>> mapping, RuleConditions conditions,
                                  FieldConditions fieldConditions) implements FieldRename {
        public FieldNamePrefixMapping {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
            mapping = Mappings.copy(mapping);
        }

        /** Without field-name conditions. */
        public FieldNamePrefixMapping(String id, Map<String, List<String>> mapping, RuleConditions conditions) {
            this(id, mapping, conditions, FieldConditions.ALWAYS);
        }

        @Override
        public Optional<List<String>> apply(String field) {
            if (!fieldConditions.matches(field)) {
                return Optional.empty();
            }
            for (Map.Entry<String, List<String>> e : mapping.entrySet()) {
                if (field.startsWith(e.getKey())) {
                    String rest = field.substring(e.getKey().length());
                    return Optional.of(e.getValue().stream().map(t -> t + rest).toList());
                }
            }
            return Optional.empty();
        }
    }

    /** pySigma {@code field_name_prefix} ({@code prefix}): every selected field gets the prefix. */
    record FieldNamePrefix(String id, String prefix, RuleConditions conditions, FieldConditions fieldConditions)
            implements FieldRename {
        public FieldNamePrefix {
            Objects.requireNonNull(id);
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
        }

        @Override
        public Map<String, List<String>> mapping() {
            return Map.of();
        }

        @Override
        public Optional<List<String>> apply(String field) {
            return fieldConditions.matches(field) ? Optional.of(List.of(prefix + field)) : Optional.empty();
        }
    }

    /** pySigma {@code field_name_suffix} ({@code suffix}): every selected field gets the suffix. */
    record FieldNameSuffix(String id, String suffix, RuleConditions conditions, FieldConditions fieldConditions)
            implements FieldRename {
        public FieldNameSuffix {
            Objects.requireNonNull(id);
            Objects.requireNonNull(suffix);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
        }

        @Override
        public Map<String, List<String>> mapping() {
            return Map.of();
        }

        @Override
        public Optional<List<String>> apply(String field) {
            return fieldConditions.matches(field) ? Optional.of(List.of(field + suffix)) : Optional.empty();
        }
    }

    /**
     * pySigma {@code set_state} ({@code key}, {@code val}): records a value in the conversion state. Backends read
     * {@code query_table} (KQL table), {@code index} and {@code sourcetype} (SPL). Later items override earlier.
     */
    record SetState(String id, String key, String value, RuleConditions conditions) implements Transformation {
        public SetState {
            Objects.requireNonNull(id);
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            Objects.requireNonNull(conditions);
        }
    }

    /**
     * pySigma {@code add_condition} ({@code conditions: {field: value | [values]}}, {@code negated}): ANDs
     * {@code field = value} onto the whole detection; a list means any of its values. Values are {@link String}
     * (matched case-insensitively, as literal text: {@code *} is not a wildcard), {@link java.math.BigDecimal}
     * (numeric equality) or {@link Boolean}. With {@code negated}, the added condition is {@code not(...)}.
     */
    record AddCondition(String id, Map<String, List<Object>> fields, boolean negated, RuleConditions conditions)
            implements Transformation {
        public AddCondition {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            fields = Mappings.copyValues(fields);
        }
    }

    /**
     * pySigma {@code change_logsource} ({@code category}, {@code product}, {@code service}): replaces the three
     * parts of the rule's logsource (an absent key clears that part, as pySigma does); later items' rule
     * conditions see the new logsource.
     */
    record ChangeLogsource(String id, Optional<String> category, Optional<String> product, Optional<String> service,
                           RuleConditions conditions) implements Transformation {
        public ChangeLogsource {
            Objects.requireNonNull(id);
            Objects.requireNonNull(category);
            Objects.requireNonNull(product);
            Objects.requireNonNull(service);
            Objects.requireNonNull(conditions);
        }
    }

    /**
     * pySigma {@code drop_detection_item}: removes the detection items its {@code field_name_conditions} select
     * (every field item when there are none). See {@link PipelineApplier} for how removal maps onto the IR.
     */
    record DropDetectionItem(String id, RuleConditions conditions, FieldConditions fieldConditions)
            implements Transformation {
        public DropDetectionItem {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
        }
    }

    /**
     * pySigma {@code map_string} ({@code mapping: {value: replacement | [replacements]}}): a string value equal to
     * a key (compared in Sigma notation, wildcards included, case-sensitively) becomes the replacement(s); several
     * mean OR. Keys and replacements are Sigma strings: {@code *} and {@code ?} are wildcards.
     */
    record MapString(String id, Map<String, List<String>> mapping, RuleConditions conditions,
                     FieldConditions fieldConditions) implements Transformation {
        public MapString {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
            mapping = Mappings.copy(mapping);
        }
    }

    /**
     * pySigma {@code replace_string} ({@code regex}, {@code replacement}, {@code skip_special},
     * {@code interpret_special}): replaces every match of the pipeline author's regex (run by java.util.regex, see
     * {@link Regexes}) in string values; the replacement uses Python's syntax ({@code \1}, {@code \g<name>}).
     * Without {@code skipSpecial} the whole value is rewritten in pySigma's plain notation (wildcards as {@code *}
     * and {@code ?}, literal ones as {@code \*} and {@code \?}) and read back as a Sigma string. With it, only
     * literal parts are rewritten and wildcards kept; {@code interpretSpecial} then reads {@code *} and {@code ?}
     * in the replaced parts as wildcards.
     */
    record ReplaceString(String id, String regex, String replacement, boolean skipSpecial, boolean interpretSpecial,
                         RuleConditions conditions, FieldConditions fieldConditions) implements Transformation {
        public ReplaceString {
            Objects.requireNonNull(id);
            Objects.requireNonNull(regex);
            Objects.requireNonNull(replacement);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
        }
    }

    /**
     * pySigma {@code value_placeholders} ({@code include}, {@code exclude}: placeholder names): expands the
     * {@code %name%} placeholder of {@code |expand} values into the values the pipeline's {@code vars} list for
     * {@code name} (OR). An empty {@code include} means every placeholder not excluded.
     */
    record ValuePlaceholders(String id, List<String> include, List<String> exclude, RuleConditions conditions,
                             FieldConditions fieldConditions) implements Transformation {
        public ValuePlaceholders {
            Objects.requireNonNull(id);
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
            Objects.requireNonNull(conditions);
            Objects.requireNonNull(fieldConditions);
        }

        /** Without include/exclude lists or field conditions. */
        public ValuePlaceholders(String id, RuleConditions conditions) {
            this(id, List.of(), List.of(), conditions, FieldConditions.ALWAYS);
        }

        /** Whether this item expands the placeholder {@code name}. */
        public boolean handles(String name) {
            return (include.isEmpty() || include.contains(name)) && !exclude.contains(name);
        }
    }
}
