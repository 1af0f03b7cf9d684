package io.detc.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.backend.opensearch.OpenSearchBackend;
import io.detc.backend.opensearch.OpenSearchMapping;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every hostile string of testdata/strings/nasty.txt as a rule value on the real engine: OpenSearch parses the
 * generated DSL, and the query matches exactly the documents the evaluator's string rule says (the string itself,
 * its case variants, and for contains the near misses that contain it), never another near miss.
 */
class EscapingTest {
    static List<String> nasty() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.dir().resolve("strings/nasty.txt"))) {
            if (line.startsWith("#")) {
                continue;
            }
            out.add(line.equals("<empty>") ? "" : decode(line));
        }
        return out;
    }

    static String decode(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    @Test
    void everyNastyStringMatchesExactlyItself() throws IOException {
        OpenSearchNode node = OpenSearchNode.get();
        List<String> strings = nasty();
        List<String> values = new ArrayList<>();
        for (String s : strings) {
            values.add(s);
            values.add(s + "x");
            values.add("x" + s);
            if (s.length() > 1) {
                values.add(s.substring(0, s.length() - 1));
                values.add(s.substring(1));
            }
        }
        ObjectNode create = OpenSearchNode.JSON.createObjectNode();
        create.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        create.set("mappings", OpenSearchMapping.mappings());
        assertEquals(200, node.json("PUT", "/detc-nasty", create.toString()).status());
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            ObjectNode d = OpenSearchNode.JSON.createObjectNode();
            d.put("v", values.get(i));
            d.put("n", i);
            bulk.append("{\"index\":{\"_id\":\"").append(i).append("\"}}\n").append(d).append('\n');
        }
        OpenSearchNode.Response r = node.send("POST", "/detc-nasty/_bulk?refresh=true", bulk.toString(),
                "application/x-ndjson");
        assertEquals(false, r.body().get("errors").asBoolean(), r.body().toString());
        int queries = 0;
        for (String s : strings) {
            for (boolean cased : new boolean[] {false, true}) {
                for (boolean contains : new boolean[] {false, true}) {
                    String q = OpenSearchBackend.stringQuery("v", s, cased, contains);
                    Set<Integer> expected = new TreeSet<>();
                    for (int i = 0; i < values.size(); i++) {
                        if (matches(values.get(i), s, cased, contains)) {
                            expected.add(i);
                        }
                    }
                    assertEquals(expected, search(node, q), "value " + OpenSearchNode.JSON.writeValueAsString(s)
                            + " cased=" + cased + " contains=" + contains + "\n" + q);
                    queries++;
                }
            }
        }
        assertEquals(strings.size() * 4, queries);
    }

    private static boolean matches(String v, String s, boolean cased, boolean contains) {
        if (!contains) {
            return cased ? v.equals(s) : v.equalsIgnoreCase(s);
        }
        for (int i = 0; i + s.length() <= v.length(); i++) {
            if (v.regionMatches(!cased, i, s, 0, s.length())) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> search(OpenSearchNode node, String query) throws IOException {
        ObjectNode body = (ObjectNode) OpenSearchNode.JSON.readTree(query);
        body.put("size", 1000);
        OpenSearchNode.Response r = node.json("POST", "/detc-nasty/_search", body.toString());
        assertEquals(200, r.status(), r.body().toString() + "\n" + query);
        Set<Integer> out = new TreeSet<>();
        r.body().get("hits").get("hits").forEach(h -> out.add(h.get("_source").get("n").asInt()));
        return out;
    }
}
