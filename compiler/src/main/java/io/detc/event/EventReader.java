package io.detc.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the events of a JSON-lines file (plain or gzip, told apart by the gzip magic bytes, never by the file
 * name) to a consumer, one line at a time: memory stays flat whatever the number of events.
 *
 * <p>Each non-blank line must be one JSON object (or a batch envelope of objects, see {@link Event}). Every line
 * that is not — invalid JSON, not an object, longer than the cap — and every object of no known format is an
 * {@link EventProblem} given to the problem consumer, with its file and line; reading goes on. Blank lines are
 * skipped silently. With a forced source every object is routed there without recognition.
 *
 * <p>Thread-safe and stateless apart from the line cap: one reader may serve many files at once. Exceptions thrown
 * by the consumers are not caught.
 */
public final class EventReader {
    /** Far above a real record (Entra audit records with many targets reach tens of KB) yet bounded. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

    /** One shared, immutable reader: Jackson readers are thread-safe and cache their deserializers. */
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // "{} {}" on one line is not one object

    private final int maxLineBytes;

    public EventReader() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public EventReader(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("line cap must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads {@code file}; {@code shownPath} is the path printed in events and problems. A file that cannot be
     * opened is one {@link EventProblem.Kind#IO_ERROR} at line 0.
     */
    public ReadStats read(Path file, String shownPath, Optional<LogSourceKey> forced, Consumer<Event> events,
                          Consumer<EventProblem> problems) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException | SecurityException e) {
            Run run = new Run(shownPath, forced, events, problems);
            run.problem(0, EventProblem.Kind.IO_ERROR, "cannot open file: " + describe(e));
            return run.stats(0);
        }
        try (InputStream closing = in) {
            return read(closing, shownPath, forced, events, problems);
        } catch (IOException e) {
            // Only close() can get here; the events were all delivered already.
            Run run = new Run(shownPath, forced, events, problems);
            run.problem(0, EventProblem.Kind.IO_ERROR, "cannot close file: " + describe(e));
            return run.stats(0);
        }
    }

    /** Reads a stream (stdin, tests); the caller closes it. */
    public ReadStats read(InputStream in, String shownPath, Optional<LogSourceKey> forced, Consumer<Event> events,
                          Consumer<EventProblem> problems) {
        Run run = new Run(shownPath, forced, events, problems);
        LineReader lines = null;
        try {
            lines = new LineReader(decompressed(in), maxLineBytes);
            while (lines.next()) {
                run.line(lines);
            }
        } catch (IOException e) {
            long at = lines == null ? 0 : lines.number() + 1;
            run.problem(at, EventProblem.Kind.IO_ERROR, "read failed, the rest of the file is skipped: "
                    + describe(e));
        }
        return run.stats(lines == null ? 0 : lines.number());
    }

    /** The stream itself, or its gunzipped content when it starts with the gzip magic bytes 1f 8b. */
    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        // GZIPInputStream reads concatenated members too, as produced by appending to a .gz (logrotate, cat).
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** The state of one read: where to deliver, and the counts. */
    private final class Run {
        private final String file;
        private final Optional<LogSourceKey> forced;
        private final Consumer<Event> events;
        private final Consumer<EventProblem> problems;
        private final Map<LogSourceKey, Long> bySource = new LinkedHashMap<>();
        private final Map<EventProblem.Kind, Long> byKind = new EnumMap<>(EventProblem.Kind.class);
        private long blank;
        private long delivered;

        Run(String file, Optional<LogSourceKey> forced, Consumer<Event> events, Consumer<EventProblem> problems) {
            this.file = Objects.requireNonNull(file);
            this.forced = Objects.requireNonNull(forced);
            this.events = Objects.requireNonNull(events);
            this.problems = Objects.requireNonNull(problems);
        }

        void line(LineReader r) {
            long n = r.number();
            if (r.tooLong()) {
                problem(n, EventProblem.Kind.LINE_TOO_LONG, "line is " + r.totalBytes() + " bytes, over the cap of "
                        + maxLineBytes + " bytes; skipped");
                return;
            }
            if (r.isBlank()) {
                blank++;
                return;
            }
            JsonNode node;
            try {
                node = JSON.readTree(r.bytes(), r.offset(), r.length());
            } catch (JsonProcessingException e) {
                problem(n, EventProblem.Kind.MALFORMED_JSON, jsonError(e));
                return;
            } catch (IOException e) {
                problem(n, EventProblem.Kind.MALFORMED_JSON, describe(e));
                return;
            }
            if (!node.isObject()) {
                problem(n, EventProblem.Kind.NOT_AN_OBJECT, "line holds " + kind(node) + ", not a JSON object");
                return;
            }
            JsonNode batch = Formats.batch(node);
            if (batch == null) {
                record(node, n);
                return;
            }
            int i = 0;
            for (JsonNode item : batch) {
                if (item.isObject()) {
                    record(item, n);
                } else {
                    problem(n, EventProblem.Kind.NOT_AN_OBJECT, "record " + i + " of the batch is " + kind(item)
                            + ", not a JSON object");
                }
                i++;
            }
        }

        private void record(JsonNode node, long n) {
            LogSourceKey key;
            if (forced.isPresent()) {
                key = forced.get();
            } else {
                Optional<LogSourceKey> detected = Formats.detect(node);
                if (detected.isEmpty()) {
                    problem(n, EventProblem.Kind.UNKNOWN_FORMAT, Formats.whyUnknown(node));
                    return;
                }
                key = detected.get();
            }
            Optional<Instant> time = time(node, key, n);
            delivered++;
            bySource.merge(key, 1L, Long::sum);
            events.accept(new Event(node, file, n, key, time));
        }

        private Optional<Instant> time(JsonNode node, LogSourceKey key, long n) {
            Optional<String> field = Formats.timeField(key);
            if (field.isEmpty()) {
                return Optional.empty(); // a forced source detc does not know: no time field to expect
            }
            JsonNode value = node.get(field.get());
            if (value == null || !value.isTextual()) {
                problem(n, EventProblem.Kind.BAD_TIMESTAMP, "no '" + field.get() + "' timestamp"
                        + (value == null ? "" : " (found " + kind(value) + ")") + "; the event has no time");
                return Optional.empty();
            }
            Optional<Instant> t = Timestamps.parse(value.textValue());
            if (t.isEmpty()) {
                String text = value.textValue();
                problem(n, EventProblem.Kind.BAD_TIMESTAMP, "'" + field.get() + "' is not a timestamp detc reads: '"
                        + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'; the event has no time");
            }
            return t;
        }

        void problem(long line, EventProblem.Kind kind, String message) {
            byKind.merge(kind, 1L, Long::sum);
            problems.accept(new EventProblem(file, line, kind, message));
        }

        ReadStats stats(long lines) {
            return new ReadStats(file, lines, blank, delivered, bySource, byKind);
        }
    }

    private static String jsonError(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        if (m.length() > 200) {
            m = m.substring(0, 197) + "...";
        }
        JsonLocation at = e.getLocation();
        return "invalid JSON" + (at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr()) + ": "
                + m;
    }

    private static String kind(JsonNode n) {
        switch (n.getNodeType()) {
            case ARRAY:
                return "an array";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            case OBJECT:
                return "an object";
            default:
                return "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
