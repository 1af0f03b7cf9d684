package io.detc.backend.kql;

import io.detc.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers: decoding KQL string literals (as Kusto documents them), and the hostile strings of
 * testdata/strings/nasty.txt.
 */
final class KqlLiterals {
    private KqlLiterals() {
    }

    /** The value of one complete KQL string literal ({@code "..."}, {@code '...'}, {@code @"..."}, {@code @'...'}). */
    static String decode(String lit) {
        if (lit.startsWith("@")) {
            char q = lit.charAt(1);
            if (lit.length() < 3 || lit.charAt(lit.length() - 1) != q) {
                throw new IllegalArgumentException("unterminated verbatim literal " + lit);
            }
            String body = lit.substring(2, lit.length() - 1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == q) {
                    if (i + 1 >= body.length() || body.charAt(i + 1) != q) {
                        throw new IllegalArgumentException("lone quote in verbatim literal " + lit);
                    }
                    i++;
                }
                if (c == '\n' || c == '\r') {
                    throw new IllegalArgumentException("raw line break in " + lit);
                }
                b.append(c);
            }
            return b.toString();
        }
        char q = lit.charAt(0);
        if ((q != '"' && q != '\'') || lit.length() < 2 || lit.charAt(lit.length() - 1) != q) {
            throw new IllegalArgumentException("not a string literal: " + lit);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < lit.length() - 1; i++) {
            char c = lit.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("raw line break in " + lit);
            }
            if (c == q) {
                throw new IllegalArgumentException("unescaped quote inside " + lit);
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = lit.charAt(++i);
            switch (e) {
                case '\\', '"', '\'' -> b.append(e);
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(lit.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("escape \\" + e + " in " + lit);
            }
        }
        return b.toString();
    }

    /** testdata/strings/nasty.txt with its escapes decoded; {@code <empty>} is "". */
    static List<String> nasty() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(TestData.dir().resolve("strings").resolve("nasty.txt"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith("#")) {
                    continue;
                }
                out.add(line.equals("<empty>") ? "" : unescape(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(i + 1);
            switch (n) {
                case 'n' -> { b.append('\n'); i++; }
                case 'r' -> { b.append('\r'); i++; }
                case 't' -> { b.append('\t'); i++; }
                case '\\' -> { b.append('\\'); i++; }
                case '"' -> { b.append('"'); i++; }
                case 'u' -> {
                    if (i + 6 <= s.length() && s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        i += 5;
                    } else {
                        b.append(c);
                    }
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
