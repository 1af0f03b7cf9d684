package io.detc.engine.property;

import static io.detc.engine.property.Pool.chance;
import static io.detc.engine.property.Pool.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rule strings derived from texts the events hold (so rules match often) or from the pool: cut, re-cased,
 * escaped for Sigma or left raw (then {@code *}, {@code ?} and {@code \} keep their Sigma meaning), with
 * wildcards added; and regular expressions built from the same texts. Works on code points, so a character
 * outside the BMP is never split.
 */
final class Texts {
    private final SplittableRandom r;

    Texts(SplittableRandom r) {
        this.r = r;
    }

    /** A base text: one the events hold at the field (60 %, when any), else one of the pool. */
    String base(List<String> observed) {
        String s = !observed.isEmpty() && chance(r, 0.6) ? pick(r, observed) : pick(r, Pool.STRINGS);
        return s.codePoints().filter(c -> c >= 0x20).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    /** A Sigma string value for a string test. */
    String sigma(List<String> observed) {
        int[] cps = recase(cut(base(observed))).codePoints().toArray();
        boolean escape = chance(r, 0.75);
        List<String> parts = new ArrayList<>();
        for (int c : cps) {
            String s = new String(Character.toChars(c));
            parts.add(escape && (c == '*' || c == '?' || c == '\\') ? "\\" + s : s);
        }
        if (chance(r, 0.3)) {
            int at = r.nextInt(parts.size() + 1);
            if (chance(r, 0.5) && at < parts.size()) {
                parts.set(at, "?");
            } else {
                parts.add(at, "*");
            }
        }
        return String.join("", parts);
    }

    /** A regular expression RE2 accepts, from a text of the events or the pool. */
    String regex(List<String> observed) {
        int[] cps = recase(cut(base(observed))).codePoints().toArray();
        List<String> tokens = new ArrayList<>();
        for (int c : cps) {
            String s = new String(Character.toChars(c));
            tokens.add("\\.^$|?*+()[]{}".indexOf(c) >= 0 ? "\\" + s : s);
        }
        if (!tokens.isEmpty() && chance(r, 0.25)) {
            tokens.set(r.nextInt(tokens.size()), ".");
        }
        if (chance(r, 0.2)) {
            tokens.add(pick(r, List.of("[a-z]+", "\\d+", "[0-9]", "\\w*", "\\s", ".*", ".+", "[^a]", "\\b")));
        }
        String body = String.join("", tokens);
        if (chance(r, 0.1)) {
            body = "(" + body + "|" + pick(r, Pool.USERS) + ")";
        }
        return (chance(r, 0.25) ? "^" : "") + body + (chance(r, 0.25) ? "$" : "");
    }

    /** The Sigma string that means exactly this text ({@code *}, {@code ?} and {@code \\} escaped). */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    /** A substring (by code points) 30 % of the time. */
    private String cut(String s) {
        int n = s.codePointCount(0, s.length());
        if (n < 2 || !chance(r, 0.3)) {
            return s;
        }
        int from = r.nextInt(n);
        int to = from + 1 + r.nextInt(n - from);
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    /** Upper, lower or unchanged case (the locale-free Java rules). */
    private String recase(String s) {
        int k = r.nextInt(6);
        return k == 0 ? s.toUpperCase(Locale.ROOT) : k == 1 ? s.toLowerCase(Locale.ROOT) : s;
    }
}
