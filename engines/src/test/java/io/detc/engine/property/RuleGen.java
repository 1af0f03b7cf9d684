package io.detc.engine.property;

import static io.detc.engine.property.Pool.chance;
import static io.detc.engine.property.Pool.pick;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random single-event rules over given events: one to three selections (a map, or a list of maps), sometimes a
 * filter and keywords, items with every kind of value test ({@link #item}), and a condition of and/or/not and
 * {@code 1 of}/{@code all of} patterns. Values are mostly derived from what the events hold, so rules match.
 */
public final class RuleGen {
    private final SplittableRandom r;
    private final List<Json.Obj> events;
    private final Texts texts;

    public RuleGen(SplittableRandom r, List<Json.Obj> events) {
        this.r = r;
        this.events = List.copyOf(events);
        this.texts = new Texts(r);
    }

    /** A rule with any detection. */
    public Rule rule(int number) {
        List<Rule.Selection> sels = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 1; i <= n; i++) {
            sels.add(selection("sel" + i));
        }
        if (chance(r, 0.25)) {
            sels.add(selection("filter1"));
        }
        if (chance(r, 0.12)) {
            List<Value.Str> kws = new ArrayList<>();
            int k = 1 + r.nextInt(2);
            for (int i = 0; i < k; i++) {
                kws.add(new Value.Str(texts.sigma(Observed.texts(events, Pool.field(r)))));
            }
            sels.add(new Rule.Selection("keywords", List.of(), kws));
        }
        List<String> names = sels.stream().map(Rule.Selection::name).toList();
        return new Rule(number, sels, condition(names, 2));
    }

    /**
     * A rule with one broad item (several values the events hold, or one short {@code contains}): the input of a
     * correlation, which needs many matching events in one group to fire.
     */
    public Rule simple(int number) {
        String field = pick(r, List.of("name", "cmd", "actor.name", "targets.type", "user", "tags"));
        List<String> seen = Observed.texts(events, field).stream().filter(t -> t.chars().allMatch(c -> c >= 0x20))
                .toList();
        Rule.Item item;
        if (seen.isEmpty() || chance(r, 0.4)) {
            item = new Rule.Item(field, List.of("contains"), List.of(new Value.Str(pick(r, List.of("e", "a", "i")))));
        } else {
            List<Value> vals = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                vals.add(new Value.Str(Texts.escape(pick(r, seen))));
            }
            item = new Rule.Item(field, List.of(), vals.stream().distinct().toList());
        }
        return new Rule(number, List.of(new Rule.Selection("sel1", List.of(List.of(item)), List.of())),
                new Cond.Ref("sel1"));
    }

    /** A field selection with the given name (for filters). */
    public Rule.Selection selectionNamed(String name) {
        return selection(name);
    }

    private Rule.Selection selection(String name) {
        List<List<Rule.Item>> maps = new ArrayList<>();
        int n = chance(r, 0.2) ? 2 : 1;
        for (int i = 0; i < n; i++) {
            List<Rule.Item> items = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            int k = 1 + r.nextInt(chance(r, 0.5) ? 1 : 3);
            for (int j = 0; j < k; j++) {
                Rule.Item item = item();
                if (keys.add(item.key())) {   // a repeated key is a YAML error (E103), not a test
                    items.add(item);
                }
            }
            maps.add(items);
        }
        return new Rule.Selection(name, maps, List.of());
    }

    /** One detection item of a random kind. */
    public Rule.Item item() {
        int k = r.nextInt(100);
        if (k < 38) {
            return string(Pool.field(r));
        }
        if (k < 50) {
            String field = Pool.field(r);
            List<String> mods = new ArrayList<>(List.of("re"));
            if (chance(r, 0.5)) {
                mods.add(pick(r, List.of("i", "m", "s")));
            }
            return new Rule.Item(field, mods, List.of(new Value.Str(texts.regex(Observed.texts(events, field)))));
        }
        if (k < 57) {
            List<Value> nets = new ArrayList<>();
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                nets.add(new Value.Str(pick(r, Pool.CIDRS)));
            }
            return new Rule.Item(chance(r, 0.85) ? "ip" : Pool.field(r), List.of("cidr"), nets);
        }
        if (k < 65) {
            String field = chance(r, 0.8) ? "count" : Pool.field(r);
            return new Rule.Item(field, List.of(pick(r, List.of("gt", "gte", "lt", "lte"))),
                    List.of(new Value.Num(pick(r, Pool.RULE_NUMBERS))));
        }
        if (k < 70) {
            return new Rule.Item(chance(r, 0.8) ? "count" : Pool.field(r), List.of(),
                    values(() -> new Value.Num(pick(r, Pool.RULE_NUMBERS))));
        }
        if (k < 74) {
            return new Rule.Item(chance(r, 0.8) ? "flag" : Pool.field(r), List.of(),
                    List.of(new Value.Bool(r.nextBoolean())));
        }
        if (k < 79) {
            return new Rule.Item(Pool.field(r), List.of(), List.of(new Value.Null()));
        }
        if (k < 84) {
            return new Rule.Item(Pool.field(r), List.of("exists"), List.of(new Value.Bool(r.nextBoolean())));
        }
        if (k < 89) {
            String field = Pool.field(r);
            return new Rule.Item(field, List.of("neq"), values(() -> chance(r, 0.8)
                    ? new Value.Str(texts.sigma(Observed.texts(events, field)))
                    : new Value.Num(pick(r, Pool.RULE_NUMBERS))));
        }
        if (k < 93) {
            // base64offset needs two bytes or more (E313); no wildcards: base64 of a pattern has no meaning
            String plain = pick(r, Pool.STRINGS).replace("\\", "").replace("*", "").replace("?", "");
            return chance(r, 0.5) ? new Rule.Item("cmd", List.of("base64offset", "contains"),
                    List.of(new Value.Str(plain.length() < 2 ? "admin" : plain)))
                    : new Rule.Item("cmd", List.of("base64", "contains"), List.of(new Value.Str(plain + "a")));
        }
        if (k < 96) {
            return new Rule.Item("cmd", List.of("windash", "contains"),
                    List.of(new Value.Str(pick(r, List.of("-enc", " -enc ", "-f", "/enc")))));
        }
        if (k < 96 + 2 && chance(r, 0.5)) {
            // detc's |element: one element of targets satisfies every item (fields relative to the element)
            List<Rule.Item> inner = new ArrayList<>();
            inner.add(new Rule.Item("type", List.of(), List.of(new Value.Str(pick(r, List.of("User", "AppInstance",
                    "user*"))))));
            if (chance(r, 0.7)) {
                List<String> seen = Observed.texts(events, "targets.name");
                inner.add(new Rule.Item("name", chance(r, 0.5) ? List.of("contains") : List.of("neq"),
                        List.of(new Value.Str(texts.sigma(seen)))));
            }
            return new Rule.Item("targets", List.of("element"), List.of(new Value.Element(inner)));
        }
        if (k < 98) {
            List<String> mods = new ArrayList<>(List.of("fieldref"));
            if (chance(r, 0.4)) {
                mods.add(pick(r, List.of("contains", "startswith", "endswith", "cased")));
            }
            return new Rule.Item(pick(r, Pool.GROUPS), mods, List.of(new Value.Str(pick(r, List.of("actor.id",
                    "actor.name", "name", "user")))));
        }
        List<String> mods = new ArrayList<>(List.of(pick(r, List.of("hour", "minute"))));
        if (chance(r, 0.5)) {
            mods.add(pick(r, List.of("gte", "lt")));
        }
        return new Rule.Item("published", mods, List.of(new Value.Num(Integer.toString(
                mods.get(0).equals("hour") ? 9 + r.nextInt(7) : r.nextInt(60)))));
    }

    /** A string test: plain, contains, startswith or endswith, sometimes cased, sometimes all of two values. */
    private Rule.Item string(String field) {
        List<String> mods = new ArrayList<>();
        int k = r.nextInt(5);
        if (k > 0 && k < 4) {
            mods.add(List.of("contains", "startswith", "endswith").get(k - 1));
        }
        List<String> seen = Observed.texts(events, field);
        List<Value> vals = values(() -> new Value.Str(texts.sigma(seen)));
        if (vals.size() > 1 && chance(r, 0.3)) {
            mods.add("all");
        }
        if (chance(r, 0.2)) {
            mods.add("cased");
        }
        return new Rule.Item(field, mods, vals);
    }

    private List<Value> values(java.util.function.Supplier<Value> one) {
        List<Value> out = new ArrayList<>();
        int n = chance(r, 0.7) ? 1 : 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(one.get());
        }
        return out;
    }

    /** A condition over the names, at most {@code depth} operators deep. */
    Cond condition(List<String> names, int depth) {
        int k = r.nextInt(depth <= 0 ? 2 : 6);
        if (k == 0) {
            return new Cond.Ref(pick(r, names));
        }
        if (k == 1 && depth < 2) {
            // a pattern only at the top: nested ones repeat every selection, and the SQL grows with each copy
            // (DuckDB then spends seconds planning dozens of correlated EXISTS; see the test's class comment)
            return new Cond.Ref(pick(r, names));
        }
        if (k == 1) {
            boolean hasFilter = names.contains("filter1");
            return new Cond.Of(chance(r, 0.4), pick(r, hasFilter ? List.of("sel*", "them", "filter*")
                    : List.of("sel*", "them")));
        }
        if (k == 2) {
            return new Cond.Not(condition(names, depth - 1));
        }
        List<Cond> terms = new ArrayList<>();
        int n = 2 + (chance(r, 0.3) ? 1 : 0);
        for (int i = 0; i < n; i++) {
            terms.add(condition(names, depth - 1));
        }
        return k < 5 ? new Cond.And(terms) : new Cond.Or(terms);
    }
}
