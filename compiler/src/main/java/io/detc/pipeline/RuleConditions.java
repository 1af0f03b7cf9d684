package io.detc.pipeline;

import io.detc.event.LogSourceKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a transformation applies: pySigma's {@code rule_conditions} restricted to {@code logsource} conditions,
 * linked by {@code all} (pySigma's default, {@code rule_cond_op: and}) or {@code any} ({@code or}), optionally
 * negated. No conditions means "always".
 *
 * <p>detc evaluates the conditions against the log source of the event being matched (which the rule's
 * logsource already matched), not the rule's own logsource as pySigma does; so a rule that names only
 * {@code product: azure} still gets the sign-in mapping on sign-in events.
 */
public record RuleConditions(List<Logsource> conditions, Linking linking, boolean negated) {
    public static final RuleConditions ALWAYS = new RuleConditions(List.of(), Linking.ALL, false);

    /** How a list of conditions combines. */
    public enum Linking { ALL, ANY }

    public RuleConditions {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(linking);
    }

    public boolean matches(LogSourceKey source) {
        boolean result = conditions.isEmpty() || (linking == Linking.ALL
                ? conditions.stream().allMatch(c -> c.matches(source))
                : conditions.stream().anyMatch(c -> c.matches(source)));
        return negated != result;
    }

    /**
     * A pySigma {@code logsource} condition: every part it names must equal the source's (case-insensitively).
     * Sources have no category, so a condition naming one never matches.
     */
    public record Logsource(Optional<String> product, Optional<String> service, Optional<String> category) {
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
    }
}
