package io.detc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.pipeline.FieldResolver;
import io.detc.run.AlertJson;
import io.detc.run.EvalRun;
import io.detc.run.EventInput;
import io.detc.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The AN0496 pack: clean under {@code check --strict}, every declared case passes, and on the 24-hour tenant
 * timeline it alerts exactly on the embedded attacks (testdata/an0496/tenant-24h/expected-alerts.jsonl) and on
 * nothing else.
 */
class An0496PackTest {
    private static final Path REPO = TestData.dir().getParent();
    private static final Path PACK = REPO.resolve("rules/an0496");
    private static final Path TIMELINE = REPO.resolve("testdata/an0496/tenant-24h");

    @Test
    void checksCleanUnderStrict() {
        CliRun run = CliRun.of("check", "--strict", "--quiet", PACK.toString());
        assertEquals(0, run.exit(), run.transcript());
    }

    @Test
    void everyDeclaredCasePasses() {
        CliRun run = CliRun.of("test", PACK.toString());
        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().matches("(?s).*\\n\\d{2,} passed, 0 failed\\n.*"), run.out());
    }

    @Test
    void timelineAlertsExactlyOnTheEmbeddedAttacks() throws Exception {
        Compilation c = Compiler.standard().compile(List.of(PACK));
        assertTrue(!c.hasErrors());
        List<String> got = new ArrayList<>();
        // Paths as the expected file names them: relative to the repository root.
        List<EventInput> inputs = List.of("okta.jsonl.gz", "entra.jsonl.gz").stream()
                .map(f -> new EventInput(TIMELINE.resolve(f), "testdata/an0496/tenant-24h/" + f, Optional.empty()))
                .toList();
        new EvalRun(c, FieldResolver.standard()).run(inputs, a -> got.add(AlertJson.line(a)),
                p -> got.add("problem: " + p), n -> { });
        List<String> expected = Files.readAllLines(TIMELINE.resolve("expected-alerts.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        assertEquals(expected, got);
    }
}
