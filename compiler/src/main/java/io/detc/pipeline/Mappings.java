package io.detc.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies of the ordered maps transformations hold: file order kept, nothing empty. */
final class Mappings {
    private Mappings() {
    }

    static Map<String, List<String>> copy(Map<String, List<String>> mapping) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        mapping.forEach((k, v) -> {
            if (k.isEmpty() || v.isEmpty()) {
                throw new IllegalArgumentException("empty mapping key or target list for '" + k + "'");
            }
            m.put(k, List.copyOf(v));
        });
        return Collections.unmodifiableMap(m);
    }

    static Map<String, List<Object>> copyValues(Map<String, List<Object>> values) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.isEmpty() || v.isEmpty()) {
                throw new IllegalArgumentException("empty field or value list for '" + k + "'");
            }
            m.put(k, List.copyOf(v));
        });
        return Collections.unmodifiableMap(m);
    }
}
