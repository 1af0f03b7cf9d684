package io.detc.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.Compilation;
import io.detc.eval.CompiledRule;
import io.detc.eval.Evaluator;
import io.detc.eval.JsonPaths;
import io.detc.event.Event;
import io.detc.event.EventProblem;
import io.detc.event.EventReader;
import io.detc.event.Formats;
import io.detc.event.LogSourceKey;
import io.detc.event.Timestamps;
import io.detc.ir.Predicate;
import io.detc.pipeline.FieldResolver;
import io.detc.rule.SigmaRule;
import io.detc.run.EventInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pass over a sample of real exported logs: which event types and fields the rules need are there, and the
 * health of each source (gaps, out-of-order and duplicate events, ingestion delay). Memory grows with the number of
 * events only by one timestamp and one record id each, which a sample can afford.
 */
public final class SampleScan {
    /** The record id of each export, for duplicates: Okta's uuid, Entra's record ids. */
    private static final Map<String, List<String>> ID_FIELDS = Map.of(
            "okta/okta", List.of("uuid"),
            "azure/graphactivitylogs", List.of("properties.requestId", "correlationId"),
            "azure/activitylogs", List.of("eventDataId", "properties.eventDataId", "correlationId"));
    private static final List<String> ENTRA_IDS = List.of("properties.id", "correlationId");
    /** Where an export carries both an event time and an ingestion time: (event time path, ingestion time path). */
    private static final Map<String, String[]> DELAY = Map.of(
            "azure/signinlogs", new String[] {"properties.createdDateTime", "time"},
            "azure/signinlogs_noninteractive", new String[] {"properties.createdDateTime", "time"},
            "azure/signinlogs_serviceprincipal", new String[] {"properties.createdDateTime", "time"},
            "azure/signinlogs_managedidentity", new String[] {"properties.createdDateTime", "time"},
            "azure/auditlogs", new String[] {"properties.activityDateTime", "time"},
            "azure/graphactivitylogs", new String[] {"time", "properties.timeGenerated"});

    private final Map<String, SourceState> sources = new LinkedHashMap<>();
    private final List<Probe> probes = new ArrayList<>();
    private final Map<String, FieldState> fields = new HashMap<>();
    private final FieldResolver resolver;
    private final Map<String, JsonPaths.Path> paths = new HashMap<>();

    /** An event-type test of one rule on one source, and whether any sample event passed it. */
    private static final class Probe {
        final SigmaRule rule;
        final String source;
        final String eventType;
        final CompiledRule test;
        boolean seen;

        Probe(SigmaRule rule, String source, String eventType, CompiledRule test) {
            this.rule = rule;
            this.source = source;
            this.eventType = eventType;
            this.test = test;
        }
    }

    /** Presence of one rule field on one source. */
    private static final class FieldState {
        final List<JsonPaths.Path> paths;
        long present;
        long nonNull;

        FieldState(List<JsonPaths.Path> paths) {
            this.paths = paths;
        }
    }

    private static final class SourceState {
        long events;
        final List<Long> times = new ArrayList<>();
        long maxSeen = Long.MIN_VALUE;
        long outOfOrder;
        long duplicates;
        final Set<String> ids = new HashSet<>();
        final List<Long> delays = new ArrayList<>();
    }

    private final io.detc.check.LinkCheck.Index index;

    public SampleScan(Compilation compilation, FieldResolver resolver) {
        this.resolver = resolver;
        this.index = io.detc.check.LinkCheck.check(compilation.documents(), new io.detc.diag.Diagnostics());
        for (Compilation.Lowered l : compilation.lowered()) {
            for (LogSourceKey k : Formats.known()) {
                if (!k.matches(l.rule().logsource())) {
                    continue;
                }
                for (Predicate leaf : EventTypeLeaves.of(l.predicate())) {
                    String shown = leaf instanceof Predicate.FieldMatch f
                            && f.matcher() instanceof io.detc.ir.Matcher.StringMatch s ? s.pattern().toSigma() : "?";
                    probes.add(new Probe(l.rule(), k.toString(), shown,
                            Evaluator.compile(leaf, field -> resolver.resolve(k, field))));
                }
                for (String f : IrFields.of(l.predicate()).fields) {
                    fields.computeIfAbsent(k + "|" + f, key -> new FieldState(resolver.resolve(k, f).stream()
                            .map(JsonPaths::compile).toList()));
                }
            }
        }
    }

    /** Reads the sample files; problems (malformed lines, unknown formats) go to {@code problems}. */
    public void read(List<EventInput> inputs, Consumer<EventProblem> problems) {
        EventReader reader = new EventReader();
        for (EventInput in : inputs) {
            reader.read(in.path(), in.shown(), in.forced(), this::observe, problems);
        }
    }

    private void observe(Event e) {
        String source = e.source().toString();
        SourceState s = sources.computeIfAbsent(source, k -> new SourceState());
        s.events++;
        e.time().ifPresent(t -> {
            long ms = t.toEpochMilli();
            s.times.add(ms);
            if (ms < s.maxSeen) {
                s.outOfOrder++;
            }
            s.maxSeen = Math.max(s.maxSeen, ms);
        });
        for (String idField : ID_FIELDS.getOrDefault(source, ENTRA_IDS)) {
            String id = text(e.json(), idField);
            if (id != null) {
                if (!s.ids.add(idField + "=" + id)) {
                    s.duplicates++;
                }
                break;
            }
        }
        String[] delay = DELAY.get(source);
        if (delay != null) {
            String happened = text(e.json(), delay[0]);
            String ingested = text(e.json(), delay[1]);
            if (happened != null && ingested != null) {
                Timestamps.parse(happened).ifPresent(h -> Timestamps.parse(ingested).ifPresent(i ->
                        s.delays.add(Duration.between(h, i).toMillis())));
            }
        }
        for (Probe p : probes) {
            if (!p.seen && p.source.equals(source) && p.test.matches(e.json())) {
                p.seen = true;
            }
        }
        String prefix = source + "|";
        for (Map.Entry<String, FieldState> f : fields.entrySet()) {
            if (!f.getKey().startsWith(prefix)) {
                continue;
            }
            boolean present = false;
            boolean nonNull = false;
            for (JsonPaths.Path p : f.getValue().paths) {
                present |= p.present(e.json());
                nonNull |= p.anyValue(e.json(), v -> !v.isNull());
            }
            f.getValue().present += present ? 1 : 0;
            f.getValue().nonNull += nonNull ? 1 : 0;
        }
    }

    private String text(JsonNode root, String dotted) {
        JsonPaths.Path p = paths.computeIfAbsent(dotted, JsonPaths::compile);
        for (JsonNode v : p.values(root)) {
            if (v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }

    /** Per-source health; gaps are silences longer than {@code gapThreshold}. */
    public List<SourceHealth> health(Duration gapThreshold) {
        List<SourceHealth> out = new ArrayList<>();
        sources.forEach((name, s) -> {
            List<Long> times = new ArrayList<>(s.times);
            times.sort(null);
            List<SourceHealth.Gap> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                if (times.get(i) - times.get(i - 1) > gapThreshold.toMillis()) {
                    gaps.add(new SourceHealth.Gap(Instant.ofEpochMilli(times.get(i - 1)), Instant.ofEpochMilli(times.get(i))));
                }
            }
            List<Long> delays = new ArrayList<>(s.delays);
            delays.sort(null);
            out.add(new SourceHealth(name, s.events, times.isEmpty() ? null : Instant.ofEpochMilli(times.get(0)),
                    times.isEmpty() ? null : Instant.ofEpochMilli(times.get(times.size() - 1)), gaps, s.outOfOrder,
                    s.duplicates, String.join(" or ", ID_FIELDS.getOrDefault(name, ENTRA_IDS)),
                    delays.isEmpty() ? null : Duration.ofMillis(delays.get(delays.size() / 2)),
                    delays.isEmpty() ? null : Duration.ofMillis(delays.get(delays.size() - 1))));
        });
        return out;
    }

    /** Whether each rule's needs are met by the sample. */
    public RuleStatus status(RuleFacts facts, Map<String, RuleStatus> byRule) {
        List<String> missing = new ArrayList<>();
        if (facts.document() instanceof SigmaRule rule) {
            List<String> present = facts.logsources().stream().filter(sources::containsKey).toList();
            if (present.isEmpty()) {
                missing.add("log source " + String.join(" or ", facts.logsources()) + " absent");
            }
            List<Probe> mine = probes.stream().filter(p -> p.rule == rule && present.contains(p.source)).toList();
            if (!present.isEmpty() && !mine.isEmpty() && mine.stream().noneMatch(p -> p.seen)) {
                mine.stream().map(p -> "event type " + p.eventType + " absent").distinct().forEach(missing::add);
            }
            for (String f : facts.fields()) {
                boolean anyPresent = false;
                boolean anyValue = false;
                for (String src : present) {
                    FieldState st = fields.get(src + "|" + f);
                    if (st != null) {
                        anyPresent |= st.present > 0;
                        anyValue |= st.nonNull > 0;
                    }
                }
                if (!present.isEmpty() && !anyPresent) {
                    missing.add("field " + f + " absent");
                } else if (!present.isEmpty() && !anyValue) {
                    missing.add("field " + f + " always null");
                }
            }
        } else if (facts.document() instanceof io.detc.rule.Correlation c) {
            // Rules run before correlations (CoverageCommand orders them), and inner correlations before outer ones.
            for (io.detc.rule.RuleRef ref : c.rules()) {
                index.resolve(ref.target()).map(d -> byRule.get(d.key())).filter(st -> !st.canFire())
                        .ifPresent(st -> missing.add("rule " + ref.target() + " is blind"));
            }
        }
        return new RuleStatus(facts.document().key(), missing.isEmpty(), missing);
    }
}
