package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing for string, number (as numbers), boolean, null, existence, time and element
 * tests (the IPv4 path of {@link CidrLeaf} is written the same way): a benchmark of a million events must measure
 * matching, not the garbage collector.
 */
class AllocationTest {
    /** Features without regex, IPv6 or fieldref cases; their events with numbers are left out (see below). */
    private static final String[] STRING_FEATURES = {"plain_values", "wildcards", "modifier_contains",
        "modifier_startswith", "modifier_endswith", "modifier_all", "modifier_exists", "modifier_cased",
        "modifier_neq", "modifier_windash", "modifier_base64offset", "booleans", "null", "time", "arrays",
        "element", "conditions_of"};
    /** Features comparing numbers; only their events without strings are used (decimal strings allocate). */
    private static final String[] NUMBER_FEATURES = {"numbers", "modifier_compare", "modifier_neq"};

    @Test
    void matchingAllocatesNothing() throws Exception {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        // Numbers matched as text allocate their digits, and decimal strings a BigDecimal: both are documented costs.
        check(mx, STRING_FEATURES, e -> !contains(e, JsonNode::isNumber));
        check(mx, NUMBER_FEATURES, e -> !contains(e, JsonNode::isTextual));
    }

    private static void check(com.sun.management.ThreadMXBean mx, String[] features,
                              Predicate<JsonNode> keep) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String feature : features) {
            Compilation c = Compiler.standard().compile(List.of(TestData.dir().resolve("conformance/" + feature
                    + ".yml")));
            CompiledRule rule = Evaluator.compile(c.lowered().get(0).predicate());
            List<JsonNode> events = Files.readAllLines(TestData.dir().resolve("conformance/" + feature
                    + ".cases.jsonl")).stream().map(l -> read(json, l).get("event")).filter(keep).toList();
            JsonNode[] array = events.toArray(JsonNode[]::new);
            assertTrue(array.length > 0, feature + ": no events left to measure");
            int sink = run(rule, array, 2_000); // warm up: class loading and lazy JDK caches
            long tid = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(tid);
            sink += run(rule, array, 5_000);
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            long perEvent = allocated / (5_000L * array.length);
            assertTrue(allocated < 4096, feature + ": " + allocated + " bytes for " + 5_000L * array.length
                    + " events (" + perEvent + " per event, sink " + sink + ")");
        }
    }

    private static boolean contains(JsonNode n, Predicate<JsonNode> test) {
        if (test.test(n)) {
            return true;
        }
        for (JsonNode child : n) {
            if (contains(child, test)) {
                return true;
            }
        }
        return false;
    }

    private static int run(CompiledRule rule, JsonNode[] events, int rounds) {
        int hits = 0;
        for (int r = 0; r < rounds; r++) {
            for (JsonNode e : events) {
                hits += rule.matches(e) ? 1 : 0;
            }
        }
        return hits;
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
