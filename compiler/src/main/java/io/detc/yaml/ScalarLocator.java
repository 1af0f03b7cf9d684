package io.detc.yaml;

import io.detc.source.SourceFile;
import io.detc.source.Span;
import io.detc.source.TextLocator;

/**
 * Maps offsets inside a decoded scalar back to the file. Quoting, escapes, folding and block indentation make the
 * decoded text differ from the source, so the map is built by aligning the two: each decoded character is found
 * at or after the previous one's place in the source region. The alignment is computed only when a diagnostic
 * asks for it, so loading stays cheap.
 */
final class ScalarLocator implements TextLocator {
    private final SourceFile file;
    private final String value;
    private final int regionStart;
    private final int regionEnd;
    private int[] map;

    ScalarLocator(SourceFile file, String value, int regionStart, int regionEnd) {
        this.file = file;
        this.value = value;
        this.regionStart = regionStart;
        this.regionEnd = Math.max(regionStart, regionEnd);
    }

    @Override
    public Span span(int from, int to) {
        int[] m = map();
        int f = Math.max(0, Math.min(from, value.length()));
        int t = Math.max(f, Math.min(to, value.length()));
        int start = m[f];
        int end = t == f ? start + (to > from ? 1 : 0) : m[t - 1] + 1;
        return Span.ofOffsets(file, start, Math.max(start, end));
    }

    private int[] map() {
        if (map == null) {
            String text = file.text();
            int[] m = new int[value.length() + 1];
            int cursor = regionStart;
            // Skip an opening quote or a block indicator line so the first character aligns with content.
            if (cursor < regionEnd && (text.charAt(cursor) == '\'' || text.charAt(cursor) == '"')) {
                cursor++;
            } else if (cursor < regionEnd && (text.charAt(cursor) == '|' || text.charAt(cursor) == '>')) {
                int nl = text.indexOf('\n', cursor);
                cursor = nl < 0 || nl >= regionEnd ? cursor : nl + 1;
            }
            for (int i = 0; i < value.length(); i++) {
                int found = -1;
                char c = value.charAt(i);
                for (int j = cursor; j < regionEnd; j++) {
                    if (text.charAt(j) == c) {
                        found = j;
                        break;
                    }
                    // Folded line breaks and escapes have no single source character; stop at a plausible place.
                    if (c == ' ' || c == '\n') {
                        break;
                    }
                }
                m[i] = found >= 0 ? found : Math.min(cursor, Math.max(regionStart, regionEnd - 1));
                cursor = found >= 0 ? found + 1 : cursor;
            }
            m[value.length()] = Math.min(cursor, text.length());
            map = m;
        }
        return map;
    }
}
