package io.detc.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded event: a JSON object from a log file, the place it came from and the log source it was routed to.
 *
 * <p>Invariants: {@code json} is an object node and is treated as read-only by everyone (Jackson nodes cannot be
 * frozen cheaply, so this is a contract, not a check); {@code line} is 1-based; {@code time} is empty when the
 * source's time field was missing or unreadable (that was reported as {@link EventProblem.Kind#BAD_TIMESTAMP}) or
 * when the source has no known time field. Several events share a line when the line held a batch envelope (an
 * Event Hub {@code {"records": [...]}} message or an Okta event-hook delivery).
 *
 * @param json the event as exported, keys exactly as written (detc never changes key case)
 * @param file the path as shown to the user
 * @param line the 1-based line number in the (decompressed) file
 * @param source the log source, recognised or forced
 * @param time the event time, in UTC
 */
public record Event(JsonNode json, String file, long line, LogSourceKey source, Optional<Instant> time) {
    public Event {
        Objects.requireNonNull(json);
        Objects.requireNonNull(file);
        Objects.requireNonNull(source);
        Objects.requireNonNull(time);
        if (!json.isObject()) {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line numbers are 1-based: " + line);
        }
    }

    /** {@code file:line}, for messages. */
    public String where() {
        return file + ":" + line;
    }
}
