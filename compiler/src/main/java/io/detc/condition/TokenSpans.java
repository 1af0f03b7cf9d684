package io.detc.condition;

import io.detc.source.Span;
import io.detc.source.TextLocator;
import org.antlr.v4.runtime.Token;

/**
 * The one place where ANTLR token positions become file spans. Token indexes count code points (ANTLR's
 * {@code CodePointCharStream}), while {@link TextLocator} and every column in detc count UTF-16 units, so the two
 * differ after the first character outside the BMP (an emoji); this class converts before calling the locator.
 */
final class TokenSpans {
    private final String text;
    private final TextLocator locator;
    /** UTF-16 offset of each code point index, or null when the text has no surrogate pairs (indexes agree). */
    private final int[] charOffsets;

    TokenSpans(String text, TextLocator locator) {
        this.text = text;
        this.locator = locator;
        this.charOffsets = text.codePointCount(0, text.length()) == text.length() ? null : offsets(text);
    }

    /** The span from the first character of {@code start} to the last character of {@code stop}. */
    Span span(Token start, Token stop) {
        int from = chars(start.getStartIndex());
        int to = chars(Math.max(stop.getStopIndex(), start.getStartIndex() - 1) + 1);
        return locator.span(from, Math.max(from, to));
    }

    Span span(Token token) {
        return span(token, token);
    }

    /** A one-character span just after {@code token} (where a missing token would go). */
    Span after(Token token) {
        int end = chars(token.getStopIndex() + 1);
        return locator.span(end, end + 1);
    }

    /** The span of the whole text (for problems without a better place). */
    Span whole() {
        return locator.span(0, text.length());
    }

    private int chars(int codePointIndex) {
        if (charOffsets == null) {
            return Math.max(0, Math.min(codePointIndex, text.length()));
        }
        return charOffsets[Math.max(0, Math.min(codePointIndex, charOffsets.length - 1))];
    }

    private static int[] offsets(String text) {
        int[] out = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            out[cp++] = i;
        }
        out[cp] = text.length();
        return out;
    }
}
