package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import io.detc.event.LogSourceKey;
import io.detc.rule.Document;
import io.detc.run.EventInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every approximation the SQL backend declares (W402), pinned: the rule is reported approximated with the reason,
 * and an event shows the difference on the dialects it affects (and none where the dialect happens to be exact).
 * If one of these starts agreeing, the declaration is stale; if a new difference appears, DifferentialTest fails.
 */
class ApproximationsTest {
    @TempDir
    Path dir;

    private static final String RULE = """
            title: %s
            id: 00000000-0000-4000-8000-0000000000%s
            status: test
            logsource:
                product: detc
                service: pinned
            detection:
            %s
            level: low
            """;

    private record Outcome(Compilation compilation, List<String> evaluator, List<String> duckdb, List<String> sqlite,
                           List<String> postgres, List<String> postgresNotLoaded) {
        List<String> of(String engine) {
            return switch (engine) {
                case "duckdb" -> duckdb;
                case "sqlite" -> sqlite;
                default -> postgres;
            };
        }
    }

    private Outcome run(String yaml, String... events) throws IOException {
        Path rule = dir.resolve("rule.yml");
        Files.writeString(rule, yaml, StandardCharsets.UTF_8);
        Path ev = dir.resolve("events.jsonl");
        Files.writeString(ev, String.join("\n", events) + "\n", StandardCharsets.UTF_8);
        Compilation c = Compiler.standard().compile(List.of(rule));
        assertTrue(!c.hasErrors(), c.diagnostics().toString());
        List<EventInput> in = List.of(new EventInput(ev, "events.jsonl", LogSourceKey.parse("detc/pinned")));
        EngineResult pg = SharedEngines.get("postgres").execute(c, in);
        return new Outcome(c, SharedEngines.evaluator().run(c, in), SharedEngines.get("duckdb").run(c, in),
                SharedEngines.get("sqlite").run(c, in), pg.alerts(), pg.notLoaded());
    }

    private static void approximated(Compilation c, String engine, String reason) {
        SqlEngine e = SharedEngines.get(engine);
        for (Document d : c.documents()) {
            Compiled r = e.backend().compile(c, d, e.backend().defaultPipelines(), "query");
            if (r.fidelity() instanceof Fidelity.Approximated a
                    && a.reasons().stream().anyMatch(x -> x.contains(reason))) {
                return;
            }
        }
        throw new AssertionError(engine + " does not declare '" + reason + "'");
    }

    @Test
    void fractionalNumbersAreMatchedAsTheEnginePrintsThem() throws IOException {
        Outcome o = run(String.format(RULE, "number text", "01", "    selection:\n        x|startswith: '1.0E'\n"
                + "    condition: selection"), "{\"x\": 1e21}", "{\"x\": \"1.0E5\"}");
        assertEquals(2, o.evaluator().size(), "Java prints the double 1e21 as 1.0E21");
        for (String engine : List.of("duckdb", "sqlite", "postgres")) {
            approximated(o.compilation(), engine, "the way the engine prints it");
        }
        assertEquals(1, o.duckdb().size(), "DuckDB prints 1e21");
        assertEquals(1, o.postgres().size(), "PostgreSQL's numeric prints 1000000000000000000000");
        assertEquals(o.evaluator(), o.sqlite(), "SQLite keeps the stored text, which Jackson wrote as Java does");
    }

    @Test
    void postgresFoldsRegexCaseByItsOwnTables() throws IOException {
        Outcome o = run(String.format(RULE, "regex i", "02", "    selection:\n        x|re|i: '^k$'\n"
                + "    condition: selection"), "{\"x\": \"\u212a\"}", "{\"x\": \"K\"}");
        assertEquals(2, o.evaluator().size(), "RE2 folds the Kelvin sign to k");
        approximated(o.compilation(), "postgres", "regex flag i in PostgreSQL");
        assertEquals(1, o.postgres().size());
        assertEquals(o.evaluator(), o.duckdb());
        assertEquals(o.evaluator(), o.sqlite());
    }

    @Test
    void postgresCannotStoreNul() throws IOException {
        Outcome o = run(String.format(RULE, "nul", "03", "    selection:\n        x: a\n    condition: selection"),
                "{\"x\": \"a\", \"y\": \"\\u0000\"}", "{\"x\": \"a\"}");
        assertEquals(2, o.evaluator().size());
        assertEquals(List.of("events.jsonl:1: PostgreSQL text cannot hold the NUL character (U+0000)"),
                o.postgresNotLoaded());
        assertEquals(1, o.postgres().size());
        assertEquals(o.evaluator(), o.duckdb());
        assertEquals(o.evaluator(), o.sqlite());
    }

    @Test
    void sumsAreDoublesExceptInPostgres() throws IOException {
        String yaml = """
                title: inner
                id: 00000000-0000-4000-8000-000000000004
                name: pinned_inner
                status: test
                logsource:
                    product: okta
                    service: okta
                detection:
                    selection:
                        eventType: pinned.test
                    condition: selection
                level: low
                ---
                title: sum is exactly 0.3
                id: 00000000-0000-4000-8000-000000000005
                status: test
                correlation:
                    type: value_sum
                    rules: [pinned_inner]
                    group-by: [actor.alternateId]
                    timespan: 1h
                    condition:
                        eq: 0.3
                        field: debugContext.debugData.v
                level: low
                """;
        String event = "{\"uuid\": \"%s\", \"published\": \"2026-01-01T00:0%d:00Z\", \"eventType\": \"pinned.test\","
                + " \"actor\": {\"alternateId\": \"a\"}, \"debugContext\": {\"debugData\": {\"v\": \"%s\"}}}";
        Path rule = dir.resolve("rule.yml");
        Files.writeString(rule, yaml, StandardCharsets.UTF_8);
        Path ev = dir.resolve("events.jsonl");
        Files.writeString(ev, String.format(event, "u1", 0, "0.1") + "\n" + String.format(event, "u2", 1, "0.2")
                + "\n", StandardCharsets.UTF_8);
        Compilation c = Compiler.standard().compile(List.of(rule));
        assertTrue(!c.hasErrors(), c.diagnostics().toString());
        List<EventInput> in = List.of(new EventInput(ev, "events.jsonl", java.util.Optional.empty()));
        List<String> want = SharedEngines.evaluator().run(c, in);
        assertEquals(1, want.size(), "0.1 + 0.2 is exactly 0.3 as decimals");
        for (String engine : List.of("duckdb", "sqlite")) {
            approximated(c, engine, "as doubles");
            assertEquals(List.of(), SharedEngines.get(engine).run(c, in), engine + ": 0.1 + 0.2 is not 0.3 in doubles");
        }
        assertEquals(want, SharedEngines.get("postgres").run(c, in), "PostgreSQL adds numeric values exactly");
    }
}
