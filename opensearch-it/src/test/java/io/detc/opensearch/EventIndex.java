package io.detc.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.backend.opensearch.OpenSearchMapping;
import io.detc.event.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads events into OpenSearch with detc's mapping, an index per log source ({@code <prefix>-<product>-<service>}),
 * each document carrying its file, line and a sequence number. A document the index cannot take (a field that is an
 * object in one event and a string in another) goes to an overflow index {@code <index>-overflow<n>}; searches cover
 * the index and its overflows. A document no index takes is recorded in {@link #rejected()}.
 */
final class EventIndex {
    private final OpenSearchNode node;
    private final String prefix;
    private final Map<String, Integer> generations = new LinkedHashMap<>();
    private final List<String> rejected = new ArrayList<>();
    private long seq;

    EventIndex(OpenSearchNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static String indexName(String prefix, Event e) {
        return prefix + "-" + e.source().product() + "-" + e.source().service();
    }

    List<String> rejected() {
        return rejected;
    }

    /** The search path covering indices (comma-separated) and their overflows. */
    String searchTarget(String indices) {
        List<String> out = new ArrayList<>();
        for (String index : indices.split(",")) {
            out.addAll(copies(index));
        }
        return String.join(",", out);
    }

    /** An index and its overflows, by name. */
    List<String> copies(String index) {
        List<String> out = new ArrayList<>(List.of(index));
        for (int g = 1; g <= generations.getOrDefault(index, 0); g++) {
            out.add(index + "-overflow" + g);
        }
        return out;
    }

    void load(List<Event> events) {
        Map<String, List<ObjectNode>> byIndex = new LinkedHashMap<>();
        for (Event e : events) {
            ObjectNode doc = e.json().deepCopy();
            doc.put("detc_file", e.file());
            doc.put("detc_line", e.line());
            doc.put("detc_seq", seq++);
            byIndex.computeIfAbsent(indexName(prefix, e), k -> new ArrayList<>()).add(doc);
        }
        byIndex.forEach((index, docs) -> load(index, docs, 0));
        node.json("POST", "/_refresh", null);
    }

    private void load(String index, List<ObjectNode> docs, int generation) {
        String name = generation == 0 ? index : index + "-overflow" + generation;
        if (generation > 12) {
            docs.forEach(d -> rejected.add(d.get("detc_file").asText() + ":" + d.get("detc_line").asText()));
            return;
        }
        if (generations.getOrDefault(index, -1) < generation) {
            ObjectNode create = OpenSearchNode.JSON.createObjectNode();
            create.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0)
                    .put("index.mapping.total_fields.limit", 100000).put("index.mapping.depth.limit", 200)
                    .put("index.mapping.nested_objects.limit", 100000)
                    .put("index.max_regex_length", 100000);
            create.set("mappings", mappingWithTestFields());
            OpenSearchNode.Response r = node.json("PUT", "/" + name, create.toString());
            if (r.status() != 200) {
                throw new IllegalStateException("create " + name + ": " + r.body());
            }
            generations.put(index, generation);
        }
        StringBuilder bulk = new StringBuilder();
        for (ObjectNode d : docs) {
            bulk.append("{\"index\":{}}\n").append(d.toString()).append('\n');
        }
        OpenSearchNode.Response r = node.send("POST", "/" + name + "/_bulk", bulk.toString(),
                "application/x-ndjson");
        if (r.status() != 200) {
            throw new IllegalStateException("bulk " + name + ": " + r.body());
        }
        List<ObjectNode> retry = new ArrayList<>();
        JsonNode items = r.body().get("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode res = items.get(i).get("index");
            if (res.has("error")) {
                retry.add(docs.get(i));
            }
        }
        if (!retry.isEmpty()) {
            load(index, retry, generation + 1);
        }
    }

    private static ObjectNode mappingWithTestFields() {
        ObjectNode m = OpenSearchMapping.mappings();
        ObjectNode props = (ObjectNode) m.get("properties");
        props.putObject("detc_file").put("type", "keyword");
        props.putObject("detc_line").put("type", "long");
        props.putObject("detc_seq").put("type", "long");
        return m;
    }

    /** The (file:line) of every document {@code query} matches in {@code index} and its overflows. */
    Set<String> search(String index, String query) {
        ObjectNode body = (ObjectNode) read(query);
        body.put("size", 10000);
        body.putArray("sort").add("detc_seq");
        body.putArray("_source").add("detc_file").add("detc_line");
        OpenSearchNode.Response r = node.json("POST", "/" + searchTarget(index)
                + "/_search?allow_no_indices=true&ignore_unavailable=true", body.toString());
        if (r.status() != 200) {
            throw new AssertionError("OpenSearch rejected the query (" + r.status() + "): " + r.body() + "\n"
                    + query);
        }
        Set<String> out = new HashSet<>();
        for (JsonNode h : r.body().get("hits").get("hits")) {
            out.add(h.get("_source").get("detc_file").asText() + ":" + h.get("_source").get("detc_line").asText());
        }
        return out;
    }

    private static JsonNode read(String s) {
        try {
            return OpenSearchNode.JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The aggregations of a correlation's search body on {@code index} and its overflows. */
    JsonNode aggregate(String index, String body) {
        JsonNode json = read(body);
        io.detc.backend.opensearch.OpenSearchBackend.renameIndices(json, this::copies);
        body = json.toString();
        OpenSearchNode.Response r = node.json("POST", "/" + searchTarget(index)
                + "/_search?allow_no_indices=true&ignore_unavailable=true", body);
        if (r.status() != 200) {
            throw new AssertionError("OpenSearch rejected the aggregation (" + r.status() + "): " + r.body() + "\n"
                    + body);
        }
        return r.body().get("aggregations");
    }
}
