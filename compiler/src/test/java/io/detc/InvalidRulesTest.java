package io.detc;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.detc.diag.DiagnosticRenderer;
import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file in testdata/invalid has one mistake; its rendered diagnostics are approved in testdata/golden/check. */
class InvalidRulesTest {
    static Stream<Path> invalidFiles() {
        return TestData.files("invalid", ".yml", ".yaml").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void reportsApprovedDiagnostics(Path file) {
        Compilation c = Compiler.standard().compile(List.of(file));
        assertFalse(c.diagnostics().isEmpty(), "an invalid file must produce at least one diagnostic: " + file);
        String rendered = c.diagnostics().stream().map(DiagnosticRenderer::render)
                .collect(Collectors.joining("\n")) + "\n";
        Approvals.verify(TestData.portable(rendered), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/check", TestData.stem(file))).forFile().withExtension(".txt"));
    }
}
