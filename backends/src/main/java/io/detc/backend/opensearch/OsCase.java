package io.detc.backend.opensearch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/semantics.md's case rule against OpenSearch's. detc: two code points are equal ignoring case when
 * {@code toLowerCase(toUpperCase(c))} is the same. OpenSearch's {@code case_insensitive} (term, wildcard, regexp)
 * folds ASCII letters only (Lucene's ASCII_CASE_INSENSITIVE). So {@code case_insensitive} is exact for a code point
 * only when its detc class is exactly itself plus its ASCII other case; otherwise the class is spelled out in a regexp
 * character class ({@code k} is {@code [kK\u212A]}: the Kelvin sign folds to k).
 */
final class OsCase {
    private static Map<Integer, int[]> classes;

    private OsCase() {
    }

    static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** Every code point equal to {@code cp} ignoring case (detc's rule), {@code cp} first. */
    static synchronized int[] equivalents(int cp) {
        if (classes == null) {
            Map<Integer, List<Integer>> byFold = new HashMap<>();
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                int f = fold(c);
                if (f != c || Character.toUpperCase(c) != c) {
                    byFold.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
                }
            }
            Map<Integer, int[]> m = new HashMap<>();
            for (var e : byFold.entrySet()) {
                List<Integer> all = new ArrayList<>(e.getValue());
                if (!all.contains(e.getKey()) && fold(e.getKey()) == e.getKey()) {
                    all.add(e.getKey());
                }
                int[] arr = all.stream().sorted().mapToInt(Integer::intValue).toArray();
                for (int c : arr) {
                    m.put(c, arr);
                }
            }
            classes = m;
        }
        int[] cls = classes.get(cp);
        if (cls == null || cls.length == 1) {
            return new int[] {cp};
        }
        int[] out = new int[cls.length];
        out[0] = cp;
        int i = 1;
        for (int c : cls) {
            if (c != cp) {
                out[i++] = c;
            }
        }
        return out;
    }

    /** True when OpenSearch's ASCII-only case_insensitive gives exactly detc's class of {@code cp}. */
    static boolean asciiFoldIsExact(int cp) {
        int[] eq = equivalents(cp);
        if (cp >= 128) {
            return eq.length == 1;
        }
        int alt = Character.isLowerCase(cp) ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
        return alt == cp ? eq.length == 1 : eq.length == 2 && (eq[1] == alt);
    }
}
