package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.ir.IrPrinter;
import io.detc.ir.Predicate;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator's conformance suite: each {@code testdata/conformance/<feature>.yml} rule is compiled with the real
 * front end, and every line of {@code <feature>.cases.jsonl} ({@code {"expect": true|false|"unsupported", "why": ..,
 * "event": {..}}}) must come out as expected. {@code "unsupported"} means the rule has an unresolved placeholder:
 * {@link Evaluator#unsupported} reports it and evaluation throws. A failure lists every wrong case with its file,
 * line and reason.
 */
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> rules() {
        return TestData.files("conformance", ".yml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyCaseHolds(Path rule) throws IOException {
        Compilation c = Compiler.standard().compile(List.of(rule));
        String errors = c.diagnostics().stream().filter(Diagnostic::isError).map(DiagnosticRenderer::render)
                .collect(Collectors.joining("\n"));
        assertEquals("", errors, "conformance rules must compile without errors");
        assertEquals(1, c.lowered().size(), rule + " must hold exactly one rule");
        Predicate p = c.lowered().get(0).predicate();
        CompiledRule compiled = Evaluator.compile(p);
        List<String> unsupported = Evaluator.unsupported(p);
        List<Case> cases = cases(rule);
        assertTrue(!cases.isEmpty(), "no cases for " + rule);
        List<String> failures = new ArrayList<>();
        for (Case k : cases) {
            String got = outcome(compiled, k.event());
            if (got.equals("unsupported") && unsupported.isEmpty()) {
                got = "threw without an unsupported() report";
            }
            if (!got.equals(k.expect())) {
                failures.add(casesFile(rule).getFileName() + ":" + k.line() + ": expected " + k.expect() + ", got "
                        + got + " (" + k.why() + ")\n    event: " + k.event());
            }
        }
        if (!failures.isEmpty()) {
            fail(rule + "\n  ir: " + IrPrinter.print(p) + "\n  " + String.join("\n  ", failures));
        }
    }

    @Test
    void casesAreComplete() throws IOException {
        Map<String, Integer> perFeature = new TreeMap<>();
        for (Path rule : rules()) {
            List<Case> cases = cases(rule);
            perFeature.put(TestData.stem(rule), cases.size());
            boolean unsupported = cases.stream().allMatch(k -> k.expect().equals("unsupported"));
            if (!unsupported) {
                assertTrue(cases.stream().anyMatch(k -> k.expect().equals("true")), rule + ": no true positive");
                assertTrue(cases.stream().anyMatch(k -> k.expect().equals("false")), rule + ": no near miss");
            }
        }
        for (Path orphan : TestData.files("conformance", ".cases.jsonl")) {
            String name = orphan.getFileName().toString();
            Path rule = orphan.resolveSibling(name.substring(0, name.length() - ".cases.jsonl".length()) + ".yml");
            assertTrue(Files.exists(rule), "cases without a rule: " + orphan);
        }
        int total = perFeature.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total >= 150, "only " + total + " conformance cases: " + perFeature);
    }

    private static String outcome(CompiledRule compiled, JsonNode event) {
        try {
            return Boolean.toString(compiled.matches(event));
        } catch (IllegalStateException e) {
            return "unsupported";
        }
    }

    /** One line of a cases file; {@code expect} is "true", "false" or "unsupported". */
    private record Case(int line, String expect, String why, JsonNode event) {
    }

    private static Path casesFile(Path rule) {
        return rule.resolveSibling(TestData.stem(rule) + ".cases.jsonl");
    }

    private static List<Case> cases(Path rule) throws IOException {
        Path file = casesFile(rule);
        assertTrue(Files.exists(file), "rule without cases: " + rule);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            JsonNode node = JSON.readTree(lines.get(i));
            JsonNode expect = node.get("expect");
            boolean valid = expect != null && (expect.isBoolean() || "unsupported".equals(expect.textValue()));
            assertTrue(valid, where + ": expect must be true, false or \"unsupported\"");
            assertTrue(node.hasNonNull("why") && node.hasNonNull("event"), where + ": needs why and event");
            out.add(new Case(i + 1, expect.asText(), node.get("why").asText(), node.get("event")));
        }
        return out;
    }
}
