package io.detc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detc eval} and {@code detc test}: alert format, problem reporting, exit codes, JUnit XML. */
class EvalCommandTest {
    @TempDir
    Path tmp;

    private static String data(String rel) {
        return TestData.dir().resolve(rel).toString();
    }

    private static void approve(String name, String text) {
        Approvals.verify(text.replaceAll("in \\d+\\.\\d\\d s", "in N s").replaceAll("\\(\\d+ ms\\)", "(N ms)"),
                new Options().forFile().withNamer(GoldenNamer.of("golden/cli", name)).forFile().withExtension(".txt"));
    }

    @Test
    void alertsForACorrelationAndProblemsForBadLines() {
        CliRun run = CliRun.of("eval", "--events", data("cli/mixed.jsonl"), "--events",
                data("events/correlation_event_count.inside.jsonl"), data("rules/correlation_event_count.yml"),
                data("rules/modifier_equals.yml"));
        assertEquals(0, run.exit(), run.transcript());
        approve("eval_mixed", run.transcript());
    }

    @Test
    void strictMakesMalformedLinesFatal() {
        CliRun run = CliRun.of("eval", "--strict", "--events", data("cli/mixed.jsonl"), data("rules/modifier_equals.yml"));
        assertEquals(1, run.exit());
    }

    @Test
    void gzipAndForcedSource() throws IOException {
        Path gz = tmp.resolve("events.log");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(TestData.dir().resolve("events/correlation_event_count.burst.jsonl")));
        }
        CliRun run = CliRun.of("eval", "--source", "okta/okta", "--events", gz.toString(),
                data("rules/modifier_equals.yml"));
        assertEquals(0, run.exit(), run.transcript());
        assertEquals(12, run.out().lines().count(), "every failed sign-in of the burst is an alert");
    }

    @Test
    void databaseEnginesPrintTheSameAlerts() {
        String[] rules = {data("rules/modifier_equals.yml"), data("rules/modifier_contains.yml"),
            data("rules/modifier_cidr.yml")};
        String events = data("events/correlation_event_count.burst.jsonl");
        CliRun reference = CliRun.of(concat(new String[] {"eval", "--events", events}, rules));
        assertEquals(0, reference.exit(), reference.transcript());
        for (String engine : new String[] {"duckdb", "sqlite"}) {
            CliRun run = CliRun.of(concat(new String[] {"eval", "--engine", engine, "--events", events}, rules));
            assertEquals(0, run.exit(), run.transcript());
            assertEquals(reference.out(), run.out(), engine);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, CliRun.of("eval", data("rules")).exit());
        assertEquals(2, CliRun.of("eval", "--events", "/no/such.jsonl", data("rules")).exit());
        assertEquals(2, CliRun.of("eval", "--source", "okta", "--events", data("cli/mixed.jsonl"), data("rules")).exit());
        assertEquals(2, CliRun.of("eval", "--engine", "splunk", "--events", data("cli/mixed.jsonl"), data("rules")).exit());
    }

    @Test
    void testCommandRunsDeclaredCasesAndWritesJunit() throws IOException {
        Path junit = tmp.resolve("junit.xml");
        CliRun run = CliRun.of("test", "--junit", junit.toString(), data("rules/correlation_chain.yml"));
        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("3 passed, 0 failed"), run.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"3\" failures=\"0\""), xml);
        approve("test_chain", run.transcript());
    }

    @Test
    void invalidTestFileIsReported() {
        CliRun run = CliRun.of("test", data("cli/broken.yml"));
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("error[E701]"), run.out());
        approve("test_broken", run.transcript());
    }
}
