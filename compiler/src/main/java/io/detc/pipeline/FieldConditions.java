package io.detc.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which detection items an item works on: pySigma's {@code field_name_conditions} ({@code include_fields},
 * {@code exclude_fields}), linked by {@code field_name_cond_op} / {@code field_name_condition_linking}, negated by
 * {@code field_name_cond_not} / {@code field_name_condition_negation}. No conditions means every item, keywords
 * included.
 *
 * <p>A keyword has no field: {@code include_fields} never selects it and {@code exclude_fields} always does, as in
 * pySigma (whose field conditions see {@code None}).
 */
public record FieldConditions(List<Field> conditions, RuleConditions.Linking linking, boolean negated) {
    public static final FieldConditions ALWAYS = new FieldConditions(List.of(), RuleConditions.Linking.ALL, false);

    public FieldConditions {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(linking);
    }

    /** Whether there are no conditions (every item is selected). */
    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Whether an item on {@code field} is selected. */
    public boolean matches(String field) {
        return test(Optional.of(field));
    }

    /** Whether a field-less keyword item is selected. */
    public boolean matchesKeyword() {
        return test(Optional.empty());
    }

    private boolean test(Optional<String> field) {
        boolean result = conditions.isEmpty() || (linking == RuleConditions.Linking.ALL
                ? conditions.stream().allMatch(c -> c.matches(field))
                : conditions.stream().anyMatch(c -> c.matches(field)));
        return negated != result;
    }

    /**
     * One {@code include_fields} / {@code exclude_fields} condition. {@code mode: plain} compares names exactly;
     * {@code mode: re} matches each pattern at the start of the name (Python's {@code re.match}), as pySigma does.
     */
    public record Field(boolean include, List<String> fields, boolean regex) {
        /** Compiled patterns, shared: records cannot hold derived state, and recompiling per leaf is wasteful. */
        private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

        /** Throws {@link java.util.regex.PatternSyntaxException} for an invalid pattern in {@code re} mode. */
        public Field {
            fields = List.copyOf(fields);
            if (regex) {
                fields.forEach(Field::pattern);
            }
        }

        public boolean matches(Optional<String> field) {
            boolean in = field.isPresent() && fields.stream().anyMatch(f -> regex
                    ? pattern(f).matcher(field.get()).lookingAt()
                    : f.equals(field.get()));
            return include == in;
        }

        private static Pattern pattern(String python) {
            return PATTERNS.computeIfAbsent(python, Regexes::compile);
        }
    }
}
