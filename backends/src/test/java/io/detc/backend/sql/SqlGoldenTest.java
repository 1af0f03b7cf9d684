package io.detc.backend.sql;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden per testdata rule file and dialect: testdata/golden/sql/&lt;dialect&gt;/&lt;stem&gt;.approved.sql, every
 * document of the file in order under a comment with its key, title and fidelity, then its W402 warnings and the
 * query (an unsupported document is its rendered diagnostics). The whole testdata/rules folder is compiled at once,
 * as {@code detc compile testdata/rules} does, so filters apply to the rules they name.
 */
class SqlGoldenTest {
    private static final Compilation ALL = io.detc.Compiler.standard().compile(List.of(TestData.dir()
            .resolve("rules")));

    static Stream<Arguments> cases() {
        return SqlDialect.NAMES.stream().flatMap(d -> TestData.files("rules", ".yml").stream()
                .filter(p -> !p.toString().endsWith(".tests.yml")).map(p -> Arguments.of(d, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void queriesAreApproved(String dialect, Path file) {
        Approvals.verify(render(dialect, file), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/sql/" + dialect, TestData.stem(file))).forFile()
                .withExtension(".sql"));
    }

    static String render(String dialect, Path file) {
        SqlBackend sql = SqlBackend.forDialect(dialect).orElseThrow();
        List<String> out = new ArrayList<>();
        List<Document> docs = ALL.documents().stream()
                .filter(d -> Path.of(d.span().file().path()).toAbsolutePath().normalize().equals(file)).toList();
        assertFalse(docs.isEmpty(), "no documents from " + file);
        for (Document d : docs) {
            if (d instanceof Filter) {
                out.add("-- " + d.key() + " " + d.meta().title() + " (a filter: applied to the rules it names)");
                out.add("");
                continue;
            }
            Compiled c = sql.compile(ALL, d, sql.defaultPipelines(), "query");
            out.add("-- " + d.key() + " " + d.meta().title() + " (" + c.fidelity().label() + ")");
            for (Diagnostic diag : c.diagnostics()) {
                String r = DiagnosticRenderer.render(diag);
                out.add(c.text().isPresent() ? "-- " + r.replace("\n", "\n-- ") : r);
            }
            c.text().ifPresent(t -> out.add(t.stripTrailing() + ";"));
            out.add("");
        }
        return TestData.portable(String.join("\n", out));
    }
}
