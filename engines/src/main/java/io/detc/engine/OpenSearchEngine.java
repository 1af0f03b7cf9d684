package io.detc.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.backend.opensearch.OpenSearchBackend;
import io.detc.backend.opensearch.OpenSearchMapping;
import io.detc.check.LinkCheck;
import io.detc.correlate.Alert;
import io.detc.correlate.CorrelationEngine;
import io.detc.correlate.EventRef;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.event.Event;
import io.detc.event.EventProblem;
import io.detc.event.EventReader;
import io.detc.event.LogSourceKey;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.LogSource;
import io.detc.rule.SigmaRule;
import io.detc.run.AlertJson;
import io.detc.run.EventInput;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenSearch cluster reached over its REST API ({@code --engine opensearch --url http://host:port}). Each run
 * creates its own indices, one per log source, named {@code detc-eval-<random>-<index>} after the index the
 * {@code opensearch-native} pipeline gives the log source, with detc's mapping ({@link OpenSearchMapping}); loads
 * every event with {@code _bulk} (the document is the event as recorded, its {@code _id} the event's place in the
 * input); runs each rule's query as {@code detc compile --target opensearch} prints it, fetching every hit by
 * scroll; runs the correlations the backend renders as aggregations (their {@code _index} filters renamed to this
 * run's indices), then lists each firing bucket's events with one more scrolled search; and deletes its indices afterwards, also when the run fails or the JVM is stopped.
 *
 * <p>An event an index cannot take (a field that is an object in one event and a string in another) goes to an
 * overflow index of the same log source ({@code <index>-overflow<n>}, searched with it); an event no index takes
 * is listed in {@link EngineResult#notLoaded()} with OpenSearch's reason. Rules and correlations the backend
 * declares unsupported are listed in {@link EngineResult#unsupported()}, never run as "no match"; so is a
 * correlation whose groups did not all fit its terms aggregation. With {@code -Ddetc.engine.trace=true} index
 * creations and bulk requests are timed on stderr.
 */
public final class OpenSearchEngine implements Engine {
    private static final int BULK_DOCS = 2000;
    private static final int BULK_CHARS = 8 << 20;
    private static final int PAGE = 5000;
    private static final int OVERFLOWS = 6;
    private static final String SCROLL = "2m";
    private static final boolean TRACE = Boolean.getBoolean("detc.engine.trace");

    private final OpenSearchHttp http;
    private final OpenSearchBackend backend = new OpenSearchBackend();
    private final List<Pipeline> pipelines;
    private final String version;
    /** Every index this engine created and has not deleted yet, in creation order. */
    private final Set<String> created = new LinkedHashSet<>();
    /** Per base index (already prefixed), the indices that hold its events: itself and its overflows. */
    private final Map<String, List<String>> targets = new LinkedHashMap<>();
    private String prefix;

    private OpenSearchEngine(OpenSearchHttp http, List<Pipeline> pipelines) {
        this.http = http;
        this.pipelines = pipelines;
        JsonNode root = http.ok("GET", "/", null, "checking the cluster");
        this.version = root.path("version").path("number").asText("");
        if (version.isEmpty()) {
            throw new OpenSearchException(http.shown() + " answered, but not as OpenSearch does (no version.number)");
        }
    }

    /**
     * Connects to the cluster at {@code url} ({@code http://host:port}) and checks that it answers as OpenSearch.
     * A malformed URL is an {@link IllegalArgumentException}; an unreachable or refusing cluster an
     * {@link OpenSearchException}.
     */
    public static OpenSearchEngine connect(String url) {
        return new OpenSearchEngine(OpenSearchHttp.of(url), OpenSearchBackend.nativePipelines());
    }

    /** Checks the form of an OpenSearch URL without connecting; an {@link IllegalArgumentException} says why not. */
    public static void checkUrl(String url) {
        OpenSearchHttp.of(url);
    }

    @Override
    public String name() {
        return "opensearch";
    }

    /** The cluster's version ({@code version.number}). */
    public String version() {
        return version;
    }

    /** The index prefix of the current (or last) run, {@code detc-eval-<random>-}. */
    public String prefix() {
        return prefix;
    }

    @Override
    public EngineResult execute(Compilation compilation, List<EventInput> inputs) {
        byte[] r = new byte[5];
        new SecureRandom().nextBytes(r);
        prefix = "detc-eval-" + HexFormat.of().formatHex(r) + "-";
        targets.clear();
        Thread cleanup = new Thread(this::deleteIndices, "detc-opensearch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return runAll(compilation, inputs);
        } finally {
            deleteIndices();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook runs (and finds nothing left to delete)
            }
        }
    }

    private EngineResult runAll(Compilation compilation, List<EventInput> inputs) {
        long t0 = System.nanoTime();
        Loaded loaded = load(inputs);
        long t1 = System.nanoTime();
        List<String> unsupported = new ArrayList<>();
        LinkCheck.Index links = LinkCheck.check(compilation.documents(), new Diagnostics());
        List<Correlation> correlations = compilation.documents().stream().filter(d -> d instanceof Correlation)
                .map(d -> (Correlation) d).toList();
        CorrelationEngine quiet = new CorrelationEngine(correlations, links, (e, f) -> Optional.empty());
        List<Single> singles = new ArrayList<>();
        List<Compilation.Lowered> lowered = compilation.lowered();
        for (int i = 0; i < lowered.size(); i++) {
            SigmaRule rule = lowered.get(i).rule();
            Compiled compiled = backend.compile(compilation, rule, pipelines, "query");
            if (!compiled.ok()) {
                unsupported.add(rule.key() + ": " + reasons(compiled));
                continue;
            }
            if (quiet.suppresses(rule)) {
                continue;
            }
            String index = OpenSearchBackend.index(rule, pipelines, compilation).orElseThrow();
            JsonNode query = read(compiled.text().get()).get("query");
            for (long seq : ids(index, query, "rule " + rule.key())) {
                singles.add(new Single(seq, i, rule));
            }
        }
        singles.sort(Comparator.comparingLong(Single::seq).thenComparingInt(Single::ruleIndex));
        List<String> alerts = new ArrayList<>();
        for (Single s : singles) {
            EventMeta m = loaded.events.get((int) s.seq());
            alerts.add(AlertJson.line(new Alert(s.rule(), List.of(new EventRef(m.file(), m.line(), null)),
                    Optional.empty(), Optional.empty())));
        }
        List<Alert> fired = new ArrayList<>();
        for (Correlation c : correlations) {
            Compiled compiled = backend.compile(compilation, c, pipelines, "query");
            if (!compiled.ok()) {
                unsupported.add(c.key() + ": " + reasons(compiled));
                continue;
            }
            if (quiet.suppresses(c)) {
                continue;
            }
            String index = OpenSearchBackend.index(c, pipelines, compilation).orElseThrow();
            correlation(c, index, (ObjectNode) read(compiled.text().get()), loaded, fired, unsupported);
        }
        fired.sort(Comparator.comparing((Alert a) -> a.window().orElseThrow().end())
                .thenComparing(a -> a.source().key()).thenComparing(a -> a.window().orElseThrow().start())
                .thenComparing(a -> a.group().orElseThrow().toString()));
        fired.forEach(a -> alerts.add(AlertJson.line(a)));
        long t2 = System.nanoTime();
        return new EngineResult(alerts, unsupported, loaded.problems, loaded.notLoaded, loaded.events.size(), t1 - t0,
                t2 - t1);
    }

    /**
     * Runs a correlation's aggregation and turns every bucket left at the bottom ({@code window} under the
     * {@code group<i>} terms) into an alert: its events are the documents of the correlation's query with the
     * bucket's group values and time range, listed by a scrolled search.
     */
    private void correlation(Correlation c, String index, ObjectNode body, Loaded loaded, List<Alert> out,
                             List<String> unsupported) {
        OpenSearchBackend.renameIndices(body, this::copies);
        JsonNode result = search(index, body, "correlation " + c.key()).path("aggregations");
        List<String> groupFields = new ArrayList<>();
        JsonNode aggs = body.get("aggs");
        while (aggs.has("group" + groupFields.size())) {
            JsonNode g = aggs.get("group" + groupFields.size());
            groupFields.add(g.get("terms").get("field").asText());
            aggs = g.get("aggs");
        }
        JsonNode histogram = aggs.get("window").get("date_histogram");
        String timeField = histogram.get("field").asText();
        long interval = Duration.ofSeconds(Long.parseLong(histogram.get("fixed_interval").asText()
                .replaceAll("s$", ""))).toMillis();
        List<Bucket> buckets = new ArrayList<>();
        long[] cut = {0};
        walk(result, 0, groupFields.size(), new ArrayList<>(), buckets, cut);
        if (cut[0] > 0) {
            unsupported.add(c.key() + ": more groups than its terms aggregation returns (" + cut[0] + " events in"
                    + " groups left out): its alerts would be incomplete");
            return;
        }
        for (Bucket b : buckets) {
            ArrayNode filter = OpenSearchHttp.JSON.createArrayNode();
            filter.add(body.get("query"));
            for (int i = 0; i < groupFields.size(); i++) {
                filter.addObject().putObject("term").put(groupFields.get(i), b.values().get(i));
            }
            ObjectNode range = filter.addObject().putObject("range").putObject(timeField);
            range.put("gte", b.start()).put("lt", b.start() + interval).put("format", "epoch_millis");
            ObjectNode q = OpenSearchHttp.JSON.createObjectNode();
            q.putObject("bool").set("filter", filter);
            List<EventRef> refs = new ArrayList<>();
            for (long seq : ids(index, q, "events of correlation " + c.key())) {
                EventMeta m = loaded.events.get((int) seq);
                if (m.time() != null) {
                    refs.add(new EventRef(m.file(), m.line(), m.time()));
                }
            }
            if (refs.isEmpty()) {
                continue;
            }
            refs.sort(Comparator.comparing(EventRef::time).thenComparing(EventRef::file)
                    .thenComparingLong(EventRef::line));
            Map<String, String> group = new LinkedHashMap<>();
            for (int i = 0; i < c.groupBy().size(); i++) {
                group.put(c.groupBy().get(i), b.values().get(i));
            }
            out.add(new Alert(c, refs, Optional.of(group), Optional.of(new Alert.Window(refs.get(0).time(),
                    refs.stream().map(EventRef::time).max(Comparator.naturalOrder()).orElseThrow()))));
        }
    }

    private record Bucket(List<String> values, long start) {
    }

    private static void walk(JsonNode aggs, int level, int levels, List<String> values, List<Bucket> out, long[] cut) {
        if (level < levels) {
            JsonNode terms = aggs.get("group" + level);
            cut[0] += terms.path("sum_other_doc_count").asLong(0);
            for (JsonNode b : terms.get("buckets")) {
                List<String> v = new ArrayList<>(values);
                v.add(b.has("key_as_string") ? b.get("key_as_string").asText() : b.get("key").asText());
                walk(b, level + 1, levels, v, out, cut);
            }
            return;
        }
        for (JsonNode b : aggs.get("window").get("buckets")) {
            if (b.path("doc_count").asLong() > 0) {
                out.add(new Bucket(List.copyOf(values), b.get("key").asLong()));
            }
        }
    }

    // ---- searching ----

    /** The search path of pipeline indices (comma-separated): this run's copies of them and their overflows. */
    private String path(String pipelineIndices) {
        List<String> all = new ArrayList<>();
        for (String idx : pipelineIndices.split(",")) {
            all.addAll(copies(idx));
        }
        return "/" + String.join(",", all);
    }

    /** This run's indices holding the events of a pipeline index: its copy and the copy's overflows. */
    private List<String> copies(String pipelineIndex) {
        String base = name(pipelineIndex);
        if (!targets.containsKey(base)) {
            create(base);   // an index no event went to: the query still runs, and is still checked
            targets.put(base, new ArrayList<>(List.of(base)));
        }
        return targets.get(base);
    }

    private JsonNode search(String pipelineIndex, ObjectNode body, String what) {
        return http.ok("POST", path(pipelineIndex) + "/_search", body.toString(), what);
    }

    /** The {@code _id}s (event sequence numbers) of every document {@code query} matches, by scroll. */
    private List<Long> ids(String pipelineIndex, JsonNode query, String what) {
        ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
        body.set("query", query);
        body.put("size", PAGE);
        body.put("_source", false);
        body.putArray("sort").add("_doc");
        List<Long> out = new ArrayList<>();
        JsonNode page = http.ok("POST", path(pipelineIndex) + "/_search?scroll=" + SCROLL, body.toString(), what);
        String scrollId = page.path("_scroll_id").asText(null);
        try {
            while (true) {
                JsonNode hits = page.path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                hits.forEach(h -> out.add(Long.parseLong(h.get("_id").asText())));
                if (hits.size() < PAGE) {
                    break;   // a short page is the last one
                }
                ObjectNode next = OpenSearchHttp.JSON.createObjectNode().put("scroll", SCROLL)
                        .put("scroll_id", scrollId);
                page = http.ok("POST", "/_search/scroll", next.toString(), what + " (next page)");
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            if (scrollId != null) {
                ObjectNode clear = OpenSearchHttp.JSON.createObjectNode();
                clear.putArray("scroll_id").add(scrollId);
                try {
                    http.json("DELETE", "/_search/scroll", clear.toString());
                } catch (OpenSearchException e) {
                    // the scroll expires on its own
                }
            }
        }
        return out;
    }

    // ---- loading ----

    /** What loading saw: per event (by sequence number) where it came from and its time. */
    private static final class Loaded {
        final List<EventMeta> events = new ArrayList<>();
        final List<EventProblem> problems = new ArrayList<>();
        final List<String> notLoaded = new ArrayList<>();
    }

    private record EventMeta(String file, long line, Instant time) {
    }

    /** A document waiting for {@code _bulk}: its event's sequence number, JSON, and the base index. */
    private record Pending(long seq, String where, String json, String base) {
    }

    private Loaded load(List<EventInput> inputs) {
        Loaded out = new Loaded();
        Map<LogSourceKey, String> indexOf = new HashMap<>();
        List<Pending> batch = new ArrayList<>();
        int[] chars = {0};
        EventReader reader = new EventReader();
        for (EventInput in : inputs) {
            reader.read(in.path(), in.shown(), in.forced(), (Event e) -> {
                long seq = out.events.size();
                out.events.add(new EventMeta(e.file(), e.line(), e.time().orElse(null)));
                String base = indexOf.computeIfAbsent(e.source(), s -> name(pipelineIndex(s)));
                String json;
                try {
                    json = OpenSearchHttp.JSON.writeValueAsString(e.json());
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
                batch.add(new Pending(seq, e.where(), json, base));
                chars[0] += json.length();
                if (batch.size() >= BULK_DOCS || chars[0] >= BULK_CHARS) {
                    bulk(batch, 0, 0, out);
                    batch.clear();
                    chars[0] = 0;
                }
            }, out.problems::add);
        }
        if (!batch.isEmpty()) {
            bulk(batch, 0, 0, out);
        }
        if (!created.isEmpty()) {
            http.ok("POST", "/" + prefix + "*/_refresh", null, "refreshing the loaded indices");
        }
        return out;
    }

    /** The index the pipelines give events of {@code source}, or {@code unrouted-<product>-<service>}. */
    private String pipelineIndex(LogSourceKey source) {
        LogSource ls = new LogSource(Optional.empty(), Optional.of(source.product()), Optional.of(source.service()),
                Optional.empty(), Map.of());
        Applied a = PipelineApplier.apply(pipelines, ls, new Predicate.Const(true), io.detc.source.Span.NONE);
        String idx = a.state().get("index");
        return idx == null || idx.isBlank() ? "unrouted-" + source.product() + "-" + source.service() : idx;
    }

    /** This run's name for a pipeline index (lower case, as OpenSearch requires). */
    private String name(String pipelineIndex) {
        return (prefix + pipelineIndex).toLowerCase(Locale.ROOT);
    }

    private static String generationName(String base, int generation) {
        return generation == 0 ? base : base + "-overflow" + generation;
    }

    /** Sends one batch to generation {@code generation} of each document's index; failures go one generation up. */
    private void bulk(List<Pending> docs, int generation, int attempt, Loaded out) {
        StringBuilder b = new StringBuilder();
        for (Pending p : docs) {
            String index = generationName(p.base(), generation);
            if (!created.contains(index)) {
                create(index);
                targets.computeIfAbsent(p.base(), k -> new ArrayList<>()).add(index);
            }
            b.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(p.seq())
                    .append("\"}}\n").append(p.json()).append('\n');
        }
        List<Pending> retry = new ArrayList<>();
        List<Pending> again = new ArrayList<>();
        long t0 = System.nanoTime();
        OpenSearchHttp.Response r = http.send("POST", "/_bulk", b.toString(), "application/x-ndjson");
        if (TRACE) {
            System.err.println("opensearch: bulk of " + docs.size() + " (generation " + generation + ") in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        if (!r.ok()) {
            throw http.failure("loading events (_bulk)", r);
        }
        JsonNode items = r.body().get("items");
        for (int i = 0; i < docs.size(); i++) {
            JsonNode res = items.get(i).get("index");
            if (!res.has("error")) {
                continue;
            }
            int status = res.path("status").asInt();
            if (status == 429) {
                again.add(docs.get(i));
            } else if (generation < OVERFLOWS && status == 400) {
                retry.add(docs.get(i));
            } else {
                JsonNode err = res.get("error");
                out.notLoaded.add(docs.get(i).where() + ": OpenSearch cannot index it (" + err.path("type").asText()
                        + ": " + err.path("reason").asText() + ")");
            }
        }
        if (!again.isEmpty()) {
            if (attempt >= 10) {
                throw new OpenSearchException("OpenSearch at " + http.shown() + " keeps rejecting bulk requests (HTTP"
                        + " 429, too many requests)");
            }
            try {
                Thread.sleep(200L << Math.min(attempt, 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenSearchException("interrupted while loading events", e);
            }
            bulk(again, generation, attempt + 1, out);
        }
        if (!retry.isEmpty()) {
            bulk(retry, generation + 1, 0, out);
        }
    }

    /** Creates an index with detc's mapping, one shard, no replica and limits wide enough for real exports. */
    private void create(String index) {
        ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0)
                .put("index.mapping.total_fields.limit", 100000).put("index.mapping.depth.limit", 200)
                .put("index.mapping.nested_objects.limit", 100000).put("index.max_regex_length", 100000)
                .put("refresh_interval", "-1");
        body.set("mappings", OpenSearchMapping.mappings());
        created.add(index);
        long t0 = System.nanoTime();
        http.ok("PUT", "/" + index, body.toString(), "creating the index " + index);
        if (TRACE) {
            System.err.println("opensearch: created " + index + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    /** Deletes every index this engine created (by name: clusters may refuse wildcard deletes). */
    private synchronized void deleteIndices() {
        List<String> names = new ArrayList<>(created);
        for (int i = 0; i < names.size(); i += 20) {
            List<String> chunk = names.subList(i, Math.min(names.size(), i + 20));
            try {
                OpenSearchHttp.Response r = http.json("DELETE", "/" + String.join(",", chunk)
                        + "?ignore_unavailable=true", null);
                if (r.ok() || r.status() == 404) {
                    chunk.forEach(created::remove);
                }
            } catch (OpenSearchException e) {
                // unreachable now: nothing more can be done; the names start with detc-eval- for a manual clean-up
            }
        }
    }

    /** Indices this engine created that are still there (empty after every run). */
    public List<String> leftOver() {
        return List.copyOf(created);
    }

    private static JsonNode read(String json) {
        try {
            return OpenSearchHttp.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the backend printed invalid JSON", e);
        }
    }

    private static String reasons(Compiled c) {
        return String.join("; ", c.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message)
                .toList());
    }

    private record Single(long seq, int ruleIndex, SigmaRule rule) {
    }

    @Override
    public void close() {
        deleteIndices();
    }
}
