package io.detc.engine;

import io.detc.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** testdata/strings/nasty.txt, decoded: escapes \n \r \t \\ \" and \\uXXXX; a line {@code <empty>} is "". */
final class Nasty {
    private Nasty() {
    }

    static List<String> strings() {
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
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }
}
