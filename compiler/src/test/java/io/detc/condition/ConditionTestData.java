package io.detc.condition;

import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import io.detc.source.TextLocator;
import java.nio.file.Path;
import java.util.Optional;

/** Shared helpers for the condition tests: where testdata lives, case-file escapes, and a one-call parse. */
final class ConditionTestData {
    private ConditionTestData() {
    }

    /** {@code testdata/conditions}, from Surefire's {@code testdata.dir}, else relative to the module. */
    static Path dir() {
        String configured = System.getProperty("testdata.dir");
        Path root = configured == null || configured.isBlank() || configured.contains("${")
                ? Path.of("..", "testdata") : Path.of(configured);
        return root.resolve("conditions");
    }

    /**
     * Case files keep one case per line, so {@code \n}, {@code \t}, {@code \r}, {@code \s} (space), {@code \\} and
     * {@code \}{@code uXXXX} are escapes.
     */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 's' -> b.append(' ');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    /** The condition as its own file, {@code <input>}, so rendered diagnostics show it with a caret. */
    static SourceFile inputFile(String text) {
        return new SourceFile("<input>", text);
    }

    /**
     * A locator for a condition that is the whole file. On one-line text this is exactly
     * {@code TextLocator.linear(<input>:1:1)}; going through the file's line table keeps multi-line cases right too.
     */
    static TextLocator locator(SourceFile file) {
        if (file.lineCount() == 1) {
            return TextLocator.linear(Span.startOf(file));
        }
        return (from, to) -> Span.ofOffsets(file, from, to);
    }

    static Optional<Condition> read(String text, Diagnostics diags) {
        SourceFile file = inputFile(text);
        return ConditionReader.read(text, locator(file), diags);
    }
}
