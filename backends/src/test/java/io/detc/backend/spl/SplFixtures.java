package io.detc.backend.spl;

import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.rule.LogSource;
import io.detc.source.Span;
import io.detc.testing.TestData;
import io.detc.value.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared inputs of the SPL tests: the hostile strings, and one exact-match test compiled on its own. */
final class SplFixtures {
    private SplFixtures() {
    }

    /** testdata/strings/nasty.txt, decoded: \n \r \t \\ \" \\uXXXX escapes, {@code <empty>} for "". */
    static List<String> nasty() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(TestData.dir().resolve("strings/nasty.txt"),
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

    static String unescape(String line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                b.append(c);
                continue;
            }
            char n = line.charAt(i + 1);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case 'u' -> {
                    b.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                    i += 4;
                }
                default -> {
                    b.append(c);
                    continue;
                }
            }
            i++;
        }
        return b.toString();
    }

    /** The query for "eventType is {@code text}" on the Okta sourcetype, and its notes. */
    static String query(Text text, boolean cased, SplNotes notes) {
        Predicate p = new Predicate.And(List.of(
                new Predicate.FieldMatch("sourcetype", new Matcher.StringMatch(Text.literal("OktaIM2:log"), false),
                        Span.NONE),
                new Predicate.FieldMatch("eventType", new Matcher.StringMatch(text, cased), Span.NONE)));
        Applied applied = new Applied(p, LogSource.EMPTY, Map.of(), List.of(), List.of());
        return SplQuery.rule(applied, notes, Span.NONE).text();
    }

    /** Java's reading of a text as the search command or PCRE would: wildcards, optionally ignoring case. */
    static java.util.regex.Pattern javaGlob(Text t, boolean ignoreCase) {
        StringBuilder b = new StringBuilder();
        for (Text.Part p : t.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                b.append(".*");
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append('.');
            } else {
                b.append(java.util.regex.Pattern.quote(((Text.Literal) p).text()));
            }
        }
        int flags = java.util.regex.Pattern.DOTALL | (ignoreCase
                ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0);
        return java.util.regex.Pattern.compile(b.toString(), flags);
    }
}
