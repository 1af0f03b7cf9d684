package io.detc.backend.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.ir.Matcher.RegexFlag;
import io.detc.testing.TestData;
import io.detc.value.Text;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The escaper table: every hostile string of testdata/strings/nasty.txt survives JSON quoting exactly, and its
 * Lucene wildcard and regexp forms escape every special character (checked by a decoder of Lucene's backslash rule).
 * The real engine runs the same strings in opensearch-it's EscapingTest.
 */
class OsEscaperTest {
    private final OsEscaper e = new OsEscaper();

    static List<String> nasty() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.dir().resolve("strings/nasty.txt"))) {
            if (!line.startsWith("#")) {
                out.add(line.equals("<empty>") ? "" : decode(line));
            }
        }
        return out;
    }

    static String decode(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
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

    /** Lucene's rule for wildcard and regexp literals: a backslash makes the next character literal. */
    private static String unescape(String p, String special) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                b.append(p.charAt(++i));
            } else {
                assertTrue(special.indexOf(c) < 0, "unescaped special character " + c + " in " + p);
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    void everyNastyStringRoundTrips() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String s : nasty()) {
            assertEquals(s, json.readValue(e.literal(s), String.class));
            assertEquals(s, unescape(e.wildcard(Text.literal(s)), "*?"));
            assertEquals(s, unescape(e.regexpLiteral(s), ".?+*|{}[]()\"#@&<>~"));
        }
    }

    @Test
    void regexTranslation() {
        OsEscaper x = new OsEscaper();
        assertEquals("ab+c", OsRegex.translate("^ab+c$", Set.of(), x).lucene());
        assertEquals(".*(evil).*", OsRegex.translate("evil", Set.of(), x).lucene());
        assertEquals("4[0-9]{3}", OsRegex.translate("^4\\d{3}$", Set.of(), x).lucene());
        assertEquals(".*([pP][oO][wW][eE][rR][sS\u017F][hH][eE][lL][lL]).*",
                OsRegex.translate("power[s]hell", Set.of(RegexFlag.IGNORE_CASE), x).lucene());
        assertEquals("(.*\\\n)?(error)(\\\n.*)?", OsRegex.translate("^error$", Set.of(RegexFlag.MULTILINE), x)
                .lucene());
        assertTrue(OsRegex.translate("\\bword", Set.of(), x).unsupported() != null);
        assertTrue(OsRegex.translate("(?i)x", Set.of(), x).unsupported() != null);
        assertTrue(OsRegex.translate("^a|b", Set.of(), x).unsupported() != null);
        assertTrue(OsRegex.translate("a\\xZZ", Set.of(), x).unsupported() != null);
        assertTrue(OsRegex.translate("[a", Set.of(), x).unsupported() != null);
        assertTrue(OsRegex.translate("a\\", Set.of(), x).unsupported() != null);
    }

    @Test
    void caseClasses() {
        assertTrue(OsCase.asciiFoldIsExact('a'));
        assertTrue(OsCase.asciiFoldIsExact('1'));
        assertTrue(!OsCase.asciiFoldIsExact('k'));   // the Kelvin sign folds to k
        assertTrue(!OsCase.asciiFoldIsExact('\u00e4'));
    }
}
