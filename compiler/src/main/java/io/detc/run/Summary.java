package io.detc.run;

import io.detc.event.EventProblem;
import io.detc.event.LogSourceKey;
import java.util.Map;

/**
 * What a run saw: events per log source, problems per kind, alerts, matches that could not take part in a
 * correlation, and rules that no event could reach. Nothing is dropped without being counted here.
 */
public record Summary(long events, Map<LogSourceKey, Long> bySource, Map<EventProblem.Kind, Long> problems,
                      long alerts, long correlationSkipped, long elapsedNanos) {
    public Summary {
        java.util.Map<LogSourceKey, Long> sorted = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        sorted.putAll(bySource);
        bySource = java.util.Collections.unmodifiableMap(sorted);
        problems = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(problems.isEmpty()
                ? new java.util.EnumMap<EventProblem.Kind, Long>(EventProblem.Kind.class) : problems));
    }

    public long problemCount() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }
}
