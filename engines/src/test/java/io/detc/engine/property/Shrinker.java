package io.detc.engine.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reduces a failing scenario to a locally minimal one: repeatedly takes the first one-step simplification
 * ({@link Smaller}) that still fails, coarse steps first (a whole document, half the events), until none does or
 * the budget of tries is spent. The test decides what "fails" means; it must say no for scenarios that do not
 * check clean, so the result is always a valid rule file.
 */
public final class Shrinker {
    private Shrinker() {
    }

    /** What shrinking ended with and how many candidates it ran. */
    public record Result(Scenario scenario, int steps, int tried, boolean exhausted) {
    }

    public static Result shrink(Scenario start, Predicate<Scenario> fails, int budget) {
        Scenario current = start;
        int steps = 0;
        int tried = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Scenario candidate : candidates(current)) {
                if (tried++ >= budget) {
                    return new Result(current, steps, tried - 1, true);
                }
                if (fails.test(candidate)) {
                    current = candidate;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(current, steps, tried, false);
    }

    /** Every one-step simplification, coarse first. */
    public static List<Scenario> candidates(Scenario s) {
        List<Scenario> out = new ArrayList<>();
        List<Json.Obj> ev = s.events();
        List<Rule> rs = s.rules();
        List<Correlation> cs = s.correlations();
        List<Filter> fs = s.filters();
        Smaller.dropOne(cs, 0).forEach(c -> out.add(new Scenario(rs, c, fs, ev)));
        Smaller.dropOne(fs, 0).forEach(f -> out.add(new Scenario(rs, cs, f, ev)));
        Smaller.dropOne(rs, 1).forEach(r -> out.add(new Scenario(r, cs, fs, ev)));
        if (ev.size() > 1) {
            out.add(new Scenario(rs, cs, fs, ev.subList(0, ev.size() / 2)));
            out.add(new Scenario(rs, cs, fs, ev.subList(ev.size() / 2, ev.size())));
        }
        Smaller.dropOne(ev, 1).forEach(e -> out.add(new Scenario(rs, cs, fs, e)));
        Smaller.replaceOne(rs, Smaller::rule).forEach(r -> out.add(new Scenario(r, cs, fs, ev)));
        Smaller.replaceOne(cs, Smaller::correlation).forEach(c -> out.add(new Scenario(rs, c, fs, ev)));
        Smaller.replaceOne(fs, Smaller::filter).forEach(f -> out.add(new Scenario(rs, cs, f, ev)));
        Smaller.replaceOne(ev, Smaller::object).forEach(e -> out.add(new Scenario(rs, cs, fs, e)));
        return out;
    }
}
