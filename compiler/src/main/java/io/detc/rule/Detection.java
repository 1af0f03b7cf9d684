package io.detc.rule;

import io.detc.condition.Condition;
import io.detc.source.Span;
import java.util.List;
import java.util.Map;

/**
 * The {@code detection} section: search identifiers in file order and the condition(s). A list of conditions
 * means their OR. {@code conditions} is empty when the condition was missing or did not parse (already reported).
 */
public record Detection(Map<String, SearchIdentifier> identifiers, List<Condition> conditions, Span span) {
    public Detection {
        identifiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(identifiers));
        conditions = List.copyOf(conditions);
    }
}
