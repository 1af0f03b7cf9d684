package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dotted paths over one JSON event. A {@link Path} is split once, when a rule is compiled; walking it allocates
 * nothing (no iterators, no strings), because it runs for every event times every field of every rule.
 *
 * <p>Rules of the walk, for a path {@code a.b.c}:
 * <ul>
 *   <li>at an object, take key {@code a}; if the object has no key {@code a} but has the key {@code "a.b.c"}
 *       literally (the rest of the path, dots included), take that key's value as the end of the path: flat
 *       exports such as {@code {"actor.id": 1}} mean the same as nested ones. The literal key is tried only when
 *       the first segment is missing, so nested data wins when both spellings exist;</li>
 *   <li>at an array, continue into every element, and arrays inside arrays flatten: {@code a.b} over
 *       {@code {"a": [{"b": 1}, [{"b": 2}]]}} has the values 1 and 2;</li>
 *   <li>a scalar (or null) before the end of the path ends that branch: the path is not there;</li>
 *   <li>at the end of the path, an array gives each of its (flattened) elements as values; any other node,
 *       {@code null} included, is one value.</li>
 * </ul>
 * <em>Presence</em> is separate from values: the path is present when some branch reaches its end, even when the
 * node there is {@code null} or an empty array (which has no values).
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /**
     * A test on one value at the end of a path. Returning true stops the walk: "any value satisfies" needs no more.
     */
    @FunctionalInterface
    public interface ValueTest {
        boolean test(JsonNode value);
    }

    /** {@code dotted} split at every dot (empty segments are kept as empty keys). */
    public static Path compile(String dotted) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        for (int i = dotted.indexOf('.'); i >= 0; i = dotted.indexOf('.', from)) {
            segments.add(dotted.substring(from, i));
            from = i + 1;
        }
        segments.add(dotted.substring(from));
        String[] segs = segments.toArray(String[]::new);
        String[] rests = new String[segs.length];
        // rests[i] is the literal key "segs[i].segs[i+1]...", tried when segs[i] is missing; null for the last
        // segment, where the literal key and the segment are the same string.
        StringBuilder rest = new StringBuilder(segs[segs.length - 1]);
        for (int i = segs.length - 2; i >= 0; i--) {
            rest.insert(0, '.').insert(0, segs[i]);
            rests[i] = rest.toString();
        }
        return new Path(dotted, segs, rests);
    }

    /**
     * A compiled dotted path. Immutable and thread-safe; {@link #text()} is the path as written. Arrays are used
     * instead of lists on purpose: the walk indexes them in the innermost loop.
     */
    public static final class Path {
        private final String text;
        private final String[] segments;
        private final String[] rests;

        private Path(String text, String[] segments, String[] rests) {
            this.text = text;
            this.segments = segments;
            this.rests = rests;
        }

        public String text() {
            return text;
        }

        /** Whether some value at this path in {@code root} satisfies {@code test}; false when the path is absent. */
        public boolean anyValue(JsonNode root, ValueTest test) {
            return walk(root, 0, test);
        }

        /** Whether the path reaches its end somewhere in {@code root} (a null or empty array there counts). */
        public boolean present(JsonNode root) {
            return reach(root, 0);
        }

        /** Every value at this path, in document order (allocates: for tools and tests, not the hot path). */
        public List<JsonNode> values(JsonNode root) {
            List<JsonNode> out = new ArrayList<>();
            walk(root, 0, v -> {
                out.add(v);
                return false;
            });
            return out;
        }

        @Override
        public String toString() {
            return text;
        }

        private boolean walk(JsonNode node, int seg, ValueTest test) {
            if (node.isArray()) {
                for (int i = 0, n = node.size(); i < n; i++) {
                    if (walk(node.get(i), seg, test)) {
                        return true;
                    }
                }
                return false;
            }
            if (seg == segments.length) {
                return test.test(node);
            }
            if (!node.isObject()) {
                return false;
            }
            JsonNode child = node.get(segments[seg]);
            if (child != null) {
                return walk(child, seg + 1, test);
            }
            String rest = rests[seg];
            JsonNode flat = rest == null ? null : node.get(rest);
            return flat != null && walk(flat, segments.length, test);
        }

        private boolean reach(JsonNode node, int seg) {
            if (seg == segments.length) {
                return true;
            }
            if (node.isArray()) {
                for (int i = 0, n = node.size(); i < n; i++) {
                    if (reach(node.get(i), seg)) {
                        return true;
                    }
                }
                return false;
            }
            if (!node.isObject()) {
                return false;
            }
            JsonNode child = node.get(segments[seg]);
            if (child != null) {
                return reach(child, seg + 1);
            }
            return rests[seg] != null && node.get(rests[seg]) != null;
        }
    }
}
