package io.detc.engine.property;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The one-step simplifications of each part of a scenario, smallest first where that is cheap to say: drop a
 * list element, replace a compound by a part, shorten a string. Each returns new values; nothing is changed in
 * place. A simplification may make a rule invalid (a condition naming a removed selection): the caller's test
 * rejects those.
 */
final class Smaller {
    private Smaller() {
    }

    /** The list without one element, for each element (keeps at least {@code min}). */
    static <T> List<List<T>> dropOne(List<T> list, int min) {
        List<List<T>> out = new ArrayList<>();
        if (list.size() <= min) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            List<T> l = new ArrayList<>(list);
            l.remove(i);
            out.add(l);
        }
        return out;
    }

    /** The list with one element replaced by each of its simplifications. */
    static <T> List<List<T>> replaceOne(List<T> list, Function<T, List<T>> simpler) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (T s : simpler.apply(list.get(i))) {
                List<T> l = new ArrayList<>(list);
                l.set(i, s);
                out.add(l);
            }
        }
        return out;
    }

    /** Shorter strings: empty, the first half, without the first or the last code point. */
    static List<String> string(String s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        int n = s.codePointCount(0, s.length());
        if (n == 0) {
            return List.of();
        }
        out.add("");
        out.add(s.substring(0, s.offsetByCodePoints(0, n / 2)));
        out.add(s.substring(s.offsetByCodePoints(0, 1)));
        out.add(s.substring(0, s.offsetByCodePoints(0, n - 1)));
        out.remove(s);
        return List.copyOf(out);
    }

    /** A condition's parts, one term fewer, or one part simplified. */
    static List<Cond> cond(Cond c, List<String> names) {
        List<Cond> out = new ArrayList<>();
        if (c instanceof Cond.Not n) {
            out.add(n.operand());
            cond(n.operand(), names).forEach(x -> out.add(new Cond.Not(x)));
        } else if (c instanceof Cond.And a) {
            out.addAll(a.terms());
            dropOne(a.terms(), 2).forEach(t -> out.add(new Cond.And(t)));
            replaceOne(a.terms(), t -> cond(t, names)).forEach(t -> out.add(new Cond.And(t)));
        } else if (c instanceof Cond.Or o) {
            out.addAll(o.terms());
            dropOne(o.terms(), 2).forEach(t -> out.add(new Cond.Or(t)));
            replaceOne(o.terms(), t -> cond(t, names)).forEach(t -> out.add(new Cond.Or(t)));
        } else if (c instanceof Cond.Of) {
            names.forEach(n -> out.add(new Cond.Ref(n)));
        }
        return out;
    }

    /** A value simplified: a shorter string; numbers, booleans and null stay. */
    static List<Value> value(Value v) {
        if (v instanceof Value.Str s) {
            return string(s.raw()).stream().map(x -> (Value) new Value.Str(x)).toList();
        }
        return List.of();
    }

    /** An item with a value or a modifier fewer, or a value simplified. */
    static List<Rule.Item> item(Rule.Item i) {
        List<Rule.Item> out = new ArrayList<>();
        dropOne(i.values(), 1).forEach(v -> out.add(new Rule.Item(i.field(), i.modifiers(), v)));
        dropOne(i.modifiers(), 0).forEach(m -> out.add(new Rule.Item(i.field(), m, i.values())));
        replaceOne(i.values(), Smaller::value).forEach(v -> out.add(new Rule.Item(i.field(), i.modifiers(), v)));
        return out;
    }

    /** A selection with one map, an item or a keyword fewer, or an item simplified. */
    static List<Rule.Selection> selection(Rule.Selection s) {
        List<Rule.Selection> out = new ArrayList<>();
        if (!s.keywords().isEmpty()) {
            dropOne(s.keywords(), 1).forEach(k -> out.add(new Rule.Selection(s.name(), List.of(), k)));
            replaceOne(s.keywords(), k -> Smaller.string(k.raw()).stream().map(Value.Str::new).toList())
                    .forEach(k -> out.add(new Rule.Selection(s.name(), List.of(), k)));
            return out;
        }
        dropOne(s.maps(), 1).forEach(m -> out.add(new Rule.Selection(s.name(), m, List.of())));
        replaceOne(s.maps(), m -> dropOne(m, 1)).forEach(m -> out.add(new Rule.Selection(s.name(), m, List.of())));
        replaceOne(s.maps(), m -> replaceOne(m, Smaller::item))
                .forEach(m -> out.add(new Rule.Selection(s.name(), m, List.of())));
        return out;
    }

    /** A rule with a selection fewer (the condition kept, or reduced to a remaining selection), a simpler
     *  condition, or a simpler selection. */
    static List<Rule> rule(Rule r) {
        List<Rule> out = new ArrayList<>();
        List<String> names = r.selections().stream().map(Rule.Selection::name).toList();
        cond(r.condition(), names).forEach(c -> out.add(new Rule(r.number(), r.selections(), c)));
        for (List<Rule.Selection> fewer : dropOne(r.selections(), 1)) {
            out.add(new Rule(r.number(), fewer, r.condition()));
            out.add(new Rule(r.number(), fewer, new Cond.Ref(fewer.get(0).name())));
        }
        replaceOne(r.selections(), Smaller::selection).forEach(s -> out.add(new Rule(r.number(), s, r.condition())));
        return out;
    }

    /** A JSON value with a part fewer or a shorter string. */
    static List<Json> json(Json j) {
        List<Json> out = new ArrayList<>();
        if (j instanceof Json.Obj o) {
            object(o).forEach(out::add);
        } else if (j instanceof Json.Arr a) {
            out.addAll(a.items());
            dropOne(a.items(), 0).forEach(i -> out.add(new Json.Arr(i)));
            replaceOne(a.items(), Smaller::json).forEach(i -> out.add(new Json.Arr(i)));
        } else if (j instanceof Json.Str s) {
            Smaller.string(s.value()).forEach(x -> out.add(new Json.Str(x)));
        }
        return out;
    }

    /** An object with a member fewer or a member's value simplified. */
    static List<Json.Obj> object(Json.Obj o) {
        List<Json.Obj> out = new ArrayList<>();
        dropOne(o.members(), 0).forEach(m -> out.add(new Json.Obj(m)));
        replaceOne(o.members(), m -> json(m.value()).stream().map(v -> new Json.Member(m.key(), v)).toList())
                .forEach(m -> out.add(new Json.Obj(m)));
        return out;
    }

    /** A filter with a simpler selection or condition. */
    static List<Filter> filter(Filter f) {
        List<Filter> out = new ArrayList<>();
        cond(f.condition(), List.of(f.selection().name()))
                .forEach(c -> out.add(new Filter(f.number(), f.ruleIds(), f.selection(), c)));
        selection(f.selection()).forEach(s -> out.add(new Filter(f.number(), f.ruleIds(), s, f.condition())));
        return out;
    }

    /** A correlation with a rule fewer, a lower threshold, a group-by field fewer, or without generate. */
    static List<Correlation> correlation(Correlation c) {
        List<Correlation> out = new ArrayList<>();
        if (c.gte().isPresent() && c.gte().get() > 1) {
            out.add(new Correlation(c.number(), c.type(), c.rules(), c.groupBy(), c.timespan(),
                    java.util.Optional.of(1), c.field(), c.expression(), c.generate()));
        }
        dropOne(c.rules(), 1).forEach(r -> out.add(new Correlation(c.number(), c.type(), r, c.groupBy(),
                c.timespan(), c.gte(), c.field(), c.expression(), c.generate())));
        dropOne(c.groupBy(), c.type().equals("silence") ? 0 : 1).forEach(g -> out.add(new Correlation(c.number(),
                c.type(), c.rules(), g, c.timespan(), c.gte(), c.field(), c.expression(), c.generate())));
        if (c.generate()) {
            out.add(new Correlation(c.number(), c.type(), c.rules(), c.groupBy(), c.timespan(), c.gte(), c.field(),
                    c.expression(), false));
        }
        return out;
    }
}
