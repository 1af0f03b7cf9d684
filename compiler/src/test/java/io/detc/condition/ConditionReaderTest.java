package io.detc.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Code;
import io.detc.diag.DiagnosticRenderer;
import io.detc.diag.Diagnostics;
import io.detc.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of valid conditions in {@code testdata/conditions/parser.cases}, plus the shape of nodes and spans. */
class ConditionReaderTest {
    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(ConditionTestData.dir().resolve("parser.cases"), StandardCharsets.UTF_8);
        return lines.stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> {
                    int arrow = l.lastIndexOf(" => ");
                    if (arrow < 0) {
                        throw new IllegalArgumentException("parser.cases: no ' => ' in: " + l);
                    }
                    return Arguments.of(l.substring(0, arrow), l.substring(arrow + 4).trim());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsAst_forEachCase(String input, String expected) {
        Diagnostics diags = new Diagnostics();
        Optional<Condition> ast = ConditionTestData.read(ConditionTestData.unescape(input), diags);
        assertEquals(List.of(), diags.list().stream().map(DiagnosticRenderer::render).toList());
        assertEquals(expected, AstPrinter.print(ast.orElseThrow()));
    }

    @Test
    void spansCoverWholeSubExpressions_whenGrouped() {
        Condition.And and = (Condition.And) read("a and (b or c)");
        assertSpan(and.span(), 1, 14);
        assertSpan(and.terms().get(0).span(), 1, 1);
        assertSpan(and.terms().get(1).span(), 8, 6);   // the group's parentheses belong to no node
    }

    @Test
    void spansCoverOperator_whenNotAndQuantifier() {
        Condition.Not not = (Condition.Not) read("not 1 of filter*");
        assertSpan(not.span(), 1, 16);
        assertSpan(not.operand().span(), 5, 12);
    }

    @Test
    void mapsAnyToOne_whenQuantifierIsAny() {
        Condition.OfPattern of = (Condition.OfPattern) read("any of sel*");
        assertEquals(Condition.Quantifier.ONE, of.quantifier());
        assertEquals("sel*", of.pattern());
        Condition.OfThem them = (Condition.OfThem) read("all of them");
        assertEquals(Condition.Quantifier.ALL, them.quantifier());
    }

    @Test
    void reportsOnlyFirstError_whenSeveralMistakes() {
        Diagnostics diags = new Diagnostics();
        Optional<Condition> ast = ConditionTestData.read("a and and or ) | near", diags);
        assertFalse(ast.isPresent());
        assertEquals(1, diags.size());
        assertEquals(Code.CONDITION_SYNTAX, diags.list().get(0).code());
        assertEquals(7, diags.list().get(0).span().column());
    }

    @Test
    void keepsNearAsIdentifier_whenInOperandPosition() {
        assertEquals("(and near (not NOT))", AstPrinter.print(read("near and not NOT")));
    }

    @Test
    void addsNothing_whenConditionIsValid() {
        Diagnostics diags = new Diagnostics();
        assertTrue(ConditionTestData.read("sel and not filter", diags).isPresent());
        assertEquals(0, diags.size());
    }

    @Test
    void buildsRecords_whenChainFlattened() {
        Condition.Or or = assertInstanceOf(Condition.Or.class, read("a or b and c or d"));
        assertEquals(3, or.terms().size());
        assertInstanceOf(Condition.And.class, or.terms().get(1));
    }

    private static Condition read(String text) {
        Diagnostics diags = new Diagnostics();
        Optional<Condition> ast = ConditionTestData.read(text, diags);
        assertEquals(List.of(), diags.list());
        return ast.orElseThrow();
    }

    private static void assertSpan(Span span, int column, int length) {
        assertEquals(1, span.line(), "line");
        assertEquals(column, span.column(), "column");
        assertEquals(length, span.length(), "length");
    }
}
