package io.detc.opensearch;

import static io.detc.opensearch.OpenSearchEngineTest.indices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.engine.OpenSearchEngine;
import io.detc.run.EventInput;
import io.detc.testing.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code detc eval --engine opensearch} command (picocli) against the embedded node: the evaluator's lines,
 * the approved transcript, every event loaded or reported, unsupported rules reported, usage errors and unreachable
 * or refusing clusters as one line with their exit codes, and no run leaving an index behind.
 */
class EvalCommandOnOpenSearchTest {
    @TempDir
    Path tmp;

    private static String url() {
        return OpenSearchNode.get().base();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run detc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = io.detc.cli.Detc.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String data(String rel) {
        return TestData.dir().resolve(rel).toString();
    }

    @Test
    void detcEvalOnOpenSearchPrintsTheEvaluatorsLines() {
        String[] rest = {"--events", data("events/correlation_event_count.burst.jsonl"), "--events",
            data("cli/mixed.jsonl"), data("rules/modifier_equals.yml"), data("rules/modifier_contains.yml")};
        Run ev = detc(concat(new String[] {"eval"}, rest));
        Run os = detc(concat(new String[] {"eval", "--engine", "opensearch", "--url", url()}, rest));
        assertEquals(0, ev.exit(), ev.err());
        assertEquals(0, os.exit(), os.err());
        assertFalse(ev.out().isEmpty());
        assertEquals(ev.out(), os.out());
        assertTrue(os.err().contains(" alerts, ") && os.err().contains(" on opensearch in "), os.err());
        assertEquals(List.of(), indices("detc-eval-*"));
    }

    /**
     * The transcript of {@code detc eval} on the evaluator and on OpenSearch for correlations of several types
     * (approved in testdata/golden/opensearch/eval_engine.approved.txt): the fixed windows' alerts side by side with
     * the evaluator's, and the unsupported silence reported.
     */
    @Test
    void evalTranscriptIsApproved() {
        List<String> rest = new ArrayList<>();
        for (String e : List.of("correlation_value_count.three_ips", "correlation_value_count.two_ips",
                "correlation_temporal.both", "correlation_temporal.apart", "correlation_value_avg.large",
                "correlation_value_avg.small", "correlation_silence.gap")) {
            rest.add("--events");
            rest.add(data("events/" + e + ".jsonl"));
        }
        for (String r : List.of("correlation_value_count", "correlation_temporal", "correlation_value_avg",
                "correlation_silence", "modifier_time", "modifier_fieldref")) {
            rest.add(data("rules/" + r + ".yml"));
        }
        Run ev = detc(concat(new String[] {"eval"}, rest.toArray(new String[0])));
        Run os = detc(concat(new String[] {"eval", "--engine", "opensearch", "--url", url()},
                rest.toArray(new String[0])));
        String text = "$ detc eval ...\nexit: " + ev.exit() + "\n--- stdout\n" + ev.out() + "--- stderr\n" + ev.err()
                + "\n$ detc eval --engine opensearch --url URL ...\nexit: " + os.exit() + "\n--- stdout\n" + os.out()
                + "--- stderr\n" + os.err();
        text = TestData.portable(text).replaceAll("in \\d+\\.\\d\\d s", "in N s").replace(url(), "URL");
        org.approvaltests.Approvals.verify(text, new org.approvaltests.core.Options().forFile()
                .withNamer(io.detc.testing.GoldenNamer.of("golden/opensearch", "eval_engine")).forFile()
                .withExtension(".txt"));
    }

    /**
     * A field that is a string in one event and an object in the next: the second goes to an overflow index and is
     * still matched; an array mixing a string and an object fits no index: reported with OpenSearch's reason, and
     * the run exits 1.
     */
    @Test
    void everyEventIsLoadedOrReported() throws IOException {
        Path events = tmp.resolve("conflicts.jsonl");
        Files.writeString(events, """
                {"eventType":"user.session.start","outcome":{"result":"FAILURE"},"client":"a string"}
                {"eventType":"user.session.start","outcome":{"result":"FAILURE"},"client":{"now":"an object"}}
                {"eventType":"user.session.start","outcome":{"result":"FAILURE"},"mixed":["a",{"b":1}]}
                """);
        String[] rest = {"--source", "okta/okta", "--events", events.toString(), data("rules/modifier_equals.yml")};
        Run ev = detc(concat(new String[] {"eval"}, rest));
        Run os = detc(concat(new String[] {"eval", "--engine", "opensearch", "--url", url()}, rest));
        assertEquals(3, ev.out().lines().count(), ev.err());
        List<String> evLines = ev.out().lines().toList();
        assertEquals(evLines.subList(0, 2), os.out().lines().toList(), os.err());
        assertEquals(1, os.exit(), os.err());
        assertTrue(os.err().contains("detc eval: event not loaded into opensearch: " + events + ":3: OpenSearch"
                + " cannot index it ("), os.err());
        assertEquals(List.of(), indices("detc-eval-*"));
    }

    @Test
    void unsupportedRulesAreReportedNotDropped() {
        Run os = detc("eval", "--engine", "opensearch", "--url", url(), "--events",
                data("events/correlation_event_count.burst.jsonl"), data("rules/modifier_equals.yml"),
                data("rules/correlation_silence.yml"));
        assertEquals(1, os.exit(), os.err());
        assertTrue(os.err().contains("detc eval: rule not run on opensearch: "), os.err());
    }

    @Test
    void withoutUrlItIsAUsageError() {
        Run r = detc("eval", "--engine", "opensearch", "--events", data("cli/mixed.jsonl"),
                data("rules/modifier_equals.yml"));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("--engine opensearch needs --url"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        Run bad = detc("eval", "--engine", "opensearch", "--url", "localhost:9200", "--events",
                data("cli/mixed.jsonl"), data("rules/modifier_equals.yml"));
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().startsWith("bad OpenSearch URL 'localhost:9200'"), bad.err());
    }

    @Test
    void anUnreachableClusterIsOneLine() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();   // free now: nothing listens there after the close
        }
        Run r = detc("eval", "--engine", "opensearch", "--url", "http://127.0.0.1:" + port, "--events",
                data("cli/mixed.jsonl"), data("rules/modifier_equals.yml"));
        assertEquals(4, r.exit(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("detc eval: opensearch: cannot reach OpenSearch at http://127.0.0.1:" + port),
                r.err());
        Run notOs = detc("eval", "--engine", "opensearch", "--url", url() + "/no/such/path", "--events",
                data("cli/mixed.jsonl"), data("rules/modifier_equals.yml"));
        assertEquals(4, notOs.exit(), notOs.err());
        assertEquals(1, notOs.err().strip().split("\n").length, notOs.err());
        assertTrue(notOs.err().contains("HTTP 4"), notOs.err());
    }

    /** A regular expression whose automaton is too large for Lucene: OpenSearch refuses the query (HTTP 400). */
    private Path tooComplexRule() throws IOException {
        Path rule = tmp.resolve("too_complex.yml");
        Files.writeString(rule, """
                title: Too complex for Lucene
                id: 7d2f0c1a-5b3e-4c8d-9a6f-0000000000ff
                logsource: {product: okta, service: okta}
                detection:
                    selection:
                        eventType|re: 'a[ab]{24}'
                    condition: selection
                level: low
                """);
        return rule;
    }

    @Test
    void aRefusedQueryIsOneLineAndTheIndicesAreDeleted() throws IOException {
        Path rule = tooComplexRule();
        Compilation all = Compiler.standard().compile(List.of(rule));
        assertFalse(all.hasErrors());
        List<EventInput> inputs = List.of(new EventInput(TestData.dir().resolve(
                "events/correlation_event_count.burst.jsonl"), "burst.jsonl", Optional.empty()));
        try (OpenSearchEngine e = OpenSearchEngine.connect(url())) {
            io.detc.engine.OpenSearchException x = assertThrows(io.detc.engine.OpenSearchException.class,
                    () -> e.execute(all, inputs));
            assertTrue(x.getMessage().contains("HTTP 400"), x.getMessage());
            assertTrue(e.prefix().startsWith("detc-eval-"));
            assertEquals(List.of(), e.leftOver());
        }
        assertEquals(List.of(), indices("detc-eval-*"));
        Run r = detc("eval", "--engine", "opensearch", "--url", url(), "--events",
                data("events/correlation_event_count.burst.jsonl"), rule.toString());
        assertEquals(4, r.exit(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("detc eval: opensearch: rule 7d2f0c1a-5b3e-4c8d-9a6f-0000000000ff: OpenSearch at"
                + " http://127.0.0.1:"), r.err());
        assertEquals(List.of(), indices("detc-eval-*"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
