package io.detc.backend.opensearch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.SigmaRule;
import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden per testdata rule file: testdata/golden/opensearch/<stem>.approved.json, a JSON object listing every
 * document of the file in order with its fidelity, index, rendered diagnostics and search body. The whole
 * testdata/rules folder is compiled at once, so filters apply to the rules they name.
 */
class OpenSearchGoldenTest {
    private static final Compilation ALL = io.detc.Compiler.standard().compile(List.of(TestData.dir()
            .resolve("rules")));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<Path> ruleFiles() {
        return TestData.files("rules", ".yml").stream().filter(p -> !p.toString().endsWith(".tests.yml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void queriesAreApproved(Path file) throws Exception {
        Approvals.verify(render(file), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/opensearch", TestData.stem(file))).forFile()
                .withExtension(".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void monitorsAreApproved(Path file) throws Exception {
        Approvals.verify(render(file, "monitor"), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/opensearch", TestData.stem(file) + ".monitor")).forFile()
                .withExtension(".json"));
    }

    static String render(Path file) throws Exception {
        return render(file, "query");
    }

    static String render(Path file, String format) throws Exception {
        OpenSearchBackend os = new OpenSearchBackend();
        List<Document> docs = ALL.documents().stream()
                .filter(d -> Path.of(d.span().file().path()).toAbsolutePath().normalize().equals(file)).toList();
        assertFalse(docs.isEmpty(), "no documents from " + file);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode out = root.putArray("documents");
        for (Document d : docs) {
            ObjectNode o = out.addObject();
            o.put("key", d.key());
            o.put("title", d.meta().title());
            if (d instanceof Filter) {
                o.put("fidelity", "a filter: applied to the rules it names");
                continue;
            }
            Compiled c = os.compile(ALL, d, os.defaultPipelines(), format);
            o.put("fidelity", c.fidelity().label());
            if (d instanceof SigmaRule r) {
                OpenSearchBackend.index(r, os.defaultPipelines(), ALL).ifPresent(i -> o.put("index", i));
            }
            ArrayNode diags = o.putArray("diagnostics");
            for (Diagnostic diag : c.diagnostics()) {
                diags.add(TestData.portable(DiagnosticRenderer.render(diag)));
            }
            if (c.text().isPresent()) {
                o.set(format.equals("query") ? "search" : "monitor", JSON.readTree(c.text().get()));
            }
        }
        return JSON.writeValueAsString(root) + "\n";
    }
}
