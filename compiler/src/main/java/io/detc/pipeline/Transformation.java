package io.detc.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One field-name transformation of a pipeline. A mapping value lists one or more target names; several targets mean
 * OR (the rule's value may be in any of them), as in pySigma.
 *
 * <p>Invariants: immutable; the mapping keeps file order (prefix mappings try prefixes in that order, first match
 * wins, as pySigma does); no key is empty and no target list is empty.
 */
public sealed interface Transformation permits Transformation.FieldNameMapping, Transformation.FieldNamePrefixMapping {
    /** The item's {@code id}, or {@code #<index>} when it has none. */
    String id();

    /** Source name (or prefix) → target names, in file order. */
    Map<String, List<String>> mapping();

    RuleConditions conditions();

    /** The names {@code field} becomes, or empty when this transformation leaves it alone. */
    Optional<List<String>> apply(String field);

    /** pySigma {@code field_name_mapping}: an exact field name becomes the target name(s). */
    record FieldNameMapping(String id, Map<String, List<String>> mapping, RuleConditions conditions)
            implements Transformation {
        public FieldNameMapping {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            mapping = copy(mapping);
        }

        @Override
        public Optional<List<String>> apply(String field) {
            return Optional.ofNullable(mapping.get(field));
        }
    }

    /**
     * pySigma {@code field_name_prefix_mapping}: a field starting with a source prefix gets that prefix replaced by
     * each target, the rest kept ({@code Status.} → {@code properties.status.} turns {@code Status.errorCode} into
     * {@code properties.status.errorCode}).
     */
    record FieldNamePrefixMapping(String id, Map<String, List<String>> mapping, RuleConditions conditions)
            implements Transformation {
        public FieldNamePrefixMapping {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conditions);
            mapping = copy(mapping);
        }

        @Override
        public Optional<List<String>> apply(String field) {
            for (Map.Entry<String, List<String>> e : mapping.entrySet()) {
                if (field.startsWith(e.getKey())) {
                    String rest = field.substring(e.getKey().length());
                    List<String> out = new ArrayList<>(e.getValue().size());
                    for (String target : e.getValue()) {
                        out.add(target + rest);
                    }
                    return Optional.of(List.copyOf(out));
                }
            }
            return Optional.empty();
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> mapping) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        mapping.forEach((k, v) -> {
            if (k.isEmpty() || v.isEmpty()) {
                throw new IllegalArgumentException("empty mapping key or target list for '" + k + "'");
            }
            m.put(k, List.copyOf(v));
        });
        return Collections.unmodifiableMap(m);
    }
}
