package io.detc.pipeline;

import io.detc.event.LogSourceKey;
import io.detc.rule.LogSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a transformation applies: pySigma's {@code rule_conditions}, linked by {@code all} (pySigma's default,
 * {@code rule_cond_op: and}) or {@code any} ({@code or}), optionally negated. No conditions means "always".
 *
 * <p>Two contexts. {@link #matches(LogSource, Set, Map)} is pySigma's: the rule's (current) logsource, the ids of
 * items applied so far and the state. {@link #matches(LogSourceKey)} serves the evaluator's {@link FieldResolver},
 * which tests the log source of the event being matched (which the rule's logsource already matched), so a rule
 * that names only {@code product: azure} still gets the sign-in mapping on sign-in events; there no item has
 * applied and the state is empty.
 */
public record RuleConditions(List<Condition> conditions, Linking linking, boolean negated) {
    public static final RuleConditions ALWAYS = new RuleConditions(List.of(), Linking.ALL, false);

    /** How a list of conditions combines. */
    public enum Linking { ALL, ANY }

    public RuleConditions {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(linking);
    }

    /** Against an event's log source (the evaluator's field resolution). */
    public boolean matches(LogSourceKey source) {
        return combine(c -> c instanceof Logsource l ? l.matches(source) : c.matches(LogSource.EMPTY, Set.of(),
                Map.of()));
    }

    /** Against a rule's logsource, before any item applied and with an empty state. */
    public boolean matches(LogSource ruleLogsource) {
        return matches(ruleLogsource, Set.of(), Map.of());
    }

    /** Against a rule's current logsource, the ids of items applied so far, and the state set so far. */
    public boolean matches(LogSource ruleLogsource, Set<String> applied, Map<String, String> state) {
        return combine(c -> c.matches(ruleLogsource, applied, state));
    }

    private boolean combine(java.util.function.Predicate<Condition> test) {
        boolean result = conditions.isEmpty() || (linking == Linking.ALL
                ? conditions.stream().allMatch(test)
                : conditions.stream().anyMatch(test));
        return negated != result;
    }

    /** One rule condition. */
    public sealed interface Condition permits Logsource, ProcessingItemApplied, ProcessingState {
        boolean matches(LogSource ruleLogsource, Set<String> applied, Map<String, String> state);
    }

    /**
     * pySigma {@code type: logsource} ({@code category}, {@code product}, {@code service}): every part it names must
     * equal the rule's, compared case-insensitively; parts it leaves out match anything, so a condition naming only
     * a product matches every service of that product. Event sources ({@link LogSourceKey}) have no category, so
     * there a condition naming one never matches.
     */
    public record Logsource(Optional<String> product, Optional<String> service, Optional<String> category)
            implements Condition {
        public Logsource {
            Objects.requireNonNull(product);
            Objects.requireNonNull(service);
            Objects.requireNonNull(category);
        }

        public boolean matches(LogSourceKey source) {
            return category.isEmpty()
                    && product.map(p -> p.equalsIgnoreCase(source.product())).orElse(true)
                    && service.map(s -> s.equalsIgnoreCase(source.service())).orElse(true);
        }

        @Override
        public boolean matches(LogSource rule, Set<String> applied, Map<String, String> state) {
            return same(category, rule.category()) && same(product, rule.product()) && same(service, rule.service());
        }

        private static boolean same(Optional<String> wanted, Optional<String> actual) {
            return wanted.isEmpty() || actual.map(a -> a.equalsIgnoreCase(wanted.get())).orElse(false);
        }
    }

    /** pySigma {@code type: processing_item_applied} ({@code processing_item_id}): an earlier item applied. */
    public record ProcessingItemApplied(String itemId) implements Condition {
        public ProcessingItemApplied {
            Objects.requireNonNull(itemId);
        }

        @Override
        public boolean matches(LogSource rule, Set<String> applied, Map<String, String> state) {
            return applied.contains(itemId);
        }
    }

    /**
     * pySigma {@code type: processing_state} ({@code key}, {@code val}, {@code op: eq|ne}): compares the state
     * value set by {@code set_state} (as text); a missing key equals nothing.
     */
    public record ProcessingState(String key, String value, boolean equal) implements Condition {
        public ProcessingState {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
        }

        @Override
        public boolean matches(LogSource rule, Set<String> applied, Map<String, String> state) {
            return equal == value.equals(state.get(key));
        }
    }
}
