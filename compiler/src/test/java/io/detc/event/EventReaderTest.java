package io.detc.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventReaderTest {
    @TempDir
    Path tmp;

    private static String fixtureLine(String stem) throws IOException {
        return Files.readAllLines(TestData.dir().resolve("events/formats/" + stem + ".jsonl")).get(0);
    }

    /** A small Okta event with a given time, for bulk tests. */
    private static String okta(long i, String published) {
        return "{\"uuid\":\"u-" + i + "\",\"published\":\"" + published + "\",\"eventType\":\"user.session.start\","
                + "\"actor\":{\"alternateId\":\"user" + i + "@example.com\"},\"outcome\":{\"result\":\"SUCCESS\"}}";
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndReadingGoesOn() throws IOException {
        String okta = fixtureLine("okta_okta");
        String signin = fixtureLine("azure_signinlogs");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (String line : List.of(okta, "", "{\"broken\": ", "[1,2]", "\"just a string\"", "{\"a\":1} {\"b\":2}",
                " \t ", signin, "{\"category\":\"ProvisioningLogs\"}", okta(10, "yesterday"))) {
            file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        file.write(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
        Path p = tmp.resolve("mixed.jsonl");
        Files.write(p, file.toByteArray());

        Collected c = read(p, Optional.empty(), new EventReader());

        assertEquals(List.of("3 MALFORMED_JSON", "4 NOT_AN_OBJECT", "5 NOT_AN_OBJECT", "6 MALFORMED_JSON",
                "9 UNKNOWN_FORMAT", "10 BAD_TIMESTAMP", "11 MALFORMED_JSON"), c.problemLines());
        assertEquals(List.of("1 okta/okta", "8 azure/signinlogs", "10 okta/okta"), c.eventLines());
        assertEquals(11, c.stats.lines());
        assertEquals(2, c.stats.blankLines());
        assertEquals(3, c.stats.events());
        assertEquals(7, c.stats.totalProblems());
        assertEquals(1, c.stats.problems(EventProblem.Kind.UNKNOWN_FORMAT));
        assertEquals(Optional.empty(), c.events.get(2).time(), "the event is kept, without a time");
        assertTrue(c.problems.get(0).message().startsWith("invalid JSON at column"), c.problems.get(0).message());
        assertTrue(c.problems.get(0).toString().startsWith("mixed.jsonl:3: malformed-json: "));
        assertEquals("line holds an array, not a JSON object", c.problems.get(1).message());
    }

    @Test
    void byteOrderMarkCrLfAndAMissingFinalNewlineAreFine() throws IOException {
        Path p = tmp.resolve("crlf.jsonl");
        Files.writeString(p, "\uFEFF" + okta(1, "2024-05-14T08:21:33.512Z") + "\r\n\r\n"
                + fixtureLine("azure_auditlogs"), StandardCharsets.UTF_8);
        Collected c = read(p, Optional.empty(), new EventReader());
        assertEquals(List.of(), c.problems);
        assertEquals(List.of("1 okta/okta", "3 azure/auditlogs"), c.eventLines());
        assertEquals(Instant.parse("2024-05-14T08:21:33.512Z"), c.events.get(0).time().orElseThrow());
    }

    @Test
    void aLineOverTheCapIsSkippedAndCounted() throws IOException {
        Path p = tmp.resolve("long.jsonl");
        String huge = "{\"pad\":\"" + "x".repeat(5000) + "\"}";
        Files.writeString(p, okta(1, "2024-01-01T00:00:00Z") + "\n" + huge + "\n" + okta(3, "2024-01-01T00:00:00Z")
                + "\n");
        Collected c = read(p, Optional.empty(), new EventReader(1024));
        assertEquals(List.of("2 LINE_TOO_LONG"), c.problemLines());
        assertEquals("line is " + huge.length() + " bytes, over the cap of 1024 bytes; skipped",
                c.problems.get(0).message());
        assertEquals(List.of("1 okta/okta", "3 okta/okta"), c.eventLines());
    }

    @Test
    void unknownFormatsAreCountedNotDropped() throws IOException {
        Path p = tmp.resolve("unknown.jsonl");
        Files.writeString(p, "{\"foo\":1}\n{\"Type\":\"SigninLogs\",\"TimeGenerated\":\"x\"}\n"
                + okta(3, "2024-01-01T00:00:00Z") + "\n{\"category\":\"ADFSSignInLogs\"}\n");
        Collected c = read(p, Optional.empty(), new EventReader());
        assertEquals(3, c.stats.problems(EventProblem.Kind.UNKNOWN_FORMAT));
        assertEquals(List.of("1 UNKNOWN_FORMAT", "2 UNKNOWN_FORMAT", "4 UNKNOWN_FORMAT"), c.problemLines());
        assertEquals(1, c.stats.events());
        assertEquals(java.util.Map.of(Formats.OKTA, 1L), c.stats.eventsBySource());
    }

    @Test
    void aForcedSourceSkipsRecognition() throws IOException {
        // Panther-style fixture: lower-cased keys, so no format matches it on its own.
        Path p = tmp.resolve("panther.jsonl");
        Files.writeString(p, "{\"eventtype\":\"user.session.start\",\"published\":\"2022-12-13 15:22:58.759\"}\n");
        assertEquals(List.of("1 UNKNOWN_FORMAT"), read(p, Optional.empty(), new EventReader()).problemLines());

        Collected forced = read(p, Optional.of(Formats.OKTA), new EventReader());
        assertEquals(List.of(), forced.problems);
        assertEquals(List.of("1 okta/okta"), forced.eventLines());
        assertEquals(Instant.parse("2022-12-13T15:22:58.759Z"), forced.events.get(0).time().orElseThrow());

        Collected custom = read(p, LogSourceKey.parse("acme/app"), new EventReader());
        assertEquals(List.of(), custom.problems, "no time field is known for acme/app, so none is expected");
        assertEquals(Optional.empty(), custom.events.get(0).time());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : TestData.files("events/formats", ".jsonl")) {
            lines.addAll(Files.readAllLines(f));
        }
        byte[] plain = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Path gz = tmp.resolve("events.jsonl"); // gzip content, misleading name
        Path notGz = tmp.resolve("events.jsonl.gz"); // plain content, misleading name
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        int half = plain.length / 2;
        while (plain[half] != '\n') {
            half++;
        }
        two.write(gzip(Arrays.copyOfRange(plain, 0, half + 1))); // two gzip members, as `cat a.gz b.gz` makes
        two.write(gzip(Arrays.copyOfRange(plain, half + 1, plain.length)));
        Files.write(gz, two.toByteArray());
        Files.write(notGz, plain);

        Collected a = read(gz, Optional.empty(), new EventReader());
        Collected b = read(notGz, Optional.empty(), new EventReader());
        assertEquals(List.of(), a.problems);
        assertEquals(lines.size(), a.events.size());
        assertEquals(b.eventLines(), a.eventLines());
    }

    @Test
    void aTruncatedGzipEndsTheFileWithAnIoError() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            text.append(okta(i, "2024-01-01T00:00:00Z")).append('\n');
        }
        byte[] gz = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        Path p = tmp.resolve("cut.jsonl.gz");
        Files.write(p, Arrays.copyOf(gz, gz.length / 2));
        Collected c = read(p, Optional.empty(), new EventReader());
        assertEquals(1, c.stats.problems(EventProblem.Kind.IO_ERROR));
        EventProblem last = c.problems.get(c.problems.size() - 1);
        assertEquals(EventProblem.Kind.IO_ERROR, last.kind());
        assertTrue(c.events.size() < 2000, "the rest of the file is lost");
    }

    @Test
    void aMissingFileIsOneIoErrorAtLineZero() {
        Collected c = read(tmp.resolve("nope.jsonl"), Optional.empty(), new EventReader());
        assertEquals(List.of("0 IO_ERROR"), c.problemLines());
        assertEquals(0, c.stats.lines());
    }

    @Test
    void batchEnvelopesAreUnwrapped() throws IOException {
        String signin = fixtureLine("azure_signinlogs");
        String audit = fixtureLine("azure_auditlogs");
        Path p = tmp.resolve("batches.jsonl");
        Files.writeString(p, "{\"records\":[" + signin + "," + audit + ",5]}\n"
                + "{\"eventType\":\"com.okta.event_hook\",\"eventTypeVersion\":\"1.0\",\"data\":{\"events\":["
                + okta(1, "2024-01-01T00:00:00Z") + "]}}\n");
        Collected c = read(p, Optional.empty(), new EventReader());
        assertEquals(List.of("1 azure/signinlogs", "1 azure/auditlogs", "2 okta/okta"), c.eventLines());
        assertEquals(List.of("1 NOT_AN_OBJECT"), c.problemLines());
        assertEquals("record 2 of the batch is a number, not a JSON object", c.problems.get(0).message());
    }

    @Test
    void readingStreams() throws IOException {
        int n = 200_000;
        // 1. From a stream generated on the fly: the first event must arrive long before the stream ends.
        Generated source = new Generated(n);
        long[] servedAtFirstEvent = {-1};
        long[] count = {0};
        ReadStats stats = new EventReader().read(source, "generated", Optional.empty(), e -> {
            if (count[0]++ == 0) {
                servedAtFirstEvent[0] = source.served;
            }
        }, p -> {
            throw new AssertionError(p.toString());
        });
        assertEquals(n, stats.events());
        assertEquals(n, count[0]);
        assertTrue(servedAtFirstEvent[0] < source.total / 100, "read " + servedAtFirstEvent[0] + " of "
                + source.total + " bytes before the first event");

        // 2. From a generated gzip file, written and read line by line.
        Path big = tmp.resolve("big.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(big))) {
            for (int i = 1; i <= n; i++) {
                out.write((okta(i, "2024-01-01T00:00:00.123Z") + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        long[] lastLine = {0};
        ReadStats s2 = new EventReader().read(big, "big", Optional.empty(), e -> {
            assertEquals(lastLine[0] + 1, e.line());
            lastLine[0] = e.line();
        }, p -> {
            throw new AssertionError(p.toString());
        });
        assertEquals(n, s2.events());
        assertEquals(n, lastLine[0]);
    }

    /** An endless-looking stream of Okta lines that exist only while being read. */
    private static final class Generated extends InputStream {
        private final byte[] line = (okta(0, "2024-01-01T00:00:00Z") + "\n").getBytes(StandardCharsets.UTF_8);
        private final long total;
        private long served;

        Generated(int lines) {
            total = (long) lines * line.length;
        }

        @Override
        public int read() {
            return served < total ? line[(int) (served++ % line.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - served);
            for (int i = 0; i < n; i++) {
                b[off + i] = line[(int) (served++ % line.length)];
            }
            return n;
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static Collected read(Path p, Optional<LogSourceKey> forced, EventReader reader) {
        Collected c = new Collected();
        c.stats = reader.read(p, p.getFileName().toString(), forced, c.events::add, c.problems::add);
        return c;
    }

    private static final class Collected {
        final List<Event> events = new ArrayList<>();
        final List<EventProblem> problems = new ArrayList<>();
        ReadStats stats;

        List<String> eventLines() {
            return events.stream().map(e -> e.line() + " " + e.source()).toList();
        }

        List<String> problemLines() {
            return problems.stream().map(p -> p.line() + " " + p.kind()).toList();
        }
    }

    @Test
    void readsFromAStreamToo() {
        byte[] bytes = (okta(1, "2024-01-01T00:00:00Z") + "\n").getBytes(StandardCharsets.UTF_8);
        List<Event> events = new ArrayList<>();
        new EventReader().read(new ByteArrayInputStream(bytes), "-", Optional.empty(), events::add, p -> { });
        assertEquals("-:1", events.get(0).where());
    }
}
