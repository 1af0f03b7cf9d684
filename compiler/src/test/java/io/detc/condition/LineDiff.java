package io.detc.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal line diff (longest common subsequence) for baseline failures, printing only changed lines with their
 * line numbers in the expected file: {@code -12: old} / {@code +12: new}. Baselines are a few hundred lines, so the
 * quadratic table is fine.
 */
final class LineDiff {
    private LineDiff() {
    }

    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+" + (i + 1) + ": " + b[j++]);
            } else {
                out.add("-" + (i + 1) + ": " + a[i++]);
            }
        }
        return String.join("\n", out);
    }
}
