package io.detc.backend.spl;

import io.detc.value.Text;

/**
 * Sigma keywords (a pattern some string value anywhere in the event satisfies) as a PCRE pattern over the raw JSON
 * event ({@code _raw}): a JSON string token whose content, as a JSON writer escapes it, matches the pattern, and
 * which is not an object key (not followed by {@code :}). A wildcard runs over escaped content without leaving the
 * string; {@code ?} is one character or one escape.
 */
final class SplKeywords {
    private static final String ANY_RUN = "(?:[^\"\\\\]|\\\\.)*";
    private static final String ANY_ONE = "(?:[^\"\\\\]|\\\\u[0-9A-Fa-f]{4}|\\\\.)";

    private SplKeywords() {
    }

    static String rawRegex(Text pattern, boolean cased) {
        StringBuilder b = new StringBuilder(cased ? "" : "(?i)").append('"');
        for (Text.Part p : pattern.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append(ANY_RUN);
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append(ANY_ONE);
            } else {
                b.append(SplEscaper.quoteRegex(jsonEscaped(((Text.Literal) p).text())));
            }
        }
        return b.append("\"(?![ \\t\\r\\n]*:)").toString();
    }

    /** The text as a JSON writer puts it between quotes (RFC 8259 short escapes, \\u00XX for other controls). */
    static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u%04x".formatted((int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
