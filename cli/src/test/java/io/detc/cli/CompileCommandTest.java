package io.detc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code detc compile}: stdout with a comment per rule, SQL dialects, -o DIR, --report json, and exit codes. */
class CompileCommandTest {
    @TempDir
    Path tmp;

    private static String data(String rel) {
        return TestData.dir().resolve(rel).toString();
    }

    @Test
    void queriesOnStdoutWithACommentNamingEachRule() {
        for (String target : new String[] {"kql", "spl"}) {
            CliRun run = CliRun.of("compile", "--target", target, data("rules/correlation_chain.yml"));
            assertEquals(0, run.exit(), run.transcript());
            Approvals.verify(run.transcript(), new Options().forFile()
                    .withNamer(GoldenNamer.of("golden/cli", "compile_chain_" + target)).forFile().withExtension(".txt"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"duckdb", "postgres", "sqlite"})
    void sqlInEachDialect(String dialect) {
        CliRun run = CliRun.of("compile", "--target", "sql", "--dialect", dialect, data("rules/modifier_cidr.yml"));
        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("-- detc sql (" + dialect + "): "), run.out());
        Approvals.verify(run.transcript(), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/cli", "compile_cidr_sql_" + dialect)).forFile().withExtension(".txt"));
    }

    @Test
    void sqlDefaultsToDuckDb() {
        CliRun plain = CliRun.of("compile", "--target", "sql", data("rules/modifier_cidr.yml"));
        assertEquals(0, plain.exit(), plain.transcript());
        assertEquals(CliRun.of("compile", "--target", "sql", "--dialect", "duckdb", data("rules/modifier_cidr.yml"))
                .out(), plain.out());
    }

    @Test
    void unknownDialectListsTheKnownOnes() {
        CliRun run = CliRun.of("compile", "--target", "sql", "--dialect", "oracle", data("rules/modifier_cidr.yml"));
        assertEquals(2, run.exit(), run.transcript());
        assertTrue(run.err().contains("unknown SQL dialect 'oracle'; known: duckdb, postgres, sqlite"), run.err());
        assertEquals("", run.out());
        CliRun kql = CliRun.of("compile", "--target", "kql", "--dialect", "duckdb", data("rules/modifier_cidr.yml"));
        assertEquals(2, kql.exit(), kql.transcript());
        assertTrue(kql.err().contains("--dialect is for --target sql; kql has none"), kql.err());
    }

    @Test
    void helpNamesTheDialects() {
        CliRun run = CliRun.of("compile", "--help");
        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("--dialect=NAME SQL dialect of --target sql: duckdb,"
                + " postgres, sqlite (default: duckdb)"), run.out());
    }

    @Test
    void oneFilePerRuleWithMinusO() throws Exception {
        CliRun run = CliRun.of("compile", "--target", "kql", "-o", tmp.toString(), data("rules/correlation_chain.yml"),
                data("rules/modifier_cidr.yml"));
        assertEquals(0, run.exit(), run.transcript());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(java.util.List.of("correlation_chain.7d2f0c1a-5b3e-4c8d-9a6f-000000000151.kql",
                    "correlation_chain.7d2f0c1a-5b3e-4c8d-9a6f-000000000152.kql",
                    "correlation_chain.7d2f0c1a-5b3e-4c8d-9a6f-000000000153.kql",
                    "correlation_chain.7d2f0c1a-5b3e-4c8d-9a6f-000000000154.kql", "modifier_cidr.kql"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void fidelityReportForSeveralTargets() throws Exception {
        CliRun run = CliRun.of("compile", "--target", "kql", "--target", "spl", "--report", "json",
                data("rules/modifier_null.yml"), data("rules/modifier_equals.yml"));
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("detc.fidelity/1", root.get("schema").asText());
        assertEquals(4, root.get("results").size());
        boolean approximated = false;
        for (JsonNode r : root.get("results")) {
            approximated |= r.get("fidelity").asText().equals("approximated") && r.get("reasons").size() > 0;
        }
        assertTrue(approximated, "null is a declared approximation on both targets: " + run.out());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, CliRun.of("compile", "--target", "nosuch", data("rules")).exit());
        assertEquals(2, CliRun.of("compile", "--target", "kql", "--format", "pdf", data("rules/modifier_equals.yml")).exit());
        assertEquals(2, CliRun.of("compile", "--target", "kql", "--target", "spl", data("rules")).exit());
        assertEquals(2, CliRun.of("compile", "--target", "kql", "--pipeline", "no-such-pipeline", data("rules")).exit());
    }
}
