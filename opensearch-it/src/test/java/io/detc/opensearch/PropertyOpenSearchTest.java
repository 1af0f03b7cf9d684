package io.detc.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.detc.engine.OpenSearchEngine;
import io.detc.engine.property.Cond;
import io.detc.engine.property.EventGen;
import io.detc.engine.property.Json;
import io.detc.engine.property.Rule;
import io.detc.engine.property.Scenario;
import io.detc.engine.property.ScenarioGen;
import io.detc.engine.property.Shrinker;
import io.detc.engine.property.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random rules over random events (issue 5) on the embedded OpenSearch node: the engines' property generator
 * ({@code io.detc.engine.property}) writes each scenario, and {@code detc eval --engine opensearch}'s engine must
 * print the evaluator's alert lines, in order, for every document the OpenSearch backend compiles as exact.
 * Approximated and unsupported documents are counted with their (known) reasons. A failure is shrunk and reported
 * as the minimal rule file, the minimal events and the seed that replays it.
 *
 * <p>Unlike the SQL property test the seed is fixed by default ({@value #DEFAULT_SEED}), so CI runs the same
 * scenarios every time; {@code -Ddetc.property.seed=S} moves it, {@code -Ddetc.property.tries=N} (default
 * {@value #DEFAULT_TRIES}: 35 to 50 s on the 2-core build machine) sets how many, and {@code -Ddetc.property.seed=S
 * -Ddetc.property.tries=1} replays one.
 */
class PropertyOpenSearchTest {
    static final long DEFAULT_SEED = 20260526L;
    static final int DEFAULT_TRIES = 80;
    private static final int TRIES = Integer.getInteger("detc.property.tries", DEFAULT_TRIES);
    private static final long SEED = Long.getLong("detc.property.seed", DEFAULT_SEED);
    /** Shrinking candidates to run at most (each loads and queries the node, tens of ms): a few minutes. */
    private static final int SHRINK_BUDGET = 600;

    private static OpenSearchEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        engine = OpenSearchEngine.connect(OpenSearchNode.get().base());
    }

    @AfterAll
    static void close() {
        assertEquals(List.of(), engine.leftOver(), "indices left after the runs");
        engine.close();
    }

    @Test
    void openSearchAgreesWithTheEvaluatorOnRandomRules() {
        OsScenarioCheck check = new OsScenarioCheck(dir, engine, true);
        long start = System.nanoTime();
        int withAlerts = 0;
        int alerts = 0;
        int compared = 0;
        int skipped = 0;
        List<String> skipReasons = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            long seed = SEED + i;
            Scenario s = ScenarioGen.generate(seed);
            OsScenarioCheck.Verdict v = check.check(s);
            if (v instanceof OsScenarioCheck.Verdict.Invalid inv) {
                fail("the generator wrote a rule that does not check clean (seed " + seed + "):\n" + s.describe()
                        + inv.diagnostics());
            }
            if (v instanceof OsScenarioCheck.Verdict.Fail f) {
                fail(shrunkReport(check, seed, s, f));
            }
            OsScenarioCheck.Verdict.Agree a = (OsScenarioCheck.Verdict.Agree) v;
            alerts += a.alerts();
            withAlerts += a.alerts() > 0 ? 1 : 0;
            compared += a.compared();
            skipped += a.skipped();
            skipReasons.addAll(a.skipReasons());
        }
        System.out.printf("property on opensearch: %d scenarios from seed %d in %.1f s: %d evaluator alerts, %d"
                        + " scenarios with alerts; %d documents compared, %d left out, reasons %s%n", TRIES, SEED,
                (System.nanoTime() - start) / 1e9, alerts, withAlerts, compared, skipped, tally(skipReasons));
        // not vacuous: rules that never fire, or documents all left out, prove nothing
        assertTrue(withAlerts * 4 >= TRIES, withAlerts + " of " + TRIES + " scenarios produced an alert");
        assertTrue(skipped <= compared, skipped + " documents left out, " + compared + " compared");
    }

    @Test
    void aDifferenceIsReportedShrunkWithItsSeed() {
        // OpenSearch's exists query is false for a field holding null, detc's exists true: a declared W402. With
        // declarations ignored the check must fail on it, and shrinking must leave one rule with the exists item
        // and one event with the null.
        Rule noise = new Rule(1, List.of(new Rule.Selection("sel1", List.of(List.of(
                new Rule.Item("ip", List.of("cidr"), List.of(new Value.Str("10.0.0.0/8"))),
                new Rule.Item("user", List.of("contains"), List.of(new Value.Str("li"))))), List.of())),
                new Cond.Ref("sel1"));
        Rule exists = new Rule(2, List.of(new Rule.Selection("sel1", List.of(List.of(
                new Rule.Item("user", List.of(), List.of(new Value.Str("alice"))),
                new Rule.Item("note", List.of("exists"), List.of(new Value.Bool(true))))), List.of()),
                new Rule.Selection("sel2", List.of(List.of(new Rule.Item("count", List.of("gt"),
                        List.of(new Value.Num("1"))))), List.of())), new Cond.Or(List.of(new Cond.Ref("sel1"),
                new Cond.Ref("sel2"))));
        EventGen gen = new EventGen(new SplittableRandom(7));
        List<Json.Obj> events = new ArrayList<>();
        events.add(gen.event(EventGen.START));
        events.add(new Json.Obj(List.of(new Json.Member("published", new Json.Str("2026-03-01T10:05:00Z")),
                new Json.Member("user", new Json.Str("alice")), new Json.Member("note", new Json.Null()),
                new Json.Member("ip", new Json.Str("10.1.2.3")))));
        events.add(gen.event(EventGen.START.plusSeconds(600)));
        Scenario s = new Scenario(List.of(noise, exists), List.of(), events);
        OsScenarioCheck strict = new OsScenarioCheck(dir, engine, false);
        OsScenarioCheck.Verdict v = strict.check(s);
        assertTrue(v instanceof OsScenarioCheck.Verdict.Fail, v.toString());
        assertTrue(new OsScenarioCheck(dir, engine, true).check(s) instanceof OsScenarioCheck.Verdict.Agree,
                "honoured, the declaration covers the difference");
        String report = shrunkReport(strict, 42, s, (OsScenarioCheck.Verdict.Fail) v);
        String shrunk = report.substring(report.indexOf("=== shrunk"), report.indexOf("--- differences"));
        assertTrue(report.contains("replay with -Ddetc.property.seed=42 -Ddetc.property.tries=1"), report);
        assertTrue(shrunk.contains("'note|exists': true") && !shrunk.contains("cidr") && !shrunk.contains("count")
                && !shrunk.contains("prop_r1"), report);
        assertTrue(shrunk.contains("(1 events)\n{\"note\": null}\n"), report);
        assertTrue(report.contains("  - {\"rule\":\"00000000-0000-4000-8000-000000000002\""), report);
    }

    @Test
    void networksSpelledWithMappedIpv4AddressesRun() {
        // Found by seed 1074: OpenSearch answered HTTP 400 to the term query for ::ffff:10.0.0.0/104 (and for any
        // CIDR whose address is IPv4-mapped); the backend now writes 10.0.0.0/8 and ::/1. On IPv6 text the two
        // agree even with the declared approximations ignored (IPv4 text would show the declared mapped-v4 one).
        Rule v6 = new Rule(1, List.of(new Rule.Selection("sel1", List.of(List.of(new Rule.Item("ip",
                List.of("cidr"), List.of(new Value.Str("::ffff:10.0.0.0/104"))))), List.of())), new Cond.Ref("sel1"));
        Rule wide = new Rule(2, List.of(new Rule.Selection("sel1", List.of(List.of(new Rule.Item("ip",
                List.of("cidr"), List.of(new Value.Str("::ffff:10.0.0.0/1"))))), List.of())), new Cond.Ref("sel1"));
        List<Json.Obj> events = new ArrayList<>();
        for (String ip : List.of("::ffff:10.1.2.3", "::ffff:11.0.0.1", "2001:db8::1", "fe80::1", "")) {
            events.add(new Json.Obj(List.of(new Json.Member("published", new Json.Str("2026-03-01T10:05:00Z")),
                    new Json.Member("ip", new Json.Str(ip)))));
        }
        OsScenarioCheck.Verdict v = new OsScenarioCheck(dir, engine, false).check(
                new Scenario(List.of(v6, wide), List.of(), events));
        assertTrue(v instanceof OsScenarioCheck.Verdict.Agree a && a.alerts() == 4 && a.compared() == 2,
                v.toString());
    }

    static String shrunkReport(OsScenarioCheck check, long seed, Scenario s, OsScenarioCheck.Verdict.Fail f) {
        Shrinker.Result r = Shrinker.shrink(s,
                x -> check.check(x) instanceof OsScenarioCheck.Verdict.Fail, SHRINK_BUDGET);
        OsScenarioCheck.Verdict last = check.check(r.scenario());
        String why = last instanceof OsScenarioCheck.Verdict.Fail lf ? lf.report() : last.toString();
        return "opensearch disagrees with the evaluator (seed " + seed + "; replay with -Ddetc.property.seed=" + seed
                + " -Ddetc.property.tries=1)\n=== shrunk in " + r.steps() + " steps (" + r.tried()
                + " candidates" + (r.exhausted() ? ", budget spent" : "") + ") ===\n" + r.scenario().describe()
                + "--- differences\n" + why + "\n=== as generated ===\n" + s.describe() + "--- differences\n"
                + f.report();
    }

    private static Map<String, Integer> tally(List<String> reasons) {
        Map<String, Integer> out = new LinkedHashMap<>();
        reasons.forEach(r -> out.merge(r, 1, Integer::sum));
        return out;
    }
}
