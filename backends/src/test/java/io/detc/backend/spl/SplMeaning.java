package io.detc.backend.spl;

import io.detc.value.Text;
import java.util.Optional;

/**
 * What an exact-match query built by {@link SplFixtures#query} tests of {@code eventType}, read back from the query
 * text: the where clause's {@code mvfind} pattern when there is one, else the search command's value.
 */
record SplMeaning(Text text, boolean cased, boolean withoutNull) {
    private static final String MVFIND = "mvfind(eventType, ";
    private static final String SEARCH = "eventType=";

    static SplMeaning of(String query) {
        int where = query.indexOf("| where ");
        if (where >= 0) {
            int m = query.indexOf(MVFIND, where);
            SplDecode.Glob g = SplDecode.glob(SplDecode.string(SplDecode.literalAt(query, m + MVFIND.length())));
            return new SplMeaning(g.text(), g.cased(), g.withoutNull());
        }
        int f = query.indexOf(SEARCH);
        return new SplMeaning(SplDecode.searchValue(SplDecode.literalAt(query, f + SEARCH.length())), false, false);
    }

    /**
     * What a query for {@code text} must mean: the text with its case rule, leaving out the text "null" (a JSON null
     * as Splunk extracts it) exactly when the pattern would match that text.
     */
    static SplMeaning expected(Text text, boolean cased) {
        return new SplMeaning(text, cased, SplFixtures.javaGlob(text, !cased).matcher("null").matches());
    }

    /** The search command's prefilter on eventType before the where clause, if any. */
    static Optional<Text> prefilter(String query) {
        int where = query.indexOf("| where ");
        int f = query.indexOf(SEARCH);
        if (where < 0 || f < 0 || f > where) {
            return Optional.empty();
        }
        return Optional.of(SplDecode.searchValue(SplDecode.literalAt(query, f + SEARCH.length())));
    }

    /** A string for a golden file: control and format characters as \\uXXXX. */
    static String show(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (SplEscaper.unprintable(c)) {
                b.append("\\u%04X".formatted(c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
