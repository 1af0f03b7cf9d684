package io.detc.engine.property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One generated test input: rules, correlations and filters (one YAML file) and events (one JSON-lines file). */
public record Scenario(List<Rule> rules, List<Correlation> correlations, List<Filter> filters,
                       List<Json.Obj> events) {
    public Scenario {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        events = List.copyOf(events);
    }

    /** Without filters. */
    public Scenario(List<Rule> rules, List<Correlation> correlations, List<Json.Obj> events) {
        this(rules, correlations, List.of(), events);
    }

    /** How many YAML documents. */
    public int documents() {
        return rules.size() + correlations.size() + filters.size();
    }

    /** Every document, separated by {@code ---}. */
    public String yaml() {
        List<String> docs = new ArrayList<>();
        rules.forEach(r -> docs.add(r.yaml()));
        correlations.forEach(c -> docs.add(c.yaml()));
        filters.forEach(f -> docs.add(f.yaml()));
        return String.join("---\n", docs);
    }

    /** One event per line. */
    public String jsonl() {
        return events.stream().map(Json::render).collect(Collectors.joining("\n", "", events.isEmpty() ? "" : "\n"));
    }

    /** The rule file and the event file, as a report shows them. */
    public String describe() {
        return "--- rules.yml\n" + yaml() + "--- events.jsonl (" + events.size() + " events)\n" + jsonl();
    }
}
