package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.rule.Document;
import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden per testdata rule file and format: testdata/golden/spl/<stem>.approved.spl (the queries) and
 * <stem>.savedsearch.approved.conf (the stanzas). Every document of the file in order, each under a comment line
 * with its key, title and fidelity, and its W402 warnings; an unsupported document is its rendered diagnostics.
 * The whole testdata/rules folder is compiled at once, as {@code detc compile testdata/rules} does, so filters
 * apply to the rules they name. Every query also passes the lexical check.
 */
class SplGoldenTest {
    private static final Compilation ALL = io.detc.Compiler.standard().compile(List.of(TestData.dir()
            .resolve("rules")));

    static Stream<Path> ruleFiles() {
        return TestData.files("rules", ".yml").stream().filter(p -> !p.toString().endsWith(".tests.yml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void queriesAreApproved(Path file) {
        Approvals.verify(render(file, "query"), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/spl", TestData.stem(file))).forFile().withExtension(".spl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void savedSearchesAreApproved(Path file) {
        Approvals.verify(render(file, "savedsearch"), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/spl", TestData.stem(file) + ".savedsearch")).forFile()
                .withExtension(".conf"));
    }

    static String render(Path file, String format) {
        SplBackend spl = new SplBackend();
        List<String> out = new ArrayList<>();
        List<Document> docs = ALL.documents().stream()
                .filter(d -> Path.of(d.span().file().path()).toAbsolutePath().normalize().equals(file)).toList();
        assertFalse(docs.isEmpty(), "no documents from " + file);
        for (Document d : docs) {
            Compiled c = spl.compile(ALL, d, spl.defaultPipelines(), format);
            out.add("# " + d.key() + " " + d.meta().title() + " (" + c.fidelity().label() + ")");
            for (Diagnostic diag : c.diagnostics()) {
                String r = DiagnosticRenderer.render(diag);
                out.add(c.text().isPresent() ? "# " + r.replace("\n", "\n# ") : r);
            }
            c.text().ifPresent(t -> {
                String query = format.equals("query") ? t : SplSavedSearchTest.searchValue(t);
                assertEquals(List.of(), SplLexicalCheck.problems(query), query);
                out.add(t.stripTrailing());
            });
            out.add("");
        }
        return TestData.portable(String.join("\n", out));
    }
}
