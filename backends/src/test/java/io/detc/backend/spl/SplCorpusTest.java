package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
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
import org.junit.jupiter.api.Test;

/**
 * The SigmaHQ Okta and Azure rules (with -Dsigma.corpus) and any rule pack in rules/: every document compiles
 * without an exception, every query and saved search passes the lexical check, and the statistics (exact,
 * approximated, unsupported, and why) go to target/spl-corpus-report.txt.
 */
class SplCorpusTest {
    @Test
    void sigmaCorpusCompilesAndEveryQueryIsWellFormed() throws IOException {
        assumeTrue(TestData.corpus().isPresent(), "run with -Dsigma.corpus=<path to SigmaHQ sigma>");
        Path root = TestData.corpus().get().resolve("rules");
        List<Path> trees = List.of(root.resolve("identity/okta"), root.resolve("cloud/azure"));
        String report = run(trees, "SigmaHQ rules/identity/okta and rules/cloud/azure (" + root + ")");
        Path out = Path.of("target", "spl-corpus-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    @Test
    void shippedRulePackIsWellFormed() {
        Path pack = TestData.dir().getParent().resolve("rules");
        boolean any;
        try (var s = Files.walk(pack)) {
            any = s.anyMatch(p -> p.toString().endsWith(".yml"));
        } catch (IOException e) {
            any = false;
        }
        assumeTrue(any, "rules/ holds no rule yet");
        run(List.of(pack), "rules/");
    }

    /** The rule's folder below rules/ (identity/okta, cloud/azure/signin_logs, ...). */
    private static String folder(String path) {
        String p = path.replace('\\', '/');
        int at = p.lastIndexOf("/rules/");
        String rel = at < 0 ? p : p.substring(at + "/rules/".length());
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "." : rel.substring(0, slash);
    }

    private static String run(List<Path> paths, String title) {
        Compilation c = io.detc.Compiler.standard().compile(paths);
        SplBackend spl = new SplBackend();
        Map<String, Integer> fidelity = new TreeMap<>();
        Map<String, Map<String, Integer>> byFolder = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> lexical = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        int documents = 0;
        for (Document d : c.documents()) {
            if (d instanceof Filter) {
                continue;
            }
            documents++;
            Compiled q = spl.compile(c, d, spl.defaultPipelines(), "query");
            Compiled s = spl.compile(c, d, spl.defaultPipelines(), "savedsearch");
            fidelity.merge(q.fidelity().label(), 1, Integer::sum);
            String folder = folder(d.span().file().path());
            byFolder.computeIfAbsent(folder, k -> new TreeMap<>()).merge(q.fidelity().label(), 1, Integer::sum);
            for (Diagnostic diag : q.diagnostics()) {
                if (diag.code().id().startsWith("E4") || diag.code() == Code.APPROXIMATED) {
                    reasons.merge(diag.code().id() + " " + diag.message().replaceAll("'[^']*'", "'…'"), 1,
                            Integer::sum);
                }
            }
            if (q.text().isEmpty()) {
                unsupported.add(TestData.portable(d.span().file().path()) + ": " + q.diagnostics().stream()
                        .filter(Diagnostic::isError).map(x -> x.code().id() + " " + x.message()).toList());
            }
            q.text().ifPresent(t -> SplLexicalCheck.problems(t).forEach(p -> lexical.add(d.key() + ": " + p)));
            s.text().ifPresent(t -> SplLexicalCheck.problems(SplSavedSearchTest.searchValue(t))
                    .forEach(p -> lexical.add(d.key() + " (savedsearch): " + p)));
        }
        StringBuilder b = new StringBuilder("SPL corpus report: ").append(title).append('\n');
        b.append("documents: ").append(documents).append(" (front-end errors: ").append(c.errorCount())
                .append(")\n");
        fidelity.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        b.append("\nby folder:\n");
        byFolder.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        b.append("\nreasons (diagnostics, by count):\n");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append("  ").append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        b.append("\nunsupported documents:\n");
        unsupported.forEach(u -> b.append("  ").append(u).append('\n'));
        b.append("\nlexical problems: ").append(lexical.size()).append('\n');
        lexical.forEach(l -> b.append("  ").append(l).append('\n'));
        assertEquals(List.of(), lexical, "every generated query passes the lexical check");
        return b.toString();
    }
}
