package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.rule.Document;
import io.detc.rule.Filter;
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
 * One golden per testdata rule file and format: testdata/golden/kql/<stem>.approved.kql (the queries) and
 * <stem>.sentinel.approved.yml (the analytic rules). Every document of the file in order, under a comment line with
 * its key, title and fidelity, and its W402 warnings; an unsupported document is its rendered diagnostics. The
 * whole testdata/rules folder is compiled at once, as {@code detc compile testdata/rules} does, so filters apply to
 * the rules they name.
 */
class KqlGoldenTest {
    private static final Compilation ALL = io.detc.Compiler.standard().compile(List.of(TestData.dir()
            .resolve("rules")));

    static Stream<Path> ruleFiles() {
        return TestData.files("rules", ".yml").stream().filter(p -> !p.toString().endsWith(".tests.yml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void queriesAreApproved(Path file) {
        Approvals.verify(render(file, "query", "// "), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/kql", TestData.stem(file))).forFile().withExtension(".kql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void analyticRulesAreApproved(Path file) {
        Approvals.verify(render(file, "sentinel", "# "), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/kql", TestData.stem(file) + ".sentinel")).forFile()
                .withExtension(".yml"));
    }

    static String render(Path file, String format, String comment) {
        KqlBackend kql = new KqlBackend();
        List<String> out = new ArrayList<>();
        List<Document> docs = ALL.documents().stream()
                .filter(d -> Path.of(d.span().file().path()).toAbsolutePath().normalize().equals(file)).toList();
        assertFalse(docs.isEmpty(), "no documents from " + file);
        for (Document d : docs) {
            if (d instanceof Filter) {
                out.add(comment + d.key() + " " + d.meta().title() + " (a filter: applied to the rules it names)");
                out.add("");
                continue;
            }
            Compiled c = kql.compile(ALL, d, kql.defaultPipelines(), format);
            out.add((format.equals("sentinel") ? "---\n" : "") + comment + d.key() + " " + d.meta().title() + " ("
                    + c.fidelity().label() + ")");
            for (Diagnostic diag : c.diagnostics()) {
                String r = DiagnosticRenderer.render(diag);
                out.add(c.text().isPresent() ? comment + r.replace("\n", "\n" + comment) : r);
            }
            c.text().ifPresent(t -> out.add(t.stripTrailing()));
            out.add("");
        }
        return TestData.portable(String.join("\n", out));
    }
}
