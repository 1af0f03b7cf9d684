package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import io.detc.diag.Diagnostic;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every KQL query detc generates is accepted by Microsoft's own KQL parser and analyser (Kusto.Language, via
 * tools/kql-check) against the Sentinel table schemas, so a syntax error, an unknown table, column or function
 * fails the build: the testdata rules, the shipped rule pack (rules/), and with {@code -Dsigma.corpus=<dir>} the
 * SigmaHQ Okta and Azure rules, whose compile statistics go to backends/target/kql-corpus-report.txt.
 */
class KqlParserTest {
    /** Testdata documents the KQL backend declares unsupported (key → why); everything else must compile. */
    private static final Map<String, String> TESTDATA_UNSUPPORTED = Map.of();

    private final KqlBackend kql = new KqlBackend();

    @Test
    void everyTestdataQueryParses_andOnlyTheDeclaredDocumentsAreUnsupported() {
        Compilation c = Compiler.standard().compile(List.of(TestData.dir().resolve("rules")));
        assertFalse(c.hasErrors(), c.diagnostics().toString());
        Map<String, String> queries = KqlCheck.ordered();
        Map<String, String> unsupported = new TreeMap<>();
        for (Document d : c.documents()) {
            if (d instanceof Filter) {
                continue;
            }
            for (String format : kql.formats()) {
                for (Map.Entry<String, List<Pipeline>> pipelines : pipelineSets().entrySet()) {
                    Compiled r = kql.compile(c, d, pipelines.getValue(), format);
                    if (r.fidelity() instanceof Fidelity.Unsupported u) {
                        unsupported.put(d.key(), String.join("; ", u.reasons()));
                        continue;
                    }
                    String query = format.equals("query") ? r.text().orElseThrow()
                            : SentinelRuleFormatTest.query(r.text().orElseThrow());
                    queries.put(d.key() + " (" + format + ", " + pipelines.getKey() + ")", query);
                }
            }
        }
        assertEquals(TESTDATA_UNSUPPORTED, unsupported);
        assertEquals(List.of(), KqlCheck.failures(queries, kql.schema()));
    }

    /** The shipped pipeline sets: the default (OktaV2_CL) and the legacy Okta_CL one. */
    static Map<String, List<Pipeline>> pipelineSets() {
        Map<String, List<Pipeline>> sets = new java.util.LinkedHashMap<>();
        sets.put("default", new KqlBackend().defaultPipelines());
        sets.put("okta-legacy", List.of(KqlBackend.shipped("sentinel-okta-legacy"), KqlBackend.shipped("sentinel-entra")));
        return sets;
    }

    @Test
    void everyShippedRuleQueryParses() throws IOException {
        Path pack = KqlCheck.root().resolve("rules");
        Assumptions.assumeTrue(Files.isDirectory(pack) && hasRules(pack), "no rule pack in rules/ yet");
        Compilation c = Compiler.standard().compile(List.of(pack));
        Map<String, String> queries = KqlCheck.ordered();
        for (Document d : c.documents()) {
            if (!(d instanceof Filter)) {
                for (Map.Entry<String, List<Pipeline>> p : pipelineSets().entrySet()) {
                    kql.compile(c, d, p.getValue(), "query").text()
                            .ifPresent(q -> queries.put(d.key() + " " + p.getKey(), q));
                }
            }
        }
        assertEquals(List.of(), KqlCheck.failures(queries, kql.schema()));
    }

    @Test
    void sigmaHqOktaAndAzureRulesParse_andTheirStatisticsAreReported() throws IOException {
        String corpus = System.getProperty("sigma.corpus");
        Assumptions.assumeTrue(corpus != null && !corpus.isBlank() && !corpus.startsWith("${"),
                "set -Dsigma.corpus=<SigmaHQ checkout> to compile the SigmaHQ Okta and Azure rules");
        Path root = Path.of(corpus).resolve("rules");
        List<Path> paths = List.of(root.resolve("identity").resolve("okta"), root.resolve("cloud").resolve("azure"));
        Compilation c = Compiler.standard().compile(paths);
        Map<String, String> queries = KqlCheck.ordered();
        List<String> lines = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        int documents = 0;
        for (Document d : c.documents()) {
            if (d instanceof Filter) {
                continue;
            }
            documents++;
            Compiled r = kql.compile(c, d, kql.defaultPipelines(), "query");
            String label = r.fidelity().label();
            counts.merge(label, 1, Integer::sum);
            List<String> why = r.fidelity() instanceof Fidelity.Approximated a ? a.reasons()
                    : r.fidelity() instanceof Fidelity.Unsupported u ? u.reasons() : List.of();
            why.forEach(w -> reasons.merge(label + ": " + generic(w), 1, Integer::sum));
            String file = TestData.portable(d.span().file().path()).replace(corpus, "<corpus>");
            lines.add(label + "\t" + file + "\t" + d.meta().title()
                    + (why.isEmpty() ? "" : "\n\t\t" + String.join("\n\t\t", why)));
            r.text().ifPresent(q -> queries.put(d.key() + " " + file, q));
        }
        Map<String, Integer> legacy = new TreeMap<>();
        List<Pipeline> legacyPipelines = pipelineSets().get("okta-legacy");
        for (Document d : c.documents()) {
            if (d instanceof Filter || !d.span().file().path().contains("okta")) {
                continue;
            }
            Compiled r = kql.compile(c, d, legacyPipelines, "query");
            legacy.merge(r.fidelity().label(), 1, Integer::sum);
            r.text().ifPresent(q -> queries.put(d.key() + " (Okta_CL)", q));
        }
        List<String> failures = KqlCheck.failures(queries, kql.schema());
        StringBuilder report = new StringBuilder();
        report.append("KQL (Microsoft Sentinel) compile statistics for SigmaHQ rules/identity/okta and"
                + " rules/cloud/azure\nwith the shipped pipelines ").append(KqlBackend.DEFAULT_PIPELINES)
                .append(", corpus ").append(corpus).append("\n\n");
        report.append("documents: ").append(documents).append('\n');
        counts.forEach((k, v) -> report.append(k).append(": ").append(v).append('\n'));
        report.append("the Okta rules with sentinel-okta-legacy (table Okta_CL): ").append(legacy).append('\n');
        report.append("queries checked by Kusto.Language: ").append(queries.size()).append(", rejected: ")
                .append(failures.size()).append("\n\nreasons (how many documents):\n");
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> report.append(String.format("%4d  %s%n", e.getValue(), e.getKey())));
        report.append("\nper document:\n");
        lines.forEach(l -> report.append(l).append('\n'));
        if (!c.diagnostics().isEmpty()) {
            report.append("\nfront-end diagnostics: ").append(c.diagnostics().size()).append('\n');
            c.diagnostics().stream().filter(Diagnostic::isError).limit(20)
                    .forEach(d -> report.append("  ").append(d).append('\n'));
        }
        Path out = KqlCheck.root().resolve("backends").resolve("target").resolve("kql-corpus-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        assertEquals(List.of(), failures);
    }

    /** A reason without the rule's own values, so the histogram groups alike reasons. */
    private static String generic(String reason) {
        return reason.replaceAll("'[^']*'", "'…'").replaceAll("field \\S+ is not a column of", "field … is not a"
                + " column of").replaceAll("the JSON text of [^;]*included", "the JSON text of … included");
    }

    private static boolean hasRules(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".yml") && !p.toString().endsWith(".tests.yml"));
        }
    }
}
