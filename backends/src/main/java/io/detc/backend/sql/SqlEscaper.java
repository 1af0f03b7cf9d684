package io.detc.backend.sql;

import io.detc.backend.Escaper;
import io.detc.value.Text;
import java.util.Optional;

/**
 * The only code that puts rule text into SQL, one instance per dialect ({@link SqlDialect#escaper()}). Quote
 * characters and the character function are data (Calcite's {@code SqlDialect.Context} style):
 * <ul>
 *   <li>string literals: ANSI {@code '...'} with the quote doubled (SQL:2016 5.3 {@code <character string
 *       literal>}; PostgreSQL with {@code standard_conforming_strings}, the default since 9.1, so a backslash is an
 *       ordinary character). Control and format characters (line breaks, NUL, bidirectional overrides such as
 *       U+202E) are never written raw: they become {@code chr(n)} / {@code char(n)} calls joined with {@code ||}, so a
 *       query shows what it matches and no reviewer is fooled by an invisible character;</li>
 *   <li>identifiers: {@code "..."} with the quote doubled, only when not a plain lower-case identifier;</li>
 *   <li>LIKE patterns ({@code ESCAPE '\'}): {@code \ % _} escaped; SQLite GLOB patterns: {@code * ? [} as the
 *       one-character classes {@code [*] [?] [[]} (GLOB has no escape character);</li>
 *   <li>JSON path keys (DuckDB, SQLite): {@code $."key"} with {@code \} and {@code "} backslash-escaped, so dots,
 *       brackets and dollars in a key are never read as path syntax.</li>
 * </ul>
 * A string a dialect cannot hold (NUL in PostgreSQL text, a lone surrogate anywhere) has no literal:
 * {@link #canHold} says so and the backend reports E401 instead of writing a different string.
 */
public final class SqlEscaper implements Escaper {
    private final String chrFunction;
    private final boolean nulAllowed;
    private final boolean glob;

    SqlEscaper(String chrFunction, boolean nulAllowed, boolean glob) {
        this.chrFunction = chrFunction;
        this.nulAllowed = nulAllowed;
        this.glob = glob;
    }

    /** Why {@code raw} cannot be a literal of this dialect, or empty when it can. */
    public Optional<String> cannotHold(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            if (cp == 0 && !nulAllowed) {
                return Optional.of("PostgreSQL text cannot hold the NUL character (U+0000)");
            }
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return Optional.of("a lone UTF-16 surrogate (U+" + Integer.toHexString(cp).toUpperCase() + ") is not"
                        + " text in UTF-8");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    public boolean canHold(String raw) {
        return cannotHold(raw).isEmpty();
    }

    @Override
    public String identifier(String name) {
        if (name.matches("[a-z_][a-z0-9_]*")) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String literal(String raw) {
        cannotHold(raw).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        int pieces = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (needsChr(cp)) {
                if (run.length() > 0) {
                    pieces = append(out, quote(run.toString()), pieces);
                    run.setLength(0);
                }
                pieces = append(out, chrFunction + "(" + cp + ")", pieces);
            } else {
                run.appendCodePoint(cp);
            }
        }
        if (run.length() > 0 || pieces == 0) {
            pieces = append(out, quote(run.toString()), pieces);
        }
        return pieces > 1 ? "(" + out + ")" : out.toString();
    }

    private static int append(StringBuilder out, String piece, int pieces) {
        if (pieces > 0) {
            out.append(" || ");
        }
        out.append(piece);
        return pieces + 1;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Characters written as {@code chr(n)}: controls, format characters (bidi overrides, zero widths), separators. */
    static boolean needsChr(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** A Sigma pattern as a LIKE ({@code ESCAPE '\'}) or GLOB pattern, before quoting. */
    public String pattern(Text text) {
        StringBuilder b = new StringBuilder();
        for (Text.Part p : text.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append(glob ? '*' : '%');
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append(glob ? '?' : '_');
            } else {
                String s = ((Text.Literal) p).text();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (glob) {
                        if (c == '*' || c == '?' || c == '[') {
                            b.append('[').append(c).append(']');
                        } else {
                            b.append(c);
                        }
                    } else {
                        if (c == '\\' || c == '%' || c == '_') {
                            b.append('\\');
                        }
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The JSON path {@code $."key"} naming one object key exactly (DuckDB, SQLite), before quoting. */
    public String jsonKeyPath(String key) {
        return "$.\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
