package io.detc.backend.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.backend.Escaper;
import io.detc.value.Text;

/**
 * The one place rule text enters an OpenSearch query. Values go into JSON through Jackson (so quotes, backslashes and
 * control characters are JSON-escaped); inside a {@code wildcard} pattern Lucene's {@code *}, {@code ?} and {@code \}
 * are escaped with a backslash (Lucene WildcardQuery); inside a {@code regexp} every reserved character of Lucene's
 * RegExp syntax ({@code . ? + * | { } [ ] ( ) " \ # @ & < > ~}) is escaped with a backslash (Lucene RegExp: "\"
 * followed by any character is that character).
 */
public final class OsEscaper implements Escaper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGEXP_RESERVED = ".?+*|{}[]()\"\\#@&<>~";

    @Override
    public String identifier(String field) {
        return literal(field);
    }

    @Override
    public String literal(String raw) {
        try {
            return JSON.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Lucene wildcard pattern for {@code t}: its wildcards as {@code *}/{@code ?}, literal text escaped. */
    public String wildcard(Text t) {
        StringBuilder b = new StringBuilder();
        for (Text.Part p : t.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append('*');
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append('?');
            } else {
                String s = ((Text.Literal) p).text();
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

    /** One code point as a literal of a Lucene regexp (also inside a character class). */
    public String regexpChar(int cp) {
        String s = new String(Character.toChars(cp));
        return cp < 128 && REGEXP_RESERVED.indexOf(cp) >= 0 || cp == '-' || cp == '^' ? "\\" + s : s;
    }

    /** A Lucene regexp matching exactly {@code raw}. */
    public String regexpLiteral(String raw) {
        StringBuilder b = new StringBuilder();
        raw.codePoints().forEach(cp -> b.append(regexpChar(cp)));
        return b.toString();
    }
}
