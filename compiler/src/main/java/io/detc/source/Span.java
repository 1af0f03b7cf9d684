package io.detc.source;

/**
 * A stretch of text in a source file: a 1-based start line and column and a length in characters.
 *
 * <p>A span that runs past the end of its line is drawn to the end of that line. {@link #NONE} stands for "no
 * place in any file" (command-line problems); its file has an empty path.
 */
public record Span(SourceFile file, int line, int column, int length) {
    public static final Span NONE = new Span(new SourceFile("", ""), 1, 1, 0);

    public Span {
        if (line < 1 || column < 1 || length < 0) {
            throw new IllegalArgumentException("bad span " + line + ":" + column + "+" + length);
        }
    }

    /** A span covering the start of a file (for whole-file problems such as binary content). */
    public static Span startOf(SourceFile file) {
        return new Span(file, 1, 1, 0);
    }

    /** The span between two 0-based offsets of a file. */
    public static Span ofOffsets(SourceFile file, int start, int end) {
        Position p = file.position(start);
        return new Span(file, p.line(), p.column(), Math.max(0, end - start));
    }

    public Position start() {
        return new Position(line, column);
    }

    public boolean isNone() {
        return file.path().isEmpty() && file.text().isEmpty();
    }

    @Override
    public String toString() {
        return file.path() + ":" + line + ":" + column;
    }
}
