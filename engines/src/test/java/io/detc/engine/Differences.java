package io.detc.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Helpers for comparing alert lines. */
final class Differences {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Differences() {
    }

    /** The alert lines whose rule is not among the unsupported ones ({@code key: reason}). */
    static List<String> withoutUnsupported(List<String> alerts, List<String> unsupported) {
        Set<String> keys = new HashSet<>();
        for (String u : unsupported) {
            keys.add(u.substring(0, u.indexOf(": ")));
        }
        List<String> out = new ArrayList<>();
        for (String a : alerts) {
            try {
                if (!keys.contains(JSON.readTree(a).get("rule").asText())) {
                    out.add(a);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The alert lines whose rule is not one of {@code keys}. */
    static List<String> withoutKeys(List<String> alerts, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String a : alerts) {
            try {
                if (!keys.contains(JSON.readTree(a).get("rule").asText())) {
                    out.add(a);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A readable difference: lines only in the expected output (-) and only in the actual one (+). */
    static String diff(List<String> expected, List<String> actual) {
        StringBuilder b = new StringBuilder();
        for (String e : expected) {
            if (!actual.contains(e)) {
                b.append("  - ").append(e).append('\n');
            }
        }
        for (String a : actual) {
            if (!expected.contains(a)) {
                b.append("  + ").append(a).append('\n');
            }
        }
        if (b.length() == 0) {
            b.append("  (same lines, different order)\n  expected ").append(expected).append("\n  actual   ")
                    .append(actual);
        }
        return b.toString();
    }
}
