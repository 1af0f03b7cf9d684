package io.detc.eval;

/**
 * detc's one definition of "equal ignoring case": two code points are equal when {@link #fold(int)} maps them to
 * the same code point, with {@code fold(c) = Character.toLowerCase(Character.toUpperCase(c))}. This is the per
 * character rule of {@link String#equalsIgnoreCase}, applied per code point, so it is symmetric, needs no locale
 * (no Turkish dotted-I special case), and never changes the number of code points: a wildcard {@code ?} still
 * stands for exactly one. Consequences worth knowing: {@code ß} does not match {@code ss} (that would need full
 * folding), while {@code ſ} (long s) matches {@code s}, the Kelvin sign matches {@code k}, and {@code ς}, {@code σ}
 * and {@code Σ} all match each other.
 *
 * <p>The compare helpers here fold both sides on the fly, for {@code fieldref}, where neither side is known before
 * the event arrives; they allocate nothing.
 */
final class CaseFolding {
    private CaseFolding() {
    }

    /** The folded form of one code point (ASCII on a fast path). */
    static int fold(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        }
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** {@code s} folded code point by code point (used once per pattern, at compile time). */
    static int[] foldAll(String s, boolean fold) {
        int[] out = new int[s.codePointCount(0, s.length())];
        for (int i = 0, k = 0; i < s.length(); k++) {
            int cp = s.codePointAt(i);
            out[k] = fold ? fold(cp) : cp;
            i += Character.charCount(cp);
        }
        return out;
    }

    /** Whether {@code a} equals {@code b}, ignoring case when {@code fold}. */
    static boolean equals(String a, String b, boolean fold) {
        if (!fold) {
            return a.equals(b);
        }
        return regionEnd(a, 0, b) == a.length();
    }

    static boolean startsWith(String a, String prefix, boolean fold) {
        return fold ? regionEnd(a, 0, prefix) >= 0 : a.startsWith(prefix);
    }

    static boolean endsWith(String a, String suffix, boolean fold) {
        if (!fold) {
            return a.endsWith(suffix);
        }
        int i = a.length();
        int j = suffix.length();
        while (j > 0) {
            if (i <= 0) {
                return false;
            }
            int x = a.codePointBefore(i);
            int y = suffix.codePointBefore(j);
            if (fold(x) != fold(y)) {
                return false;
            }
            i -= Character.charCount(x);
            j -= Character.charCount(y);
        }
        return true;
    }

    static boolean contains(String a, String part, boolean fold) {
        if (!fold) {
            return a.contains(part);
        }
        for (int i = 0; i <= a.length(); ) {
            if (regionEnd(a, i, part) >= 0) {
                return true;
            }
            if (i == a.length()) {
                return false;
            }
            i += Character.charCount(a.codePointAt(i));
        }
        return false;
    }

    /** Where {@code b} ends when it matches {@code a} from {@code from} ignoring case, or -1. */
    private static int regionEnd(String a, int from, String b) {
        int i = from;
        for (int j = 0; j < b.length(); ) {
            if (i >= a.length()) {
                return -1;
            }
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y && fold(x) != fold(y)) {
                return -1;
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return i;
    }
}
