package io.detc.engine.property;

import static io.detc.engine.property.Pool.chance;
import static io.detc.engine.property.Pool.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Scenarios from a seed: the same seed gives the same scenario on every machine (SplittableRandom is specified
 * bit for bit), so a failure is replayed by its seed. Three in four scenarios are one to three single-event rules
 * over up to twelve events; one in four is a correlation (event_count, value_count, temporal, temporal_ordered,
 * absence or silence) over one or two generated rules.
 */
public final class ScenarioGen {
    /** The most events in one scenario: enough for windows and thresholds, small enough to read when shrunk. */
    public static final int MAX_EVENTS = 12;

    private ScenarioGen() {
    }

    public static Scenario generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean correlated = chance(r, 0.25);
        // correlations need several events of one group inside a window
        List<Json.Obj> events = new EventGen(r).events(correlated ? 6 : 1, MAX_EVENTS);
        RuleGen g = new RuleGen(r, events);
        if (correlated) {
            return correlated(r, g, events);
        }
        List<Rule> rules = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 1; i <= n; i++) {
            rules.add(g.rule(i));
        }
        List<Filter> filters = new ArrayList<>();
        if (chance(r, 0.15)) {
            // a filter on the first rule, sometimes on every rule
            List<String> ids = chance(r, 0.7) ? List.of(rules.get(0).id()) : rules.stream().map(Rule::id).toList();
            filters.add(new Filter(1, ids, g.selectionNamed("filter"),
                    chance(r, 0.8) ? new Cond.Not(new Cond.Ref("filter")) : new Cond.Ref("filter")));
        }
        return new Scenario(rules, List.of(), filters, events);
    }

    private static Scenario correlated(SplittableRandom r, RuleGen g, List<Json.Obj> events) {
        String type = pick(r, List.of("event_count", "value_count", "temporal", "temporal_ordered", "absence",
                "silence"));
        boolean absence = type.equals("absence");
        if (absence) {
            type = "temporal";
        }
        boolean two = type.startsWith("temporal") || chance(r, 0.3);
        List<Rule> rules = new ArrayList<>();
        for (int i = 1; i <= (two ? 2 : 1); i++) {
            rules.add(chance(r, 0.7) ? g.simple(i) : g.rule(i));
        }
        List<String> groupBy = switch (r.nextInt(6)) {
            case 0 -> List.of("actor.id");
            case 1 -> List.of("user", "actor.id");
            default -> List.of("user");
        };
        if (type.equals("silence") && chance(r, 0.3)) {
            groupBy = List.of();
        }
        Optional<Integer> gte = type.startsWith("temporal") || type.equals("silence")
                ? (type.equals("temporal") && !absence && chance(r, 0.3) ? Optional.of(1 + r.nextInt(2))
                : Optional.empty())
                : Optional.of(1 + r.nextInt(3));
        Optional<String> expression = absence ? Optional.of(rules.get(0).name() + " and not " + rules.get(1).name())
                : Optional.empty();
        Optional<String> field = type.equals("value_count")
                ? Optional.of(pick(r, List.of("name", "ip", "count", "cmd"))) : Optional.empty();
        Correlation c = new Correlation(1, type, rules.stream().map(Rule::name).toList(), groupBy,
                pick(r, List.of("1m", "5m", "15m", "1h", "2h")), gte, field, expression, chance(r, 0.3));
        return new Scenario(rules, List.of(c), events);
    }
}
