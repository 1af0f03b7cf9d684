package io.detc.event;

import java.util.Objects;

/**
 * A problem with one line (or one record of a line) of an event file. Event files are data, not source: a
 * problem names the file and line but has no column span, and reading always goes on after it (except after
 * {@link Kind#IO_ERROR}, which ends that file).
 *
 * <p>Invariants: {@code line} is 1-based, or 0 for a problem with the whole file (it could not be opened).
 */
public record EventProblem(String file, long line, Kind kind, String message) {
    /** What went wrong. */
    public enum Kind {
        /** The line is not valid JSON (or not valid UTF-8, or has text after the JSON value). */
        MALFORMED_JSON,
        /** The line is valid JSON but not an object (an array, a string, a number, null). */
        NOT_AN_OBJECT,
        /** The line is longer than the reader's cap; it was skipped without being held in memory. */
        LINE_TOO_LONG,
        /** The object matches no known export format, so no rule would ever see it. */
        UNKNOWN_FORMAT,
        /** The event's time field is missing or not a timestamp; the event is still delivered, without a time. */
        BAD_TIMESTAMP,
        /** The file could not be opened or read on; the rest of the file is lost. */
        IO_ERROR
    }

    public EventProblem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
        if (line < 0) {
            throw new IllegalArgumentException("negative line " + line);
        }
    }

    /** {@code file:line: kind: message}, e.g. {@code logs/okta.jsonl:7: malformed-json: ...}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
                + message;
    }
}
