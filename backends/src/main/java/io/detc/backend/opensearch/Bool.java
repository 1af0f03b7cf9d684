package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code bool} queries as Elastic's {@code dsl.py} does: an AND of bools with only {@code must}/{@code must_not}
 * merges into one bool, an OR of should-only bools into one {@code should}, a double negation disappears. Keys are
 * always written in the order {@code must}, {@code should}, {@code must_not}, {@code minimum_should_match}, so equal
 * trees print equally. {@code minimum_should_match} is always 1 with a {@code should} (a bool with {@code must} would
 * otherwise make its should clauses optional).
 */
final class Bool {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Bool() {
    }

    static ObjectNode matchAll() {
        ObjectNode o = F.objectNode();
        o.putObject("match_all");
        return o;
    }

    static ObjectNode matchNone() {
        ObjectNode o = F.objectNode();
        o.putObject("match_none");
        return o;
    }

    static ObjectNode and(List<ObjectNode> terms) {
        if (terms.size() == 1) {
            return terms.get(0);
        }
        List<JsonNode> must = new ArrayList<>();
        List<JsonNode> mustNot = new ArrayList<>();
        for (ObjectNode t : terms) {
            ObjectNode b = bool(t);
            if (b != null && !b.has("should")) {
                b.withArray("must").forEach(must::add);
                b.withArray("must_not").forEach(mustNot::add);
            } else {
                must.add(t);
            }
        }
        return build(must, List.of(), mustNot);
    }

    static ObjectNode or(List<ObjectNode> terms) {
        if (terms.size() == 1) {
            return terms.get(0);
        }
        List<JsonNode> should = new ArrayList<>();
        for (ObjectNode t : terms) {
            ObjectNode b = bool(t);
            if (b != null && b.has("should") && !b.has("must") && !b.has("must_not")) {
                b.withArray("should").forEach(should::add);
            } else {
                should.add(t);
            }
        }
        return build(List.of(), should, List.of());
    }

    static ObjectNode not(ObjectNode term) {
        ObjectNode b = bool(term);
        if (b != null && !b.has("must") && !b.has("should") && b.get("must_not").size() == 1) {
            return (ObjectNode) b.get("must_not").get(0);
        }
        return build(List.of(), List.of(), List.of(term));
    }

    /** The bool body of {@code q} when {@code q} is a bool query. */
    private static ObjectNode bool(ObjectNode q) {
        return q.size() == 1 && q.get("bool") instanceof ObjectNode b ? b.deepCopy() : null;
    }

    private static ObjectNode build(List<JsonNode> must, List<JsonNode> should, List<JsonNode> mustNot) {
        ObjectNode q = F.objectNode();
        ObjectNode b = q.putObject("bool");
        put(b, "must", must);
        put(b, "should", should);
        put(b, "must_not", mustNot);
        if (!should.isEmpty()) {
            b.put("minimum_should_match", 1);
        }
        return q;
    }

    private static void put(ObjectNode b, String key, List<JsonNode> clauses) {
        if (!clauses.isEmpty()) {
            ArrayNode a = b.putArray(key);
            clauses.forEach(a::add);
        }
    }
}
