package io.detc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.detc.diag.DiagnosticRenderer;
import io.detc.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule in testdata/rules is valid: it checks with no error and no warning, and lowers to IR. */
class ValidRulesTest {
    @Test
    void testdataRulesAreClean() {
        Path dir = TestData.dir().resolve("rules");
        Compilation c = Compiler.standard().compile(List.of(dir));
        String diags = c.diagnostics().stream().map(DiagnosticRenderer::render).collect(Collectors.joining("\n"));
        assertEquals("", diags);
        assertFalse(c.documents().isEmpty());
        long rules = c.documents().stream().filter(d -> d instanceof io.detc.rule.SigmaRule).count();
        assertEquals(rules, c.lowered().size(), "every rule without errors is lowered");
    }
}
