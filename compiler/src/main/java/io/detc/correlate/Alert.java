package io.detc.correlate;

import io.detc.rule.Document;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A firing of a rule or correlation: the events behind it, and for correlations the group and the time span of
 * those events. This is what {@code detc eval} prints, one JSON object per alert.
 */
public record Alert(Document source, List<EventRef> events, Optional<Map<String, String>> group,
                    Optional<Window> window) {
    public Alert {
        events = List.copyOf(events);
    }

    /** The time span of a correlation alert: its first and last event (for silence, the two ends of the gap). */
    public record Window(Instant start, Instant end) {
    }
}
