package io.detc.value;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" suggestions by edit distance, so a typo such as {@code |contans} gets a concrete fix instead
 * of only "unknown modifier".
 *
 * <p>A candidate is suggested when its edit distance ({@link #distance}) is at most a third of the longer name (at least 1) and
 * no other candidate is closer; ties keep the first candidate in the given order, so the output is stable.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The closest candidate within the distance budget, or empty. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(word)) {
                continue;
            }
            int d = distance(word, c);
            int budget = Math.max(1, Math.max(word.length(), c.length()) / 3);
            if (d <= budget && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Levenshtein distance with adjacent transpositions (optimal string alignment): insertions, deletions,
     * substitutions and swaps of two neighbours each cost one, because {@code cdir} for {@code cidr} is one slip.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
