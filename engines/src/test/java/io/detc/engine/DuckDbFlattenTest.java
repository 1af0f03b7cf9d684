package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's {@code detc_flat} macro (io.detc.backend.sql.DuckDbLists), the array flattening behind every field read
 * in DuckDB queries, equals the evaluator's walk: the node itself unless it is an array, array elements flattened
 * at any depth up to the macro's limit, nothing for SQL NULL; past the limit the query fails with a message
 * instead of missing values. About one second.
 */
class DuckDbFlattenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int DEPTH = 8;

    @Test
    void flattensLikeTheEvaluatorOnRandomNesting() throws Exception {
        List<JsonNode> inputs = new ArrayList<>();
        for (String s : List.of("1", "\"a\"", "null", "true", "{}", "{\"a\":[1,[2]]}", "[]", "[[]]", "[null]",
                "[1,[2,[3]],{\"a\":[4]},[[[]]],null]")) {
            inputs.add(JSON.readTree(s));
        }
        inputs.add(nested(DEPTH, F.textNode("deepest")));
        Random r = new Random(20261126L);
        for (int i = 0; i < 200; i++) {
            inputs.add(random(r, 0));
        }
        for (JsonNode in : inputs) {
            assertEquals(sorted(reference(in)), sorted(duckdb(in.toString())), in.toString());
        }
    }

    @Test
    void sqlNullHasNoValues() throws Exception {
        assertEquals(List.of(), duckdb(null));
    }

    @Test
    void deeperThanTheLimitFailsLoudly() {
        SQLException e = assertThrows(SQLException.class, () -> duckdb(nested(DEPTH + 1, F.numberNode(1))
                .toString()));
        assertTrue(e.getMessage().contains("arrays nested more than " + DEPTH + " deep inside one field"),
                e.getMessage());
    }

    /** The evaluator's flattening (docs/semantics.md, "Dots and arrays"). */
    private static List<JsonNode> reference(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.addAll(reference(x)));
        } else {
            out.add(n);
        }
        return out;
    }

    private static List<JsonNode> duckdb(String json) throws SQLException, java.io.IOException {
        SqlEngine duck = SharedEngines.get("duckdb");
        try (PreparedStatement ps = duck.connection.prepareStatement(
                "SELECT CAST(to_json(detc_flat(CAST(? AS JSON))) AS VARCHAR)")) {
            ps.setString(1, json);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<JsonNode> out = new ArrayList<>();
                JSON.readTree(rs.getString(1)).forEach(out::add);
                return out;
            }
        }
    }

    private static List<String> sorted(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::toString).sorted(Comparator.naturalOrder()).toList();
    }

    private static JsonNode nested(int arrays, JsonNode inside) {
        JsonNode n = inside;
        for (int i = 0; i < arrays; i++) {
            n = F.arrayNode().add(n);
        }
        return n;
    }

    /** Arrays, objects holding arrays, and scalars, nested at most {@value #DEPTH} arrays deep. */
    private static JsonNode random(Random r, int depth) {
        int kind = depth >= DEPTH ? 2 + r.nextInt(3) : r.nextInt(5);
        switch (kind) {
            case 0, 1 -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(random(r, depth + 1));
                }
                return a;
            }
            case 2 -> {
                return F.objectNode().set("k", depth >= DEPTH ? F.numberNode(r.nextInt(9)) : random(r, depth + 1));
            }
            case 3 -> {
                return r.nextBoolean() ? F.nullNode() : F.booleanNode(r.nextBoolean());
            }
            default -> {
                return r.nextBoolean() ? F.numberNode(r.nextInt(100)) : F.textNode("s" + r.nextInt(10));
            }
        }
    }
}
