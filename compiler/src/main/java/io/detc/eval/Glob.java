package io.detc.eval;

import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string pattern ({@link Text}) compiled for matching: literals folded once (see {@link CaseFolding}),
 * then specialised by shape into exact, prefix, suffix, contains or a general glob. Never uses
 * {@code java.util.regex}: a glob needs no backtracking.
 *
 * <p>The pattern is cut at its {@code *} wildcards into segments; a segment is a fixed run of code points where
 * {@code ?} ({@link #ANY}) stands for exactly one code point. Because each segment has a fixed length, the segment
 * before the first {@code *} can only match at the start and the one after the last {@code *} only at the end, and
 * taking the leftmost match of each middle segment, in order, is always right (a later match only leaves less room).
 * So matching is one forward pass with no backtracking across segments: O(n·m) worst case for a value of n and a
 * pattern of m code points, linear in the value for a fixed rule, and usually far less (a mismatch on the first
 * code point moves on at once). {@code *} matches any run including the empty one and line breaks.
 *
 * <p>Cased patterns made only of literals use {@link String#startsWith}/{@link String#indexOf} and friends, which
 * compare code units: for well-formed UTF-16 that is the same as comparing code points.
 */
final class Glob {
    /** A {@code ?} inside a segment. Never a code point: those are non-negative. */
    static final int ANY = -1;

    private enum Shape { ANYTHING, EXACT, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private final Shape shape;
    private final boolean fold;
    /** Segments between {@code *}s, folded when {@link #fold}; {@link #ANY} for {@code ?}. */
    private final int[][] segments;
    private final boolean leadingStar;
    private final boolean trailingStar;
    /** For cased literal-only shapes: the one segment as a string, so the JDK's intrinsics do the work. */
    private final String literal;

    private Glob(Shape shape, boolean fold, int[][] segments, boolean leadingStar, boolean trailingStar,
                 String literal) {
        this.shape = shape;
        this.fold = fold;
        this.segments = segments;
        this.leadingStar = leadingStar;
        this.trailingStar = trailingStar;
        this.literal = literal;
    }

    /** Compiles {@code pattern}; {@code cased} compares code points exactly, otherwise both sides are folded. */
    static Glob compile(Text pattern, boolean cased) {
        List<int[]> segs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean hasAnyChar = false;
        List<Text.Part> parts = pattern.parts();
        for (Text.Part p : parts) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                if (!current.isEmpty()) {
                    segs.add(current.stream().mapToInt(Integer::intValue).toArray());
                    current.clear();
                }
            } else if (p == Text.Wildcard.ANY_CHAR) {
                current.add(ANY);
                hasAnyChar = true;
            } else {
                String s = ((Text.Literal) p).text();
                text.append(s);
                for (int cp : CaseFolding.foldAll(s, !cased)) {
                    current.add(cp);
                }
            }
        }
        if (!current.isEmpty()) {
            segs.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        boolean lead = !parts.isEmpty() && parts.get(0) == Text.Wildcard.ANY_SEQUENCE;
        boolean trail = !parts.isEmpty() && parts.get(parts.size() - 1) == Text.Wildcard.ANY_SEQUENCE;
        Shape shape;
        if (segs.isEmpty()) {
            shape = lead ? Shape.ANYTHING : Shape.EXACT; // "*" (Text keeps one) or the empty pattern
        } else if (segs.size() > 1) {
            shape = Shape.GENERAL;
        } else if (lead) {
            shape = trail ? Shape.CONTAINS : Shape.SUFFIX;
        } else {
            shape = trail ? Shape.PREFIX : Shape.EXACT;
        }
        String literal = cased && !hasAnyChar && segs.size() <= 1 ? text.toString() : null;
        return new Glob(shape, !cased, segs.toArray(int[][]::new), lead, trail, literal);
    }

    /** Whether the whole of {@code v} matches the pattern. */
    boolean matches(String v) {
        if (literal != null) {
            switch (shape) {
                case ANYTHING:
                    return true;
                case EXACT:
                    return v.equals(literal);
                case PREFIX:
                    return v.startsWith(literal);
                case SUFFIX:
                    return v.endsWith(literal);
                case CONTAINS:
                    return v.contains(literal);
                default:
                    break;
            }
        }
        int n = v.length();
        switch (shape) {
            case ANYTHING:
                return true;
            case EXACT:
                return segments.length == 0 ? n == 0 : forward(v, 0, n, segments[0]) == n;
            case PREFIX:
                return forward(v, 0, n, segments[0]) >= 0;
            case SUFFIX:
                return backward(v, n, segments[0]) >= 0;
            case CONTAINS:
                return find(v, 0, n, segments[0]) >= 0;
            default:
                return general(v);
        }
    }

    private boolean general(String v) {
        int pos = 0;
        int limit = v.length();
        int first = 0;
        int last = segments.length;
        if (!leadingStar) {
            pos = forward(v, 0, limit, segments[0]);
            if (pos < 0) {
                return false;
            }
            first = 1;
        }
        if (!trailingStar) {
            int start = backward(v, limit, segments[segments.length - 1]);
            if (start < pos) {
                return false; // no match at the end, or it would overlap the start's match
            }
            limit = start;
            last = segments.length - 1;
        }
        for (int k = first; k < last; k++) {
            pos = find(v, pos, limit, segments[k]);
            if (pos < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where the leftmost match of {@code seg} in {@code v[from, limit)} ends, or -1. */
    private int find(String v, int from, int limit, int[] seg) {
        for (int i = from; i <= limit; ) {
            int end = forward(v, i, limit, seg);
            if (end >= 0) {
                return end;
            }
            if (i == limit) {
                return -1;
            }
            i += Character.charCount(v.codePointAt(i));
        }
        return -1;
    }

    /** Where {@code seg} ends when it matches {@code v} at {@code from} without passing {@code limit}, or -1. */
    private int forward(String v, int from, int limit, int[] seg) {
        int i = from;
        for (int p : seg) {
            if (i >= limit) {
                return -1;
            }
            int cp = v.codePointAt(i);
            if (p != ANY && p != cp && (!fold || p != CaseFolding.fold(cp))) {
                return -1;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Where {@code seg} starts when it matches {@code v} ending at {@code end}, or -1. */
    private int backward(String v, int end, int[] seg) {
        int i = end;
        for (int k = seg.length - 1; k >= 0; k--) {
            if (i <= 0) {
                return -1;
            }
            int cp = v.codePointBefore(i);
            int p = seg[k];
            if (p != ANY && p != cp && (!fold || p != CaseFolding.fold(cp))) {
                return -1;
            }
            i -= Character.charCount(cp);
        }
        return i;
    }
}
