package io.detc.backend.spl;

import io.detc.backend.Escaper;
import io.detc.value.Text;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only code that puts rule text into SPL. Every quoted string it writes uses exactly two escapes, {@code \\} and
 * {@code \"} (Search Manual, "Backslashes": a literal backslash in an argument is written {@code \\}; a quote inside
 * a quoted string is {@code \"}), so a reader (and {@link SplLexicalCheck}) can decode every literal without
 * guessing which other backslash sequences Splunk leaves alone.
 *
 * <p>What cannot be written in a quoted string:
 * <ul>
 *   <li>control and format characters (newline, NUL, bidi overrides): SPL has no escape for them in string literals,
 *       so values holding them are matched with a regular expression ({@link #quoteRegex}: {@code \x{..}}); the
 *       same for the backtick, which Splunk reads as a macro call even inside quotes;</li>
 *   <li>a literal {@code *} in a search-command value: the search command reads {@code *} as a wildcard even inside
 *       quotes and a backslash cannot escape it (Search Manual, "Backslashes"), so such values go to
 *       {@code | where}.</li>
 * </ul>
 * Field names: the search command takes plain dotted names with {@code {}} unquoted ({@code target{}.type}); eval
 * and where need single quotes around any name that is not a plain identifier ({@code 'target{}.type'}). A name
 * holding a quote, a backslash or a control character cannot be addressed at all.
 */
public final class SplEscaper implements Escaper {
    public static final SplEscaper INSTANCE = new SplEscaper();

    private static final Pattern PLAIN_EVAL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // Dot-separated segments, each optionally followed by {}: unambiguous, so matching is linear in the name.
    private static final Pattern PLAIN_SEARCH_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\{\\})*"
            + "(?:\\.[A-Za-z0-9_@]+(?:\\{\\})*)*");
    private static final String REGEX_META = "\\^$.|?*+()[]{}";

    private SplEscaper() {
    }

    /** The field as eval and where read it: bare when it is a plain identifier, otherwise in single quotes. */
    @Override
    public String identifier(String field) {
        if (!addressable(field)) {
            throw new IllegalArgumentException("field name cannot be written in SPL: " + field);
        }
        return PLAIN_EVAL_NAME.matcher(field).matches() ? field : "'" + field + "'";
    }

    /** Whether eval can name {@code field}: single quotes hold anything but a quote, a backslash or a control. */
    public boolean addressable(String field) {
        if (field.isEmpty()) {
            return false;
        }
        return field.codePoints().noneMatch(c -> c == '\'' || c == '\\' || c == '"' || unprintable(c));
    }

    /** The field as the search command names it, when it can be written there without quotes. */
    public Optional<String> searchField(String field) {
        return PLAIN_SEARCH_NAME.matcher(field).matches() ? Optional.of(field) : Optional.empty();
    }

    /** A complete double-quoted SPL string holding exactly {@code raw}; see {@link #quotable}. */
    @Override
    public String literal(String raw) {
        if (!quotable(raw)) {
            throw new IllegalArgumentException("text with control or format characters has no SPL string literal");
        }
        StringBuilder b = new StringBuilder(raw.length() + 2).append('"');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /**
     * Whether {@link #literal} can hold {@code raw}: no control, format or lone surrogate characters, and no
     * backtick (Splunk expands {@code `macro`} before it parses the search, quotes or not).
     */
    public boolean quotable(String raw) {
        return raw.codePoints().noneMatch(SplEscaper::mustEscape);
    }

    /** A regular expression (already in PCRE syntax, see {@link SplRegex}) as a quoted SPL string. */
    public String regex(String pcre) {
        return literal(pcre);
    }

    /**
     * The search-command value that matches exactly {@code text} (case-insensitively, as the search command does),
     * or empty when the search command cannot say it exactly: see {@link #rawSafe}.
     */
    public Optional<String> searchValue(Text text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("\"");
        for (Text.Part p : text.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append('*');
            } else if (p instanceof Text.Literal l && l.text().codePoints().allMatch(SplEscaper::rawSafe)) {
                b.append(l.text());
            } else {
                return Optional.empty();
            }
        }
        String s = b.append('"').toString();
        // Surrounding blanks and a lone '*' (which does not match an empty value) stay with where.
        boolean onlyStars = s.chars().allMatch(c -> c == '*' || c == '"');
        return onlyStars || s.charAt(1) == ' ' || s.charAt(s.length() - 2) == ' ' ? Optional.empty() : Optional.of(s);
    }

    /**
     * A wider search-command value that every value matching {@code text} also matches: each character the search
     * command cannot say exactly (see {@link #rawSafe}) and each single-character wildcard becomes {@code *}. Empty
     * when nothing but wildcards would be left (no use as a filter).
     */
    public Optional<String> searchPrefilter(Text text) {
        StringBuilder b = new StringBuilder();
        for (Text.Part p : text.parts()) {
            if (p instanceof Text.Literal l) {
                l.text().codePoints().forEach(c -> b.append(rawSafe(c) ? Character.toString(c) : "*"));
            } else {
                b.append('*');
            }
        }
        String s = b.toString();
        if (s.startsWith(" ")) {
            s = "*" + s.stripLeading();
        }
        if (s.endsWith(" ")) {
            s = s.stripTrailing() + "*";
        }
        s = s.replaceAll("\\*+", "*");
        return s.replace("*", "").isBlank() ? Optional.empty() : Optional.of("\"" + s + "\"");
    }

    /**
     * Characters a search-command value may hold as themselves: printable ASCII that JSON writers never escape and
     * that has no meaning inside a quoted search value. Excluded: {@code *} (a wildcard; {@code ?} too, to be safe
     * with versions that treat it as one), {@code "} and {@code \}
     * (escaped in the raw JSON, where Splunk first looks for the value's terms), and {@code ' < > & + `} (which
     * .NET JSON writers, Azure's included, escape as {@code \u0027} and friends); non-ASCII letters also stay out,
     * both because exporters may write them as {@code \\uXXXX} and because Splunk's case folding of them is not
     * Sigma's.
     */
    static boolean rawSafe(int c) {
        return c >= 0x20 && c < 0x7f && "*?\"\\'<>&+`".indexOf(c) < 0;
    }

    /** Characters never written raw into a query: {@link #unprintable} ones and the macro quote {@code `}. */
    static boolean mustEscape(int c) {
        return c == '`' || unprintable(c);
    }

    /** Control, format, separator and surrogate code points: never written raw into a query. */
    static boolean unprintable(int c) {
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || t == Character.SURROGATE || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE;
    }

    /**
     * {@code text} as a PCRE pattern that matches exactly that text: metacharacters escaped with a backslash,
     * characters that may not appear raw as {@code \x{hex}}; everything else as itself.
     */
    public static String quoteRegex(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> appendRegexChar(b, c));
        return b.toString();
    }

    /** One code point of literal text in a PCRE pattern. */
    static void appendRegexChar(StringBuilder b, int c) {
        if (mustEscape(c)) {
            b.append("\\x{").append(Integer.toHexString(c)).append('}');
        } else if (c < 0x80 && REGEX_META.indexOf(c) >= 0) {
            b.append('\\').appendCodePoint(c);
        } else {
            b.appendCodePoint(c);
        }
    }
}
