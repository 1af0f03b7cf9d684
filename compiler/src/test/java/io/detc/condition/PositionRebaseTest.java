package io.detc.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import io.detc.source.TextLocator;
import org.junit.jupiter.api.Test;

/**
 * Positions inside a {@code condition:} scalar are reported in the rule file (Trino's rebasing): every span goes
 * through the caller's {@link TextLocator}, for plain one-line scalars and for block scalars alike.
 */
class PositionRebaseTest {
    private static final String YAML = "detection:\n    condition: sel1 and and sel2\n";

    @Test
    void reportsFileLineAndColumn_whenConditionIsPlainScalar() {
        SourceFile file = new SourceFile("rules/x.yml", YAML);
        TextLocator locator = (from, to) -> new Span(file, 2, 16 + from, to - from);
        Diagnostics diags = new Diagnostics();
        ConditionReader.read("sel1 and and sel2", locator, diags);

        Diagnostic d = diags.list().get(0);
        assertEquals(Code.CONDITION_SYNTAX, d.code());
        assertEquals("rules/x.yml:2:25", d.span().toString());
        assertEquals(3, d.span().length());
        assertEquals("""
                rules/x.yml:2:25: error[E201]: mismatched input 'and'; expected an identifier, '(', 'not', '1 of' or 'all of'
                  |     condition: sel1 and and sel2
                  |                         ^^^""", DiagnosticRenderer.render(d));
    }

    @Test
    void rebasesAstSpans_whenConditionIsPlainScalar() {
        SourceFile file = new SourceFile("rules/x.yml", "detection:\n    condition: sel1 or sel2\n");
        TextLocator locator = (from, to) -> new Span(file, 2, 16 + from, to - from);
        Condition.Or or = (Condition.Or) ConditionReader.read("sel1 or sel2", locator, new Diagnostics()).orElseThrow();
        assertEquals("rules/x.yml:2:16", or.span().toString());
        assertEquals(12, or.span().length());
        assertEquals("rules/x.yml:2:24", or.terms().get(1).span().toString());
    }

    @Test
    void reportsNextLine_whenConditionIsBlockScalar() {
        String yaml = "detection:\n    condition: |\n        sel1 and\n        and sel2\n";
        SourceFile file = new SourceFile("rules/y.yml", yaml);
        String scalar = "sel1 and\nand sel2\n";
        // a literal block scalar: scalar line k starts at file line 3 + k, column 9
        TextLocator locator = (from, to) -> {
            int lineStart = scalar.lastIndexOf('\n', from - 1) + 1;
            int line = 3 + (int) scalar.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            return new Span(file, line, 9 + from - lineStart, to - from);
        };
        Diagnostics diags = new Diagnostics();
        ConditionReader.read(scalar, locator, diags);
        assertEquals("rules/y.yml:4:9", diags.list().get(0).span().toString());
    }

    @Test
    void countsUtf16Columns_whenTextHasAstralCharacters() {
        // an emoji is one code point (ANTLR's index unit) but two UTF-16 units (detc's column unit)
        Diagnostics diags = new Diagnostics();
        ConditionTestData.read("a and \uD83D\uDE00", diags);
        Diagnostic d = diags.list().get(0);
        assertEquals(7, d.span().column());
        assertEquals(2, d.span().length());
    }
}
