package io.detc.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one input file and where its lines start. Immutable.
 *
 * <p>{@code path} is the path as the user gave it, so diagnostics print the same path back. Lines and columns
 * are 1-based and count UTF-16 code units, like every column in detc's output.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                starts.add(i + 1);
            } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line without its line break; empty when out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The 0-based character offset of a 1-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        return Math.min(text.length(), lineStarts[l - 1] + Math.max(0, column - 1));
    }

    /** The 1-based position of a 0-based character offset. */
    public Position position(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= o) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Position(lo + 1, o - lineStarts[lo] + 1);
    }

    @Override
    public String toString() {
        return path;
    }
}
