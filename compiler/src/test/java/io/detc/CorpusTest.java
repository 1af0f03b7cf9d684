package io.detc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SigmaHQ corpus, passed with {@code -Dsigma.corpus=PATH} (CI passes ../shared/corpus/sigma). Every maintained
 * rule loads and checks with no error; the other trees get the diagnostics they deserve, summarised into
 * {@code target/corpus-report.txt} for the record.
 */
class CorpusTest {
    @Test
    void maintainedRulesCheckWithoutErrors() {
        Path corpus = corpusOrSkip();
        Compilation c = Compiler.standard().compile(List.of(corpus.resolve("rules")));
        String errors = c.diagnostics().stream().filter(Diagnostic::isError).limit(30)
                .map(DiagnosticRenderer::render).collect(Collectors.joining("\n"));
        assertEquals("", errors);
        assertTrue(c.files().size() >= 3000, "expected the 3,141 maintained rules, found " + c.files().size());
        assertEquals(c.documents().size(), c.lowered().size(), "every maintained rule lowers to IR");
    }

    @Test
    void otherTreesGetTheRightDiagnostics() throws IOException {
        Path corpus = corpusOrSkip();
        StringBuilder report = new StringBuilder();
        for (String tree : List.of("rules", "deprecated", "unsupported", "rules-emerging-threats",
                "rules-threat-hunting", "rules-placeholder", "rules-compliance")) {
            Path dir = corpus.resolve(tree);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Compilation c = Compiler.standard().compile(List.of(dir));
            Map<String, Long> byCode = new TreeMap<>(c.diagnostics().stream()
                    .collect(Collectors.groupingBy(d -> d.code().id() + " " + d.code().slug(), Collectors.counting())));
            Map<String, Long> filesByCode = new TreeMap<>(c.diagnostics().stream().collect(Collectors.groupingBy(
                    d -> d.code().id(), Collectors.collectingAndThen(Collectors.mapping(
                            d -> d.span().file().path(), Collectors.toSet()), s -> (long) s.size()))));
            long filesWithErrors = c.diagnostics().stream().filter(Diagnostic::isError)
                    .map(d -> d.span().file().path()).distinct().count();
            report.append(String.format("%s: %d files, %d documents, %d files with errors, %d errors, %d warnings%n",
                    tree, c.files().size(), c.documents().size(), filesWithErrors, c.errorCount(), c.warningCount()));
            byCode.forEach((k, v) -> report.append(String.format("    %-40s %5d diagnostics in %4d files%n", k, v,
                    filesByCode.get(k.substring(0, 4)))));
            if (tree.equals("unsupported")) {
                long legacy = c.diagnostics().stream().filter(d -> d.code().id().equals("E202")).count();
                assertTrue(legacy >= 50, "legacy pipe aggregations in unsupported/ get E202, found " + legacy);
            }
        }
        Path out = Path.of("target", "corpus-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static Path corpusOrSkip() {
        var corpus = TestData.corpus();
        assumeTrue(corpus.isPresent(), "no -Dsigma.corpus given");
        assumeTrue(Files.isDirectory(corpus.get().resolve("rules")), "corpus has no rules/ folder");
        return corpus.get();
    }
}
