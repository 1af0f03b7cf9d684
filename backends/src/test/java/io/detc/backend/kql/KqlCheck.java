package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Microsoft's KQL parser and analyser (tools/kql-check: Kusto.Language from npm
 * {@code @kusto/language-service-next}) over many queries in one node process, with the Sentinel schema generated
 * from {@code kql/sentinel-tables.yml}, so an unknown table, column or function is an error like a syntax error.
 * Without {@code tools/kql-check/node_modules} the calling test fails and says how to install it.
 */
final class KqlCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One query's outcome: Kusto's error diagnostics and, when asked for, its string literal values. */
    record Result(String id, boolean ok, List<String> errors, List<String> literals) {
    }

    private KqlCheck() {
    }

    /** The repository root (the parent of testdata/). */
    static Path root() {
        return TestData.dir().getParent();
    }

    static Path tool() {
        return root().resolve("tools").resolve("kql-check");
    }

    /** Fails the test with the fix when the parser is not installed. */
    static void requireInstalled() {
        Path lib = tool().resolve("node_modules").resolve("@kusto").resolve("language-service-next");
        if (!Files.isDirectory(lib)) {
            fail("Microsoft's KQL parser is not installed: run `npm ci --prefix tools/kql-check` (needs node and"
                    + " npm; the test command does it), then run the tests again. Missing: " + lib);
        }
    }

    /** Writes the analyser schema for {@code schema} under backends/target and returns its path. */
    static Path schemaFile(SentinelSchema schema) {
        try {
            Path dir = root().resolve("backends").resolve("target");
            Files.createDirectories(dir);
            Path f = dir.resolve("kql-check-schema.json");
            Files.writeString(f, schema.toCheckerJson(), StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks {@code queries} (id → query) in one run; with {@code schema} the queries are analysed against it,
     * without only parsed. Results keep the input order.
     */
    static List<Result> run(Map<String, String> queries, SentinelSchema schema, boolean literals) {
        requireInstalled();
        List<String> cmd = new ArrayList<>(List.of("node", tool().resolve("kql-check.js").toString()));
        if (schema != null) {
            cmd.add("--schema");
            cmd.add(schemaFile(schema).toString());
        }
        if (literals) {
            cmd.add("--literals");
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("id", q.getKey());
                    line.put("query", q.getValue());
                    in.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] bytes = out.get(300, TimeUnit.SECONDS);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("kql-check did not finish");
            }
            if (p.exitValue() > 1) {
                fail("kql-check failed with exit code " + p.exitValue());
            }
            List<Result> results = new ArrayList<>();
            for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (l.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(l);
                List<String> errors = new ArrayList<>();
                for (JsonNode d : n.get("diagnostics")) {
                    if (d.get("severity").asText().equals("Error")) {
                        errors.add(d.get("code").asText() + " " + d.get("message").asText() + " at " + d.get("start")
                                .asInt() + ": '" + d.get("text").asText() + "'");
                    }
                }
                List<String> lits = new ArrayList<>();
                if (n.has("literals")) {
                    n.get("literals").forEach(x -> lits.add(x.asText()));
                }
                results.add(new Result(n.get("id").asText(), n.get("ok").asBoolean(), errors, lits));
            }
            if (results.size() != queries.size()) {
                fail("kql-check answered " + results.size() + " of " + queries.size() + " queries");
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node tools/kql-check/kql-check.js (is node installed?)", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks queries and returns the failures as readable text (empty when every query is valid). */
    static List<String> failures(Map<String, String> queries, SentinelSchema schema) {
        List<String> out = new ArrayList<>();
        for (Result r : run(queries, schema, false)) {
            if (!r.ok()) {
                out.add(r.id() + ": " + String.join("; ", r.errors()) + "\n" + queries.get(r.id()));
            }
        }
        return out;
    }

    static Map<String, String> ordered() {
        return new LinkedHashMap<>();
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
