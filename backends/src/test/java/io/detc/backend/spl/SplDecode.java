package io.detc.backend.spl;

import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link SplEscaper} and {@link SplPatterns#glob} write, independently of them: an SPL double-quoted
 * string (escapes {@code \\} and {@code \"} only), and a glob pattern ({@code (?s)}/{@code (?is)}, optional
 * {@code \A}/{@code \z}, {@code .*}, {@code .}, backslash-escaped metacharacters, {@code \x{hex}}) back into a
 * {@link Text}. Anything else is a failure: the writer produced something the tests do not expect.
 */
final class SplDecode {
    private SplDecode() {
    }

    /** The text inside one complete SPL string literal. */
    static String string(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
            throw new IllegalArgumentException("not a string literal: " + literal);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '"') {
                throw new IllegalArgumentException("unescaped quote inside: " + literal);
            }
            if (c == '\\') {
                char n = literal.charAt(++i);
                if (n != '\\' && n != '"') {
                    throw new IllegalArgumentException("escape \\" + n + " in " + literal);
                }
                b.append(n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The first complete string literal starting at {@code from} (which must be a quote). */
    static String literalAt(String s, int from) {
        int i = from + 1;
        while (s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return s.substring(from, i + 1);
    }

    /** A glob pattern back into its text, whether it is case-sensitive, and whether it leaves out "null". */
    record Glob(Text text, boolean cased, boolean withoutNull) {
    }

    static Glob glob(String pcre) {
        String wrap = SplPatterns.NOT_NULL_TEXT + "(?s:.*?)(?:";
        if (pcre.startsWith(wrap) && pcre.endsWith(")")) {
            Glob inner = glob(pcre.substring(wrap.length(), pcre.length() - 1));
            return new Glob(inner.text(), inner.cased(), true);
        }
        boolean cased;
        String p;
        if (pcre.startsWith("(?is)")) {
            cased = false;
            p = pcre.substring(5);
        } else if (pcre.startsWith("(?s)")) {
            cased = true;
            p = pcre.substring(4);
        } else {
            throw new IllegalArgumentException("no flags: " + pcre);
        }
        List<Text.Part> parts = new ArrayList<>();
        int i = 0;
        if (p.startsWith("\\A")) {
            i = 2;
        } else {
            parts.add(Text.Wildcard.ANY_SEQUENCE);
        }
        boolean anchoredEnd = false;
        StringBuilder lit = new StringBuilder();
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '.') {
                flush(parts, lit);
                boolean star = i + 1 < p.length() && p.charAt(i + 1) == '*';
                parts.add(star ? Text.Wildcard.ANY_SEQUENCE : Text.Wildcard.ANY_CHAR);
                i += star ? 1 : 0;
            } else if (c == '\\') {
                char n = p.charAt(++i);
                if (n == 'z' && i == p.length() - 1) {
                    anchoredEnd = true;
                } else if (n == 'x') {
                    int close = p.indexOf('}', i);
                    lit.appendCodePoint(Integer.parseInt(p.substring(i + 2, close), 16));
                    i = close;
                } else if ("\\^$.|?*+()[]{}".indexOf(n) >= 0) {
                    lit.append(n);
                } else {
                    throw new IllegalArgumentException("escape \\" + n + " in " + pcre);
                }
            } else if ("^$|?*+()[]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unescaped metacharacter " + c + " in " + pcre);
            } else {
                lit.append(c);
            }
        }
        flush(parts, lit);
        if (!anchoredEnd) {
            parts.add(Text.Wildcard.ANY_SEQUENCE);
        }
        return new Glob(new Text(parts), cased, false);
    }

    /** A search-command value ("..." with {@code *} wildcards) back into a text. */
    static Text searchValue(String literal) {
        String s = string(literal);
        List<Text.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '*') {
                flush(parts, lit);
                parts.add(Text.Wildcard.ANY_SEQUENCE);
            } else {
                lit.append(c);
            }
        }
        flush(parts, lit);
        return new Text(parts);
    }

    private static void flush(List<Text.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Text.Literal(lit.toString()));
            lit.setLength(0);
        }
    }
}
