package io.detc.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.backend.opensearch.OpenSearchMapping;
import io.detc.event.Event;
import io.detc.event.EventProblem;
import io.detc.event.EventReader;
import io.detc.event.LogSourceKey;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.LogSource;
import io.detc.run.EventInput;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
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
 * The indices of {@link OpenSearchEngine}'s runs: each run's own copies of the pipeline indices
 * ({@code detc-eval-<random>-<index>}, with detc's mapping), their overflow indices for events a mapping refuses,
 * loading events into them with {@code _bulk}, and deleting them by name afterwards.
 */
final class OpenSearchIndices {
    private static final int BULK_DOCS = 2000;
    private static final int BULK_CHARS = 8 << 20;
    private static final int OVERFLOWS = 6;
    private static final boolean TRACE = Boolean.getBoolean("detc.engine.trace");

    private final OpenSearchHttp http;
    private final List<Pipeline> pipelines;
    /** Every index this engine created and has not deleted yet, in creation order. */
    private final Set<String> created = new LinkedHashSet<>();
    /** Per base index (already prefixed), the indices that hold its events: itself and its overflows. */
    private final Map<String, List<String>> targets = new LinkedHashMap<>();
    private String prefix;

    OpenSearchIndices(OpenSearchHttp http, List<Pipeline> pipelines) {
        this.http = http;
        this.pipelines = pipelines;
    }

    /** Starts a run: a new random prefix, no indices yet. */
    void start() {
        byte[] r = new byte[5];
        new SecureRandom().nextBytes(r);
        prefix = "detc-eval-" + HexFormat.of().formatHex(r) + "-";
        targets.clear();
    }

    /** The index prefix of the current (or last) run, {@code detc-eval-<random>-}. */
    String prefix() {
        return prefix;
    }

    /** The search path of pipeline indices (comma-separated): this run's copies of them and their overflows. */
    String path(String pipelineIndices) {
        List<String> all = new ArrayList<>();
        for (String idx : pipelineIndices.split(",")) {
            all.addAll(copies(idx));
        }
        return "/" + String.join(",", all);
    }

    /** This run's indices holding the events of a pipeline index: its copy and the copy's overflows. */
    List<String> copies(String pipelineIndex) {
        String base = name(pipelineIndex);
        if (!targets.containsKey(base)) {
            create(base);   // an index no event went to: the query still runs, and is still checked
            targets.put(base, new ArrayList<>(List.of(base)));
        }
        return targets.get(base);
    }

    /** What loading saw: per event (by sequence number) where it came from and its time. */
    static final class Loaded {
        final List<EventMeta> events = new ArrayList<>();
        final List<EventProblem> problems = new ArrayList<>();
        final List<String> notLoaded = new ArrayList<>();
    }

    record EventMeta(String file, long line, Instant time) {
    }

    /** A document waiting for {@code _bulk}: its event's sequence number, JSON, and the base index. */
    private record Pending(long seq, String where, String json, String base) {
    }

    /** Loads every event into this run's indices (creating them as needed) and refreshes them. */
    Loaded load(List<EventInput> inputs) {
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
    synchronized void deleteAll() {
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

    /** Indices created and not deleted yet (empty after every run). */
    List<String> leftOver() {
        return List.copyOf(created);
    }
}
