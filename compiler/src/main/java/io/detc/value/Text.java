package io.detc.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string: literal text and typed wildcards. An unescaped {@code *} in a rule becomes
 * {@link Wildcard#ANY_SEQUENCE}, an unescaped {@code ?} {@link Wildcard#ANY_CHAR}; an escaped {@code \*} stays
 * literal text. Backends never see raw {@code *}: they render parts through their own escaper (pySigma's SpecialChars).
 * Adjacent literals are merged, so two equal texts have equal parts.
 */
public record Text(List<Part> parts) {
    public Text {
        parts = normalise(parts);
    }

    /** A part of a {@link Text}. */
    public sealed interface Part permits Literal, Wildcard {
    }

    /** Literal characters, matched as they are (case rules aside). Never empty. */
    public record Literal(String text) implements Part {
        public Literal {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
        }
    }

    /** A typed wildcard. */
    public enum Wildcard implements Part { ANY_SEQUENCE, ANY_CHAR }

    public static Text literal(String s) {
        return new Text(s.isEmpty() ? List.of() : List.of(new Literal(s)));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    /** The text when it has no wildcards. */
    public String plain() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                b.append(l.text());
            } else {
                throw new IllegalStateException("text has wildcards: " + this);
            }
        }
        return b.toString();
    }

    public Text prepend(Part p) {
        List<Part> ps = new ArrayList<>();
        ps.add(p);
        ps.addAll(parts);
        return new Text(ps);
    }

    public Text append(Part p) {
        List<Part> ps = new ArrayList<>(parts);
        ps.add(p);
        return new Text(ps);
    }

    /** Sigma notation again: wildcards as {@code *}/{@code ?}, and {@code *}, {@code ?}, {@code \} escaped. */
    public String toSigma() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p == Wildcard.ANY_SEQUENCE) {
                b.append('*');
            } else if (p == Wildcard.ANY_CHAR) {
                b.append('?');
            } else {
                String s = ((Literal) p).text();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '*' || c == '?' || c == '\\') {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return toSigma();
    }

    private static List<Part> normalise(List<Part> in) {
        List<Part> out = new ArrayList<>(in.size());
        StringBuilder pending = new StringBuilder();
        for (Part p : in) {
            if (p instanceof Literal l) {
                pending.append(l.text());
            } else {
                if (pending.length() > 0) {
                    out.add(new Literal(pending.toString()));
                    pending.setLength(0);
                }
                // "**" means the same as "*": keep one so equal meanings have equal parts.
                if (p == Wildcard.ANY_SEQUENCE && !out.isEmpty() && out.get(out.size() - 1) == Wildcard.ANY_SEQUENCE) {
                    continue;
                }
                out.add(p);
            }
        }
        if (pending.length() > 0) {
            out.add(new Literal(pending.toString()));
        }
        return List.copyOf(out);
    }
}
