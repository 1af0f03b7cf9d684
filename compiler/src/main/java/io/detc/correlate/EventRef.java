package io.detc.correlate;

import java.time.Instant;

/**
 * Where an event came from (the path as given and its 1-based line) and its time. This is all an alert keeps of
 * an event, so correlation state stays small.
 */
/** {@code time} is null only for a single-event alert on an event without a time. */
public record EventRef(String file, long line, Instant time) {
}
