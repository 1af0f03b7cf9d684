package io.detc.correlate;

import io.detc.check.LinkCheck;
import io.detc.event.Event;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs correlation rules over the matches of the rules they name. Matches are collected as small {@link Hit}s
 * (memory grows with correlation state, never with the number of events), then sorted by event time, so input
 * may arrive out of order; ties keep input order. Correlations that name other correlations run after them, on
 * their alerts. Events without a time, or without a value for every group-by field, do not take part (they are
 * counted in {@link #skipped()}).
 */
public final class CorrelationEngine {
    private final List<Correlation> order;
    private final Map<Correlation, List<Hit>> hits = new IdentityHashMap<>();
    private final Map<Document, List<Input>> inputs = new IdentityHashMap<>();
    private final FieldText fields;
    private final Set<Document> silenced;
    private Instant horizon;
    private long seq;
    private long skipped;

    /** How one correlation sees one of its sources: the name it uses and the fields to read. */
    private record Input(Correlation correlation, String name, List<String> groupFields, String valueField) {
    }

    public CorrelationEngine(List<Correlation> correlations, LinkCheck.Index index, FieldText fields) {
        this.fields = fields;
        this.order = CorrelationOrder.topological(correlations, index);
        Map<Document, Boolean> referencedWithoutGenerate = new IdentityHashMap<>();
        for (Correlation c : order) {
            hits.put(c, new ArrayList<>());
            for (RuleRef ref : c.rules()) {
                index.resolve(ref.target()).ifPresent(d -> {
                    inputs.computeIfAbsent(d, k -> new ArrayList<>()).add(input(c, ref.target(), d));
                    if (c.generate()) {
                        referencedWithoutGenerate.put(d, Boolean.FALSE); // one generate: true is enough to alert
                    } else {
                        referencedWithoutGenerate.putIfAbsent(d, Boolean.TRUE);
                    }
                });
            }
        }
        this.silenced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        referencedWithoutGenerate.forEach((d, quiet) -> {
            if (quiet) {
                silenced.add(d);
            }
        });
    }

    private static Input input(Correlation c, String refName, Document d) {
        List<String> group = new ArrayList<>();
        for (String f : c.groupBy()) {
            group.add(aliased(c, f, refName, d));
        }
        String value = c.threshold().flatMap(Correlation.Threshold::field).map(f -> aliased(c, f, refName, d))
                .orElse(null);
        return new Input(c, refName, group, value);
    }

    /** A group-by name that is an alias stands for the field the alias gives for this rule (by ref or name). */
    private static String aliased(Correlation c, String field, String refName, Document d) {
        for (Correlation.Alias a : c.aliases()) {
            if (a.name().equals(field)) {
                String f = a.fields().get(refName);
                if (f == null && d.meta().name().isPresent()) {
                    f = a.fields().get(d.meta().name().get());
                }
                return f == null ? field : f;
            }
        }
        return field;
    }

    /** Whether matches of {@code rule} feed some correlation. */
    public boolean feeds(Document rule) {
        return inputs.containsKey(rule);
    }

    /**
     * Whether {@code d}'s own alerts are suppressed: it is named by a correlation whose {@code generate} is false
     * (the spec's default) and by none whose {@code generate} is true.
     */
    public boolean suppresses(Document d) {
        return silenced.contains(d);
    }

    /** Every event's time moves the horizon that {@code silence} measures against. */
    public void observe(Optional<Instant> time) {
        time.ifPresent(t -> horizon = horizon == null || t.isAfter(horizon) ? t : horizon);
    }

    /** A match of {@code rule} on {@code event}. */
    public void onMatch(Document rule, Event event) {
        List<Input> in = inputs.get(rule);
        if (in == null) {
            return;
        }
        if (event.time().isEmpty()) {
            skipped++;
            return;
        }
        long s = seq++;
        EventRef ref = new EventRef(event.file(), event.line(), event.time().get());
        for (Input i : in) {
            List<String> group = new ArrayList<>(i.groupFields().size());
            for (String f : i.groupFields()) {
                Optional<String> v = fields.first(event, f);
                if (v.isEmpty()) {
                    break;
                }
                group.add(v.get());
            }
            if (group.size() < i.groupFields().size()) {
                skipped++;
                continue;
            }
            String value = i.valueField() == null ? null : fields.first(event, i.valueField()).orElse(null);
            hits.get(i.correlation()).add(new Hit(i.name(), ref.time(), s, List.copyOf(group), value, List.of(ref)));
        }
    }

    /** Matches that could not take part: no time, or a group-by field missing. */
    public long skipped() {
        return skipped;
    }

    /** Runs every correlation, inner ones first, and returns the alerts in time order. */
    public List<Alert> finish() {
        List<Alert> all = new ArrayList<>();
        for (Correlation c : order) {
            List<Hit> sorted = new ArrayList<>(hits.get(c));
            sorted.sort(Comparator.comparing(Hit::time).thenComparingLong(Hit::seq));
            List<Alert> alerts = run(c, sorted);
            for (Alert a : alerts) {
                chain(c, a);
            }
            if (!suppresses(c)) {
                all.addAll(alerts);
            }
        }
        all.sort(Comparator.comparing((Alert a) -> a.window().map(Alert.Window::end).orElse(Instant.MIN))
                .thenComparing(a -> a.source().key()));
        return all;
    }

    private List<Alert> run(Correlation c, List<Hit> sorted) {
        List<Alert> out = new ArrayList<>();
        if (c.type() == Correlation.Type.SILENCE) {
            for (Silence.Gap g : Silence.evaluate(c, sorted, horizon)) {
                out.add(new Alert(c, refs(g.around()), Optional.of(group(c, g.group())),
                        Optional.of(new Alert.Window(g.from(), g.to()))));
            }
            return out;
        }
        List<String> ruleOrder = c.rules().stream().map(RuleRef::target).toList();
        List<WindowFirings.Firing> firings = c.expression().isPresent()
                ? Absence.evaluate(c, Expressions.expand(c.expression().get(), ruleOrder), sorted)
                : WindowFirings.evaluate(c, ruleOrder, sorted);
        for (WindowFirings.Firing f : firings) {
            List<EventRef> events = refs(f.window());
            Instant start = events.stream().map(EventRef::time).min(Comparator.naturalOrder()).orElseThrow();
            Instant end = events.stream().map(EventRef::time).max(Comparator.naturalOrder()).orElseThrow();
            out.add(new Alert(c, events, Optional.of(group(c, f.group())), Optional.of(new Alert.Window(start, end))));
        }
        return out;
    }

    /** An alert of {@code inner} becomes a hit of every correlation that names it. */
    private void chain(Correlation inner, Alert a) {
        List<Input> in = inputs.get(inner);
        if (in == null) {
            return;
        }
        Map<String, String> innerGroup = a.group().orElse(Map.of());
        Instant time = a.window().map(Alert.Window::end).orElseThrow();
        for (Input i : in) {
            List<String> group = new ArrayList<>();
            for (String f : i.groupFields()) {
                String v = innerGroup.get(f);
                if (v == null) {
                    break;
                }
                group.add(v);
            }
            if (group.size() == i.groupFields().size()) {
                hits.get(i.correlation()).add(new Hit(i.name(), time, seq++, List.copyOf(group), null, a.events()));
            } else {
                skipped++;
            }
        }
    }

    private static List<EventRef> refs(List<Hit> hs) {
        List<EventRef> out = new ArrayList<>();
        hs.forEach(h -> out.addAll(h.events()));
        out.sort(Comparator.comparing(EventRef::time).thenComparing(EventRef::file).thenComparingLong(EventRef::line));
        return out.stream().distinct().toList();
    }

    private static Map<String, String> group(Correlation c, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < c.groupBy().size() && i < values.size(); i++) {
            m.put(c.groupBy().get(i), values.get(i));
        }
        return m;
    }

    /** The correlations in the order they run. */
    public List<Correlation> correlations() {
        return order;
    }
}
