package io.detc.backend.spl;

import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Sigma strings as PCRE patterns: a glob ({@code *} any run, {@code ?} one character, everything else literal
 * through {@link SplEscaper#quoteRegex}) anchored at both ends, and the guard that keeps a pattern off the text
 * {@code null}.
 */
final class SplPatterns {
    /**
     * The text {@code null}, exactly: Splunk's JSON extraction gives a JSON null this text, so a pattern that would
     * match it must leave it out ({@link #withoutNullText}).
     */
    static final String NOT_NULL_TEXT = "\\A(?!null\\z)";

    private SplPatterns() {
    }

    /** {@code pcre} (unanchored) that never matches the text {@code null} exactly. */
    static String withoutNullText(String pcre) {
        return NOT_NULL_TEXT + "(?s:.*?)(?:" + pcre + ")";
    }

    /** A pattern matching exactly the values the glob matches: {@code (?s)}, {@code (?i)} unless cased, anchored. */
    static String glob(Text text, boolean cased) {
        List<Text.Part> parts = new ArrayList<>(text.parts());
        boolean anchorStart = parts.isEmpty() || parts.get(0) != Text.Wildcard.ANY_SEQUENCE;
        boolean anchorEnd = parts.isEmpty() || parts.get(parts.size() - 1) != Text.Wildcard.ANY_SEQUENCE;
        if (!anchorStart) {
            parts.remove(0);
        }
        if (!anchorEnd && !parts.isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        StringBuilder b = new StringBuilder(cased ? "(?s)" : "(?is)");
        if (anchorStart) {
            b.append("\\A");
        }
        for (Text.Part p : parts) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append(".*");
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append('.');
            } else {
                b.append(SplEscaper.quoteRegex(((Text.Literal) p).text()));
            }
        }
        if (anchorEnd) {
            b.append("\\z");
        }
        return b.toString();
    }
}
