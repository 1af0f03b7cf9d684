package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostics;
import io.detc.event.Event;
import io.detc.event.EventReader;
import io.detc.rule.Document;
import io.detc.source.SourceFile;
import io.detc.testcase.TestCase;
import io.detc.testcase.TestFile;
import io.detc.testcase.TestFileReader;
import io.detc.testing.TestData;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test cases beside every testdata rule and every rule of the shipped pack in rules/ (foo.tests.yml: events and
 * how many alerts the reference evaluator gives) run against the generated SPL in {@link SplModel}, a model of
 * Splunk under the backend's documented assumptions, with the shipped pipelines and exact field names (no lenient
 * lookup): the number of result rows must be the expected number of alerts, and each alert row must be one of an
 * expected alert's events. A building block whose own alerts detc keeps off must have a disabled saved search.
 * An approximated document that disagrees, or a rule-pack document SPL does not support, is skipped with the reason
 * (exact documents must agree).
 */
class SplRuleCasesTest {
    private static final Compilation TESTDATA = io.detc.Compiler.standard().compile(List.of(TestData.dir()
            .resolve("rules")));
    private static final Path PACK = TestData.dir().getParent().resolve("rules");
    private static final Compilation RULE_PACK = io.detc.Compiler.standard().compile(List.of(PACK));

    static Stream<Object[]> cases() throws IOException {
        return Stream.concat(cases(TestData.files("rules", ".tests.yml"), TESTDATA), packCases());
    }

    /** The shipped rule pack's test cases, when rules/ holds any and compiles. */
    private static Stream<Object[]> packCases() throws IOException {
        if (!Files.isDirectory(PACK) || RULE_PACK.hasErrors()) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.walk(PACK)) {
            return cases(s.filter(p -> p.toString().endsWith(".tests.yml")).sorted().toList(), RULE_PACK);
        }
    }

    private static Stream<Object[]> cases(List<Path> files, Compilation all) throws IOException {
        List<Object[]> out = new ArrayList<>();
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            SourceFile src = new SourceFile(f.toString(), Files.readString(f));
            TestFile tf = TestFileReader.read(f, src, new YamlLoader(YamlLimits.DEFAULT).load(src, d), d)
                    .orElseThrow();
            for (TestCase c : tf.cases()) {
                if (c.eventsFile().isPresent() || !c.inline().isEmpty()) {
                    out.add(new Object[] {f.getFileName() + ": " + c.name(), tf.ruleFile(), c, all});
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splGivesTheEvaluatorsAlerts(String name, Path ruleFile, TestCase c, Compilation all) {
        List<Document> docs = all.documents().stream().filter(d -> Path.of(d.span().file().path()).toAbsolutePath()
                .normalize().equals(ruleFile.toAbsolutePath().normalize())).toList();
        Document doc = c.rule().map(r -> docs.stream().filter(d -> SplSavedSearch.names(d, r)
                || d.meta().title().equals(r)).findFirst().orElseThrow()).orElse(docs.get(0));
        SplBackend spl = new SplBackend();
        Compiled compiled = spl.compile(all, doc, spl.defaultPipelines(), "query");
        if (c.expect() == 0 && suppressed(doc, all)) {
            // detc keeps a building block's own alerts off; in Splunk its saved search is disabled instead.
            assertTrue(spl.compile(all, doc, spl.defaultPipelines(), "savedsearch").text().orElseThrow()
                    .contains("\ndisabled = 1\n"), name);
            return;
        }
        if (compiled.text().isEmpty() && all == RULE_PACK) {
            Assumptions.abort("SPL does not support " + doc.key() + ": " + compiled.diagnostics());
        }
        String query = compiled.text().orElseThrow(() -> new AssertionError(compiled.diagnostics()));
        List<SplModel.Event> events = c.eventsFile().map(SplRuleCasesTest::events).orElseGet(() -> inline(c));
        double horizon = events.stream().mapToDouble(SplModel.Event::time).max().orElse(0);
        List<Map<String, List<String>>> rows = new SplModel(false, horizon).run(query, events);
        if (rows.size() != c.expect() && compiled.fidelity() instanceof io.detc.backend.Fidelity.Approximated a) {
            Assumptions.abort("approximated (" + a.reasons() + "): " + rows.size() + " alerts, evaluator "
                    + c.expect());
        }
        assertEquals(c.expect(), rows.size(), query);
        c.lines().ifPresent(alerts -> {
            for (int k = 0; k < rows.size(); k++) {
                long line = Long.parseLong(rows.get(k).get("detc_line").get(0));
                boolean inSome = alerts.stream().anyMatch(a -> a.contains(line));
                assertTrue(inSome, "row for line " + line + " is in no expected alert " + alerts);
            }
        });
    }

    /** Named by a correlation, and by none with generate: true. */
    private static boolean suppressed(Document d, Compilation all) {
        List<io.detc.rule.Correlation> naming = all.documents().stream()
                .filter(x -> x instanceof io.detc.rule.Correlation).map(x -> (io.detc.rule.Correlation) x)
                .filter(x -> x.rules().stream().anyMatch(r -> SplSavedSearch.names(d, r.target()))).toList();
        return !naming.isEmpty() && naming.stream().noneMatch(io.detc.rule.Correlation::generate);
    }

    static List<SplModel.Event> events(Path file) {
        List<SplModel.Event> out = new ArrayList<>();
        new EventReader().read(file, file.toString(), Optional.empty(), (Event e) -> out.add(new SplModel.Event(
                e.json().toString(), e.time().map(t -> t.getEpochSecond() + t.getNano() / 1e9).orElse(0.0),
                e.line(), sourcetype(e))), p -> {
            throw new AssertionError(p.toString());
        });
        return out;
    }

    private static List<SplModel.Event> inline(TestCase c) {
        List<SplModel.Event> out = new ArrayList<>();
        for (int k = 0; k < c.inline().size(); k++) {
            com.fasterxml.jackson.databind.JsonNode j = c.inline().get(k);
            String st = c.source().map(x -> x.startsWith("okta") ? "OktaIM2:log" : "azure:monitor:aad")
                    .orElse(j.has("eventType") ? "OktaIM2:log" : "azure:monitor:aad");
            out.add(new SplModel.Event(j.toString(), k, k + 1, st));
        }
        return out;
    }

    private static String sourcetype(Event e) {
        if (e.source().product().equals("okta")) {
            return "OktaIM2:log";
        }
        return e.source().service().equals("activitylogs") ? "azure:monitor:activity" : "azure:monitor:aad";
    }
}
