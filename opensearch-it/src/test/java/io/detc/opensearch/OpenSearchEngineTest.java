package io.detc.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.backend.opensearch.OpenSearchBackend;
import io.detc.engine.EngineResult;
import io.detc.engine.EvaluatorEngine;
import io.detc.engine.OpenSearchEngine;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.run.EventInput;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detc eval --engine opensearch} against the embedded node: over the events of every case of testdata/rules
 * and of the AN0496 pack, the engine's alert lines must be the evaluator's, line for line and in the same order,
 * for every rule and correlation the backend calls exact; rules it declares approximated may differ only as pinned
 * in {@link #KNOWN_TESTDATA} and {@link #KNOWN_PACK} (what differs, per rule, as missing and extra alert lines);
 * rules it declares unsupported must be reported by the engine, never run. The real command is
 * {@link EvalCommandOnOpenSearchTest}.
 */
class OpenSearchEngineTest {
    /**
     * Approximated documents whose alerts differ from the evaluator's on the testdata fixtures, by key. The
     * correlations: W402 fixed windows of the timespan aligned at the epoch (date_histogram) instead of the
     * evaluator's sliding windows, so a firing is a whole fixed window's events, and bursts split or joined
     * differently. Field exists: W402 a field holding null is present for detc, absent for OpenSearch.
     */
    static final Map<String, String> KNOWN_TESTDATA = Map.ofEntries(
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000009",
                    "missing [modifier_exists.tests.case2.jsonl:1] extra []"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000101",
                    "missing [ana.silva@northwind-example.com @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 5 events] "
                    + "extra [ana.silva@northwind-example.com @ 2026-05-04T09:00:00.123Z..2026-05-04T09:07:00.123Z: 26 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000121",
                    "missing [00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:10:00.123Z: 4 events] "
                    + "extra [00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:25:00.123Z: 6 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:31:00.123Z..2026-05-04T09:40:00.123Z: 3 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000161",
                    "missing [1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:03:00.123Z: 12 events] "
                    + "extra [1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:50:00.123Z: 23 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000171",
                    "missing [1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 2 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 5 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T10:31:00.123456700Z..2026-05-04T10:31:00.123456700Z: 1 events] "
                    + "extra [1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:20:00.123Z: 21 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:40:00.123Z..2026-05-04T09:50:00.123Z: 2 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000181",
                    "missing [1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 1 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 5 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:02:00.123Z: 9 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:03:00.123Z: 11 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T10:31:00.123456700Z..2026-05-04T10:31:00.123456700Z: 1 events] "
                    + "extra [1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:06:00.123Z: 16 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:20:00.123Z..2026-05-04T09:20:00.123Z: 3 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:50:00.123Z..2026-05-04T09:50:00.123Z: 1 events, "
                    + "1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T10:41:00.123Z..2026-05-04T10:41:00.123Z: 1 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000191",
                    "missing [198.51.100.23|1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 2 events] "
                    + "extra [198.51.100.23|1b730954-1685-4b74-9bfd-dac224a7b894 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:10:00.123Z: 18 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000311",
                    "missing [00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 2 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:59:00.123Z..2026-05-04T10:01:00Z: 2 events, "
                    + "00u9z8y7x6W5v4U3t2s1 @ 2026-05-04T09:00:30.123Z..2026-05-04T09:01:30.123Z: 2 events] "
                    + "extra [00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:07:00.123Z: 35 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:10:00.123Z..2026-05-04T09:16:00.123Z: 7 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:20:00.123Z..2026-05-04T09:20:05.123Z: 3 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:30:00.123Z..2026-05-04T09:30:00.123Z: 3 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T10:01:00Z..2026-05-04T10:09:00Z: 5 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T10:10:00Z..2026-05-04T10:19:00Z: 8 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T10:21:00.123Z..2026-05-04T10:26:00Z: 4 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T10:50:00Z..2026-05-04T10:51:00Z: 2 events, "
                    + "00u9z8y7x6W5v4U3t2s1 @ 2026-05-04T09:00:30.123Z..2026-05-04T09:03:30.123Z: 4 events]"),
            Map.entry("7d2f0c1a-5b3e-4c8d-9a6f-000000000312",
                    "missing [00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:00:00.123Z: 5 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:20:00.123Z..2026-05-04T09:30:00.123Z: 5 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:59:00.123Z..2026-05-04T10:05:00Z: 5 events] "
                    + "extra [00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:00:00.123Z..2026-05-04T09:07:00.123Z: 35 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T09:10:00.123Z..2026-05-04T09:16:00.123Z: 7 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T10:01:00Z..2026-05-04T10:09:00Z: 5 events, "
                    + "00u1a2b3c4D5e6F7g8h9 @ 2026-05-04T10:10:00Z..2026-05-04T10:19:00Z: 8 events]"));
    /** The same for the AN0496 pack over its own fixtures (both correlations: W402 fixed windows). */
    static final Map<String, String> KNOWN_PACK = Map.ofEntries(
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c01",
                    "missing [0oa7r3p0rt1ngSync4x7 @ 2026-05-12T09:00:00.123Z..2026-05-12T09:02:00.123Z: 10 events] "
                    + "extra [0oa7r3p0rt1ngSync4x7 @ 2026-05-12T09:00:00.123Z..2026-05-12T09:09:00.123Z: 32 events]"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c02",
                    "missing [0oa7r3p0rt1ngSync4x7 @ 2026-05-12T08:00:00.123Z..2026-05-12T09:00:00.123Z: 9 events] "
                    + "extra [0oa7r3p0rt1ngSync4x7 @ 2026-05-12T08:00:00.123Z..2026-05-12T11:05:00.123Z: 53 events]"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c03",
                    "missing [idxS4sgCcCSeilK4CTwMhiUXB @ 2026-05-12T09:00:00.123Z..2026-05-12T13:00:00.123Z: 11 events] "
                    + "extra []"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c04",
                    "missing [331a8f08-8187-459c-bb77-1ca46a3da8fe @ 2026-05-12T09:00:00.123Z..2026-05-12T09:00:00.123000700Z: 4 events, "
                    + "58d0d01a-6b56-4c43-b2ba-e7fa79ce2199 @ 2026-05-12T09:00:00.123Z..2026-05-12T09:00:00.123Z: 2 events] "
                    + "extra [331a8f08-8187-459c-bb77-1ca46a3da8fe @ 2026-05-12T09:00:00.123Z..2026-05-12T09:30:00.123000300Z: 10 events, "
                    + "58d0d01a-6b56-4c43-b2ba-e7fa79ce2199 @ 2026-05-12T09:00:00.123Z..2026-05-12T09:50:00.123000500Z: 22 events]"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c05",
                    "missing [331a8f08-8187-459c-bb77-1ca46a3da8fe @ 2026-05-12T09:00:00.123Z..2026-05-12T09:03:00.123000500Z: 8 events] "
                    + "extra [331a8f08-8187-459c-bb77-1ca46a3da8fe @ 2026-05-12T09:00:00.123Z..2026-05-12T11:20:00.123000500Z: 14 events]"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c12",
                    "missing [ @ 2026-05-12T08:00:00.123000200Z..2026-05-14T09:00:00.123000900Z: 6 events] "
                    + "extra []"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c17",
                    "missing [who7hphp39JoHLni81d7 @ 2026-05-12T09:00:00.123Z..2026-05-12T09:02:00.123Z: 5 events] "
                    + "extra [who7hphp39JoHLni81d7 @ 2026-05-12T09:00:00.123Z..2026-05-12T09:12:00.123Z: 14 events]"),
            Map.entry("7c2a5e8d-4b63-4fa0-9d1c-2e3f4a5b6c23",
                    "missing [f4db7947-4de0-11f1-b3b4-8a6cdda51015 @ 2026-05-12T07:25:00.123Z..2026-05-12T09:00:00.123Z: 2 events] "
                    + "extra [f4db7947-4de0-11f1-b3b4-8a6cdda51015 @ 2026-05-12T07:25:00.123Z..2026-05-12T09:00:00.123Z: 4 events]"));

    @TempDir
    Path tmp;

    private static String url() {
        return OpenSearchNode.get().base();
    }

    @Test
    void testdataAlertsAreTheEvaluators() throws IOException {
        Compilation all = Compiler.standard().compile(List.of(TestData.dir().resolve("rules")));
        compare("testdata rules", all, new ArrayList<>(CaseInputs.of(TestData.files("rules", ".tests.yml"), tmp)),
                KNOWN_TESTDATA);
    }

    @Test
    void rulePackAlertsAreTheEvaluators() throws IOException {
        Path pack = TestData.dir().getParent().resolve("rules");
        Compilation all = Compiler.standard().compile(List.of(pack));
        assertFalse(all.hasErrors(), "the rule pack compiles");
        List<Path> tests;
        try (var s = Files.walk(pack)) {
            tests = s.filter(p -> p.toString().endsWith(".tests.yml")).sorted().toList();
        }
        compare("rule pack", all, new ArrayList<>(CaseInputs.of(tests, tmp)), KNOWN_PACK);
    }

    private static void compare(String what, Compilation all, List<EventInput> inputs, Map<String, String> known)
            throws IOException {
        EngineResult ev = new EvaluatorEngine().execute(all, inputs);
        EngineResult os;
        try (OpenSearchEngine e = OpenSearchEngine.connect(url())) {
            os = e.execute(all, inputs);
            assertEquals(List.of(), e.leftOver(), "indices left after the run");
        }
        assertEquals(List.of(), indices("detc-eval-*"), "no detc-eval index is left on the cluster");
        assertEquals(ev.events(), os.events());
        assertEquals(List.of(), os.notLoaded(), "every event is loaded");
        List<Pipeline> pipelines = OpenSearchBackend.nativePipelines();
        OpenSearchBackend backend = new OpenSearchBackend();
        Map<String, String> fidelity = new LinkedHashMap<>();
        for (Document d : all.documents()) {
            if (!(d instanceof Filter)) {
                Compiled c = backend.compile(all, d, pipelines, "query");
                fidelity.put(d.key(), c.fidelity().label());
            }
        }
        Set<String> unsupported = new TreeSet<>();
        os.unsupported().forEach(u -> unsupported.add(u.substring(0, u.indexOf(": "))));
        for (Map.Entry<String, String> f : fidelity.entrySet()) {
            assertEquals(f.getValue().equals("unsupported"), unsupported.contains(f.getKey()),
                    f.getKey() + ": the engine reports exactly the documents the backend declares unsupported");
        }
        Set<String> evaluatorOff = new TreeSet<>();
        ev.unsupported().forEach(u -> evaluatorOff.add(u.substring(0, u.indexOf(": "))));
        Map<String, List<String>> evLines = byRule(ev.alerts());
        Map<String, List<String>> osLines = byRule(os.alerts());
        Map<String, String> disagreeing = new TreeMap<>();
        List<String> exactFailures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        Set<String> agreeing = new TreeSet<>();
        int agree = 0;
        int approxAgree = 0;
        for (Map.Entry<String, String> f : fidelity.entrySet()) {
            String key = f.getKey();
            List<String> e = evLines.getOrDefault(key, List.of());
            List<String> o = osLines.getOrDefault(key, List.of());
            if (f.getValue().equals("unsupported") || evaluatorOff.contains(key)) {
                report.add(key + ": unsupported, evaluator " + e.size());
                assertEquals(List.of(), o, key + " is not run");
                continue;
            }
            if (e.equals(o)) {
                agree++;
                approxAgree += f.getValue().equals("exact") ? 0 : 1;
                agreeing.add(key);
                report.add(key + ": " + f.getValue() + ", " + e.size() + " alerts, agree");
                continue;
            }
            Set<String> missing = new TreeSet<>(e.stream().map(OpenSearchEngineTest::brief).toList());
            missing.removeAll(o.stream().map(OpenSearchEngineTest::brief).toList());
            Set<String> extra = new TreeSet<>(o.stream().map(OpenSearchEngineTest::brief).toList());
            extra.removeAll(e.stream().map(OpenSearchEngineTest::brief).toList());
            String diff = "missing " + missing + " extra " + extra;
            disagreeing.put(key, diff);
            report.add(key + ": " + f.getValue() + ", evaluator " + e.size() + ", opensearch " + o.size()
                    + ", DISAGREE " + diff);
            if (f.getValue().equals("exact")) {
                exactFailures.add(key + ": " + diff);
            }
        }
        String summary = what + ": " + os.events() + " events, " + fidelity.size() + " documents: " + agree
                + " agree line for line (" + approxAgree + " of them approximated), " + disagreeing.size()
                + " differ within declared approximations, " + (fidelity.size() - agree - disagreeing.size())
                + " unsupported; " + ev.alerts().size() + " evaluator alerts, " + os.alerts().size()
                + " opensearch alerts (opensearch: load " + os.loadNanos() / 1_000_000 + " ms, queries "
                + os.queryNanos() / 1_000_000 + " ms)";
        report.add(0, summary);
        Path out = Path.of("target", "opensearch-engine-" + what.replace(' ', '-') + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
        assertEquals(List.of(), exactFailures, "documents the backend calls exact print other alerts");
        assertEquals(new TreeMap<>(known), disagreeing, "approximated documents whose alerts differ (pinned)");
        assertEquals(only(ev.alerts(), agreeing), only(os.alerts(), agreeing), "the same lines in the same order");
    }

    /**
     * An alert line in short: {@code file:line} for a rule's, {@code group values @ start..end: n events} for a
     * correlation's.
     */
    static String brief(String line) {
        try {
            JsonNode a = OpenSearchNode.JSON.readTree(line);
            JsonNode ev = a.get("events");
            if (!a.has("group")) {
                return ev.get(0).get("file").asText() + ":" + ev.get(0).get("line").asText();
            }
            List<String> g = new ArrayList<>();
            a.get("group").forEach(v -> g.add(v.asText()));
            return String.join("|", g) + " @ " + a.get("window").get("start").asText() + ".."
                    + a.get("window").get("end").asText() + ": " + ev.size() + " events";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> only(List<String> lines, Set<String> keys) {
        return lines.stream().filter(l -> keys.contains(key(l))).toList();
    }

    private static Map<String, List<String>> byRule(List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        lines.forEach(l -> out.computeIfAbsent(key(l), k -> new ArrayList<>()).add(l));
        return out;
    }

    private static String key(String line) {
        try {
            return OpenSearchNode.JSON.readTree(line).get("rule").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The node's indices matching {@code pattern} (the engine must leave none named detc-eval-*). */
    static List<String> indices(String pattern) {
        JsonNode r = OpenSearchNode.get().json("GET", "/_cat/indices/" + pattern + "?format=json", null).body();
        List<String> out = new ArrayList<>();
        r.forEach(i -> out.add(i.get("index").asText()));
        return out;
    }
}
