package io.detc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/**
 * {@code detc coverage}: approved md, csv, json and navigator outputs, a sample with known gaps that gives exactly
 * those findings, and the HTML report rendered in headless Chromium.
 */
class CoverageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "coverage/okta-sample-gaps.jsonl";
    private static final List<String> RULES = List.of("rules/modifier_exists.yml", "rules/modifier_cased.yml",
            "rules/modifier_equals.yml", "rules/correlation_silence.yml", "rules/correlation_aliases.yml");

    private static String data(String rel) {
        return TestData.dir().resolve(rel).toString();
    }

    private static CliRun coverage(String... extra) {
        List<String> args = new ArrayList<>(List.of("coverage", "--target", "kql", "--target", "spl", "--sample",
                data(SAMPLE)));
        args.addAll(List.of(extra));
        RULES.forEach(r -> args.add(data(r)));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void approve(String name, String ext, String text) {
        Approvals.verify(text, new Options().forFile().withNamer(GoldenNamer.of("golden/coverage", name))
                .forFile().withExtension(ext));
    }

    @Test
    void sampleWithKnownGapsGivesExactlyThoseFindings() throws IOException {
        CliRun run = CliRun.of(jsonArgs());
        assertEquals(0, run.exit(), run.transcript());
        JsonNode root = JSON.readTree(run.out());
        List<String> blind = new ArrayList<>();
        root.get("rules").forEach(r -> {
            if (!r.get("can_fire").asBoolean()) {
                blind.add(r.get("rule").asText() + ": " + r.get("missing"));
            }
        });
        assertEquals(List.of(
                "7d2f0c1a-5b3e-4c8d-9a6f-000000000191: [\"rule powershell_signin is blind\",\"rule graph_call_for_alias is blind\"]",
                "7d2f0c1a-5b3e-4c8d-9a6f-000000000192: [\"log source azure/signinlogs absent\"]",
                "7d2f0c1a-5b3e-4c8d-9a6f-000000000193: [\"log source azure/graphactivitylogs absent\"]",
                "7d2f0c1a-5b3e-4c8d-9a6f-000000000005: [\"event type system.api_token.create absent\"]",
                "7d2f0c1a-5b3e-4c8d-9a6f-000000000009: [\"field securityContext.isProxy always null\"]"), blind);
        JsonNode okta = root.get("sample").get("sources").get(0);
        assertEquals("okta/okta", okta.get("source").asText());
        assertEquals(1, okta.get("gaps").size(), "one silence longer than an hour");
        assertEquals(122, okta.get("gaps").get(0).get("minutes").asInt());
        assertEquals(2, okta.get("duplicates").asInt());
        assertEquals(0, okta.get("out_of_order").asInt());
    }

    private static String[] jsonArgs() {
        List<String> args = new ArrayList<>(List.of("coverage", "--format", "json", "--sample", data(SAMPLE)));
        RULES.forEach(r -> args.add(data(r)));
        return args.toArray(String[]::new);
    }

    @Test
    void failOnGapsExitsOne() {
        assertEquals(0, coverage().exit());
        assertEquals(1, coverage("--fail-on-gaps").exit());
    }

    @Test
    void approvedFormats() {
        for (String f : List.of("md", "csv", "json", "navigator")) {
            CliRun run = coverage("--format", f);
            assertEquals(0, run.exit(), run.transcript());
            approve("sample_gaps", "." + f + (f.equals("navigator") ? ".json" : ""), run.out());
        }
    }

    @Test
    void approvedFormatsOfTheAn0496Pack() {
        // Relative to the module folder Surefire runs in, so the paths in the goldens do not depend on the checkout.
        String pack = Path.of("..", "rules", "an0496").toString();
        for (String f : List.of("md", "csv", "json", "navigator")) {
            CliRun run = CliRun.of("coverage", "--target", "kql", "--target", "spl", "--format", f,
                    "--name", "AN0496 cloud IdP credential access", pack);
            assertEquals(0, run.exit(), run.transcript());
            approve("an0496", "." + f + (f.equals("navigator") ? ".json" : ""), run.out());
        }
    }

    @Test
    void htmlRendersInHeadlessChromium() throws Exception {
        Path repo = TestData.dir().getParent();
        Path tool = repo.resolve("tools/html-check");
        assertTrue(Files.isDirectory(tool.resolve("node_modules/playwright-core")),
                "run `npm ci --prefix tools/html-check` (scripts/test does) to install playwright-core");
        Path out = repo.resolve("cli/target/coverage");
        Files.createDirectories(out);
        Path html = out.resolve("coverage.html");
        CliRun run = coverage("--format", "html", "-o", html.toString());
        assertEquals(0, run.exit(), run.transcript());
        Path expect = out.resolve("expect.json");
        Files.writeString(expect, """
                {"rows": ["7d2f0c1a-5b3e-4c8d-9a6f-000000000001", "7d2f0c1a-5b3e-4c8d-9a6f-000000000141"],
                 "blind": ["7d2f0c1a-5b3e-4c8d-9a6f-000000000005", "7d2f0c1a-5b3e-4c8d-9a6f-000000000009"],
                 "cells": [{"rule": "7d2f0c1a-5b3e-4c8d-9a6f-000000000001", "col": "okta/okta", "text": "●", "class": "ok"},
                           {"rule": "7d2f0c1a-5b3e-4c8d-9a6f-000000000192", "col": "azure/signinlogs", "text": "●", "class": "miss"},
                           {"rule": "7d2f0c1a-5b3e-4c8d-9a6f-000000000001", "col": "azure/signinlogs", "text": ""}],
                 "healthSources": ["okta/okta"]}
                """);
        Path shot = out.resolve("coverage.png");
        Process p = new ProcessBuilder("node", tool.resolve("html-check.js").toString(), html.toString(),
                shot.toString(), expect.toString()).redirectErrorStream(true).start();
        String result = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "html-check timed out");
        assertEquals(0, p.exitValue(), result);
        assertTrue(JSON.readTree(result.lines().reduce((a, b) -> b).orElse("{}")).get("ok").asBoolean(), result);
        assertTrue(Files.size(shot) > 10_000, "a screenshot was saved");
    }
}
