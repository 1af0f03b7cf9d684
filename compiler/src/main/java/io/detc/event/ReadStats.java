package io.detc.event;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What reading one event file came to: how many lines, how many events per log source, how many problems per kind.
 * Immutable; the maps iterate in first-seen order (sources) and declaration order (kinds).
 *
 * <p>Invariants: every count is at least 0; {@code lines} counts every line read, blank ones included (after an
 * {@link EventProblem.Kind#IO_ERROR}, the lines read before it); {@code events} is the sum of
 * {@code eventsBySource}, and may exceed {@code lines} because a batch line gives several events.
 */
public record ReadStats(String file, long lines, long blankLines, long events,
                        Map<LogSourceKey, Long> eventsBySource, Map<EventProblem.Kind, Long> problems) {
    public ReadStats {
        eventsBySource = Collections.unmodifiableMap(new LinkedHashMap<>(eventsBySource));
        problems = problems.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(problems));
    }

    /** Problems of one kind. */
    public long problems(EventProblem.Kind kind) {
        return problems.getOrDefault(kind, 0L);
    }

    /** Problems of every kind. */
    public long totalProblems() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }
}
