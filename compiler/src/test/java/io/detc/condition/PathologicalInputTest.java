package io.detc.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to break a recursive-descent parser (Trino's stack-overflow test): long chains must parse quickly
 * into one flat node, and deep nesting must become E204 instead of a {@link StackOverflowError}.
 */
class PathologicalInputTest {
    private static final int N = 10_000;
    private static final Duration FAST = Duration.ofSeconds(2);

    @Test
    void parsesFlatOr_when10000Terms() {
        Condition ast = assertTimeout(FAST, () -> parse(chain(" or ")));
        assertEquals(N, ((Condition.Or) ast).terms().size());
    }

    @Test
    void parsesFlatAnd_when10000Terms() {
        Condition ast = assertTimeout(FAST, () -> parse(chain(" and ")));
        assertEquals(N, ((Condition.And) ast).terms().size());
    }

    @Test
    void parses_when10000NegatedGroupsSideBySide() {
        String text = IntStream.range(0, N).mapToObj(i -> "not (s" + i + ")").collect(Collectors.joining(" or "));
        Condition ast = assertTimeout(FAST, () -> parse(text));
        assertEquals(N, ((Condition.Or) ast).terms().size());
    }

    @Test
    void reportsTooDeep_when10000NestedParens() {
        String text = "(".repeat(N) + "a" + ")".repeat(N);
        Diagnostic d = assertTimeout(FAST, () -> onlyError(text));
        assertEquals(Code.CONDITION_TOO_DEEP, d.code());
        assertEquals(NestingGuard.MAX_DEPTH + 1, d.span().column());   // the first '(' past the limit
    }

    @Test
    void reportsTooDeep_when10000Nots() {
        Diagnostic d = assertTimeout(FAST, () -> onlyError("not ".repeat(N) + "a"));
        assertEquals(Code.CONDITION_TOO_DEEP, d.code());
        assertEquals(4 * NestingGuard.MAX_DEPTH + 1, d.span().column());
    }

    @Test
    void reportsTooDeep_whenNotsAndParensAlternate() {
        Diagnostic d = onlyError("not (".repeat(N / 2) + "a" + ")".repeat(N / 2));
        assertEquals(Code.CONDITION_TOO_DEEP, d.code());
    }

    @Test
    void parses_whenNestingIsExactlyAtLimit() {
        int max = NestingGuard.MAX_DEPTH;
        assertEquals("a", AstPrinter.print(parse("(".repeat(max) + "a" + ")".repeat(max))));
        String nots = AstPrinter.print(parse("not ".repeat(max) + "a"));
        assertEquals("(not ".repeat(max) + "a" + ")".repeat(max), nots);
        assertEquals(Code.CONDITION_TOO_DEEP, onlyError("(".repeat(max + 1) + "a" + ")".repeat(max + 1)).code());
    }

    @Test
    void reportsTooDeepInsteadOfCrashing_whenStackIsTiny() throws InterruptedException {
        // Within the nesting limit, but on a thread whose stack is far too small: the StackOverflowError is caught.
        int max = NestingGuard.MAX_DEPTH;
        String text = "(".repeat(max - 1) + "not a" + ")".repeat(max - 1);   // depth exactly MAX_DEPTH
        Diagnostics diags = new Diagnostics();
        Throwable[] escaped = new Throwable[1];
        Optional<?>[] ast = new Optional<?>[1];
        Thread t = new Thread(null, () -> {
            try {
                ast[0] = ConditionTestData.read(text, diags);
            } catch (Throwable e) {
                escaped[0] = e;
            }
        }, "tiny-stack", 64 * 1024);
        t.start();
        t.join();
        assertEquals(null, escaped[0]);
        if (ast[0].isEmpty()) {   // the JVM may round the stack up far enough to parse; both outcomes are fine
            assertEquals(Code.CONDITION_TOO_DEEP, diags.list().get(0).code());
            assertEquals("condition is nested too deeply to parse", diags.list().get(0).message());
        }
    }

    private static String chain(String op) {
        return IntStream.range(0, N).mapToObj(i -> "sel" + i).collect(Collectors.joining(op));
    }

    private static Condition parse(String text) {
        Diagnostics diags = new Diagnostics();
        Optional<Condition> ast = ConditionTestData.read(text, diags);
        assertEquals(List.of(), diags.list());
        return ast.orElseThrow();
    }

    private static Diagnostic onlyError(String text) {
        Diagnostics diags = new Diagnostics();
        Optional<Condition> ast = ConditionTestData.read(text, diags);
        assertFalse(ast.isPresent());
        assertEquals(1, diags.size(), () -> diags.list().toString());
        return diags.list().get(0);
    }
}
