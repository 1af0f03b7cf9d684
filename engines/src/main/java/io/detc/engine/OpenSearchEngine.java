package io.detc.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.backend.opensearch.OpenSearchBackend;
import io.detc.backend.opensearch.OpenSearchMapping;
import io.detc.correlate.Alert;
import io.detc.correlate.EventRef;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Correlation;
import io.detc.rule.SigmaRule;
import io.detc.run.AlertJson;
import io.detc.run.EventInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenSearch cluster reached over its REST API ({@code --engine opensearch --url http://host:port}). Each run
 * creates its own indices, one per log source, named {@code detc-eval-<random>-<index>} after the index the
 * {@code opensearch-native} pipeline gives the log source, with detc's mapping ({@link OpenSearchMapping}); loads
 * every event with {@code _bulk} (the document is the event as recorded, its {@code _id} the event's place in the
 * input); runs each rule's query as {@code detc compile --target opensearch} prints it, fetching every hit by
 * scroll; runs the correlations the backend renders as aggregations (their {@code _index} filters renamed to this
 * run's indices), then lists each firing bucket's events with one more scrolled search; and deletes its indices
 * afterwards, also when the run fails or the JVM is stopped. The indices and loading are {@link OpenSearchIndices};
 * what to run is decided as for the SQL engines ({@link EnginePlan}).
 *
 * <p>An event an index cannot take (a field that is an object in one event and a string in another) goes to an
 * overflow index of the same log source ({@code <index>-overflow<n>}, searched with it); an event no index takes
 * is listed in {@link EngineResult#notLoaded()} with OpenSearch's reason. Rules and correlations the backend
 * declares unsupported are listed in {@link EngineResult#unsupported()}, never run as "no match"; so is a
 * correlation whose groups did not all fit its terms aggregation. With {@code -Ddetc.engine.trace=true} index
 * creations and bulk requests are timed on stderr.
 */
public final class OpenSearchEngine implements Engine {
    private static final int PAGE = 5000;
    private static final String SCROLL = "2m";

    private final OpenSearchHttp http;
    private final OpenSearchBackend backend = new OpenSearchBackend();
    private final List<Pipeline> pipelines;
    private final OpenSearchIndices indices;
    private final String version;

    private OpenSearchEngine(OpenSearchHttp http, List<Pipeline> pipelines) {
        this.http = http;
        this.pipelines = pipelines;
        this.indices = new OpenSearchIndices(http, pipelines);
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
        return indices.prefix();
    }

    @Override
    public EngineResult execute(Compilation compilation, List<EventInput> inputs) {
        indices.start();
        Thread cleanup = new Thread(indices::deleteAll, "detc-opensearch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return runAll(compilation, inputs);
        } finally {
            indices.deleteAll();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook runs (and finds nothing left to delete)
            }
        }
    }

    private EngineResult runAll(Compilation compilation, List<EventInput> inputs) {
        long t0 = System.nanoTime();
        OpenSearchIndices.Loaded loaded = indices.load(inputs);
        long t1 = System.nanoTime();
        EnginePlan plan = EnginePlan.of(backend, compilation, pipelines);
        List<String> unsupported = new ArrayList<>(plan.unsupported());
        List<Single> singles = new ArrayList<>();
        for (EnginePlan.Step<SigmaRule> step : plan.rules()) {
            SigmaRule rule = step.document();
            String index = OpenSearchBackend.index(rule, pipelines, compilation).orElseThrow();
            JsonNode query = read(step.text()).get("query");
            for (long seq : ids(index, query, "rule " + rule.key())) {
                singles.add(new Single(seq, step.index(), rule));
            }
        }
        singles.sort(Comparator.comparingLong(Single::seq).thenComparingInt(Single::ruleIndex));
        List<String> alerts = new ArrayList<>();
        for (Single s : singles) {
            OpenSearchIndices.EventMeta m = loaded.events.get((int) s.seq());
            alerts.add(EnginePlan.singleAlert(s.rule(), m.file(), m.line()));
        }
        List<Alert> fired = new ArrayList<>();
        for (EnginePlan.Step<Correlation> step : plan.correlations()) {
            Correlation c = step.document();
            String index = OpenSearchBackend.index(c, pipelines, compilation).orElseThrow();
            correlation(c, index, (ObjectNode) read(step.text()), loaded, fired, unsupported);
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
    private void correlation(Correlation c, String index, ObjectNode body, OpenSearchIndices.Loaded loaded,
                             List<Alert> out, List<String> unsupported) {
        OpenSearchBackend.renameIndices(body, indices::copies);
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
                OpenSearchIndices.EventMeta m = loaded.events.get((int) seq);
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

    private JsonNode search(String pipelineIndex, ObjectNode body, String what) {
        return http.ok("POST", indices.path(pipelineIndex) + "/_search", body.toString(), what);
    }

    /** The {@code _id}s (event sequence numbers) of every document {@code query} matches, by scroll. */
    private List<Long> ids(String pipelineIndex, JsonNode query, String what) {
        ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
        body.set("query", query);
        body.put("size", PAGE);
        body.put("_source", false);
        body.putArray("sort").add("_doc");
        List<Long> out = new ArrayList<>();
        JsonNode page = http.ok("POST", indices.path(pipelineIndex) + "/_search?scroll=" + SCROLL, body.toString(),
                what);
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

    /** Indices this engine created that are still there (empty after every run). */
    public List<String> leftOver() {
        return indices.leftOver();
    }

    private static JsonNode read(String json) {
        try {
            return OpenSearchHttp.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the backend printed invalid JSON", e);
        }
    }

    private record Single(long seq, int ruleIndex, SigmaRule rule) {
    }

    @Override
    public void close() {
        indices.deleteAll();
    }
}
