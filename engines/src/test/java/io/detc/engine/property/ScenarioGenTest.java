package io.detc.engine.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on its own, without engines: every scenario it writes checks clean, the same seed gives the same
 * scenario, it reaches every feature it is meant to, and the shrinker finds a minimal scenario for a failure whose
 * cause is known.
 */
class ScenarioGenTest {
    private static final int SEEDS = 1000;

    @TempDir
    Path dir;

    @Test
    void everyGeneratedRuleChecksClean() throws IOException {
        List<String> bad = new ArrayList<>();
        TreeMap<String, Integer> warnings = new TreeMap<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            Scenario s = ScenarioGen.generate(seed);
            Path rules = dir.resolve("rules.yml");
            Files.writeString(rules, s.yaml(), StandardCharsets.UTF_8);
            Compilation c = Compiler.standard().compile(List.of(rules));
            for (Diagnostic d : c.diagnostics()) {
                if (d.isError() && bad.size() < 5) {
                    bad.add("seed " + seed + ": " + d.code().id() + " " + d.message() + "\n" + s.yaml());
                } else if (!d.isError()) {
                    warnings.merge(d.code().id(), 1, Integer::sum);
                }
            }
            assertEquals(s.documents(), c.documents().size(), s.yaml());
        }
        System.out.println("generator: " + SEEDS + " scenarios, warnings by code " + warnings);
        assertEquals("", String.join("\n", bad));
    }

    @Test
    void theSameSeedGivesTheSameScenario() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(ScenarioGen.generate(seed), ScenarioGen.generate(seed));
        }
    }

    @Test
    void reachesEveryFeature() {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < SEEDS; seed++) {
            Scenario s = ScenarioGen.generate(seed);
            all.append(s.yaml()).append(s.jsonl());
        }
        String text = all.toString();
        for (String feature : List.of("|contains", "|startswith", "|endswith", "|all", "|cased", "|re'", "|re|i",
                "|re|m", "|re|s", "|cidr", "|gt", "|gte", "|lt", "|lte", "|exists", "|neq", "|base64|",
                "|base64offset", "|windash", "|fieldref", "|hour", "|minute", ": null", "keywords:", "filter1:",
                " - '", "1 of sel*", "all of them", "filter:\n    rules:", "not ", " and ", " or ", "type: event_count",
                "type: value_count", "type: temporal\n", "type: temporal_ordered", "generate: true", "type: silence",
                " and not prop_r2", "|element': {'type'",
                "\"actor.id\"", "\"actor\": {", "+02:00", "\"yesterday\"", "\\u000a", "\u212a", "\uD83D\uDE00",
                "::ffff:", "1e3", "[]", "null",
                "'it''s", "\"it's\"", "q\\\"uote")) {
            assertTrue(text.contains(feature), "never generated: " + feature);
        }
    }

    @Test
    void shrinksToTheCauseOfAFailure() {
        // a failure caused by one item (an ip test) and one event (one holding an address in 10/8): the shrinker
        // must remove everything else
        java.util.function.Predicate<Scenario> fails = s -> s.rules().stream()
                .anyMatch(r -> r.yaml().contains("'ip|cidr'")) && s.jsonl().contains("\"ip\": \"10.");
        long seed = 0;
        while (!fails.test(ScenarioGen.generate(seed))) {
            seed++;
        }
        Shrinker.Result r = Shrinker.shrink(ScenarioGen.generate(seed), fails, 100_000);
        Scenario min = r.scenario();
        assertTrue(fails.test(min));
        assertEquals(1, min.rules().size(), min.describe());
        assertEquals(0, min.correlations().size(), min.describe());
        assertEquals(1, min.events().size(), min.describe());
        assertEquals(1, min.events().get(0).members().size(), min.describe());
        assertEquals(1, min.rules().get(0).selections().size(), min.describe());
        assertEquals(List.of(1), min.rules().get(0).selections().get(0).maps().stream().map(List::size).toList(),
                min.describe());
    }
}
