package io.detc.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The health of one log source in a sample: the blind spots the AN0496 guidance asks teams to document.
 *
 * @param source the detc log source
 * @param events events seen
 * @param first the earliest event time, or null
 * @param last the latest event time, or null
 * @param gaps silences longer than the threshold, in time order
 * @param outOfOrder events whose time is earlier than an event before them in the file
 * @param duplicates events whose record id (Okta {@code uuid}, Entra record id) was seen before
 * @param idField the field used to find duplicates
 * @param delayMedian median delay between event time and ingestion time, or null when the export has no pair
 * @param delayMax the largest such delay, or null
 */
public record SourceHealth(String source, long events, Instant first, Instant last, List<Gap> gaps, long outOfOrder,
                           long duplicates, String idField, Duration delayMedian, Duration delayMax) {
    public SourceHealth {
        gaps = List.copyOf(gaps);
    }

    /** No events between {@code from} and {@code to}. */
    public record Gap(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }
}
