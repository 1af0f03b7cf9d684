package io.detc.condition;

import static org.junit.jupiter.api.Assertions.fail;

import io.detc.diag.DiagnosticRenderer;
import io.detc.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The syntax-error baseline {@code testdata/conditions/parser_errors.cases}, in cel-java's style: blocks of
 * {@code I: <input>} / {@code =====>} / rendered diagnostics. The inputs are read from the committed file, every
 * block is regenerated, and the whole text must match. On a mismatch the new text is written to
 * {@code parser_errors.cases.received}; review it and copy it over the committed file to approve.
 */
class ParserErrorsBaselineTest {
    private static final String SEPARATOR = "=====>";

    @Test
    void matchesBaseline_forEverySyntaxErrorCase() throws IOException {
        Path approved = ConditionTestData.dir().resolve("parser_errors.cases");
        Path received = approved.resolveSibling("parser_errors.cases.received");
        String expected = Files.exists(approved) ? Files.readString(approved, StandardCharsets.UTF_8) : "";
        String actual = regenerate(inputs(expected));
        if (actual.equals(expected)) {
            Files.deleteIfExists(received);
            return;
        }
        Files.writeString(received, actual, StandardCharsets.UTF_8);
        fail("parser_errors.cases differs from the parser's output (written to " + received + "):\n"
                + LineDiff.diff(expected, actual));
    }

    /** The {@code I:} lines, escapes still in place, so the regenerated file repeats them byte for byte. */
    private static List<String> inputs(String baseline) {
        List<String> out = new ArrayList<>();
        for (String line : baseline.split("\n", -1)) {
            if (line.startsWith("I:")) {
                out.add(line.substring(2).startsWith(" ") ? line.substring(3) : line.substring(2));
            }
        }
        return out;
    }

    private static String regenerate(List<String> inputs) {
        return inputs.stream().map(ParserErrorsBaselineTest::block).collect(Collectors.joining("\n"));
    }

    private static String block(String input) {
        Diagnostics diags = new Diagnostics();
        Optional<Condition> ast = ConditionTestData.read(ConditionTestData.unescape(input), diags);
        StringBuilder b = new StringBuilder("I: ").append(input).append('\n').append(SEPARATOR).append('\n');
        diags.list().forEach(d -> b.append(DiagnosticRenderer.render(d)).append('\n'));
        if (diags.size() == 0) {   // an error case that parses is a regression; make it stand out in the diff
            b.append("NO ERROR: ").append(ast.map(AstPrinter::print).orElse("(no AST)")).append('\n');
        }
        return b.toString();
    }
}
