package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.ir.Matcher;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RE2 patterns rewritten for PCRE: a table of rewrites, and a differential check that the rewrite (run by
 * java.util.regex, which reads every construct the rewrite emits as PCRE does) finds a match in exactly the inputs
 * where RE2/J finds one with the original pattern.
 */
class SplRegexTest {
    private static final Set<Matcher.RegexFlag> NONE = Set.of();

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "^a$ ~ \\Aa\\z",
        "a.b ~ a[^\\n]b",
        "\\d+\\s\\w ~ [0-9]+[\\t\\n\\f\\r ][0-9A-Za-z_]",
        "[\\d\\w] ~ [0-90-9A-Za-z_]",
        "\\bx ~ (?-i:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))x",
        "a\\vb ~ a\\x{b}b",
        "\\101 ~ \\x{41}",
        "(?i)ab ~ (?i)ab",
        "(?s:a.)b. ~ (?:a(?s:.))b[^\\n]",
        "(?m)^a$ ~ (?:\\A|(?<=\\n))a(?=\\n|\\z)",
        "(?P<n>a)|[^]a] ~ (?P<n>a)|[^\\]a]",
        "\\Qa.b\\E. ~ a\\.b[^\\n]",
        "[[:alpha:]x] ~ [[:alpha:]x]",
        "[[:^digit:]] ~ [[:^digit:]]",
    })
    void rewrites(String re2, String pcre) {
        assertEquals(pcre, SplRegex.translate(re2, NONE).pcre().orElseThrow());
    }

    @Test
    void flagsBecomePrefixOrRewrites() {
        assertEquals("(?i)(?s:.)(?=\\n|\\z)", SplRegex.translate(".$", EnumSet.allOf(Matcher.RegexFlag.class))
                .pcre().orElseThrow());
    }

    @Test
    void rewriteFindsWhatRe2Finds() {
        List<String> patterns = List.of("^a.c$", "a.*c", "(?m)^b$", "(?s)a.c", "\\d{2}\\s\\w", "\\bab\\b", "x$",
                "^$", "(?i)ÄB", "[^\\d]\\S", "a\\vb", "(?m:^c)|d$", "\\Bb", "[\\s]+", "(?i:k)", "(a|b)+?c",
                "(?i)\\w\\W", "\\bk", "(?i)[a-z]\\D", "(?i)s\\b");
        String alphabet = "abcdkxsAB1 2\n\r\t\u000b\u00e4\u00c4_\u212a\u017f";
        Random r = new Random(42);
        for (String p : patterns) {
            for (Set<Matcher.RegexFlag> flags : List.of(NONE, EnumSet.of(Matcher.RegexFlag.MULTILINE),
                    EnumSet.of(Matcher.RegexFlag.DOTALL), EnumSet.of(Matcher.RegexFlag.IGNORE_CASE))) {
                String pcre = SplRegex.translate(p, flags).pcre().orElseThrow();
                com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(p, re2Flags(flags));
                java.util.regex.Pattern jre = java.util.regex.Pattern.compile(pcre,
                        java.util.regex.Pattern.UNICODE_CASE);
                for (int n = 0; n < 400; n++) {
                    StringBuilder b = new StringBuilder();
                    for (int i = r.nextInt(6); i >= 0; i--) {
                        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                    String s = b.toString();
                    assertEquals(re2.matcher(s).find(), jre.matcher(s).find(),
                            () -> p + " " + flags + " as " + pcre + " on " + SplMeaning.show(s));
                }
            }
        }
    }

    @Test
    void randomRe2PatternsTranslateToTheSameMatches() {
        String atoms = "ab.^$|()[]*+?{}\\dswbBvAzQE-:^0123,";
        String alphabet = "ab \n\t\u000b_1-";
        Random r = new Random(7);
        int checked = 0;
        for (int n = 0; n < 20000 && checked < 1500; n++) {
            StringBuilder p = new StringBuilder();
            for (int i = r.nextInt(8) + 1; i > 0; i--) {
                p.append(atoms.charAt(r.nextInt(atoms.length())));
            }
            com.google.re2j.Pattern re2;
            try {
                re2 = com.google.re2j.Pattern.compile(p.toString());
            } catch (com.google.re2j.PatternSyntaxException e) {
                continue;
            }
            SplRegex.Result t = SplRegex.translate(p.toString(), NONE);
            if (t.pcre().isEmpty()) {
                continue;
            }
            java.util.regex.Pattern jre = java.util.regex.Pattern.compile(t.pcre().get());
            checked++;
            for (int k = 0; k < 30; k++) {
                StringBuilder b = new StringBuilder();
                for (int i = r.nextInt(5); i >= 0; i--) {
                    b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String s = b.toString();
                assertEquals(re2.matcher(s).find(), jre.matcher(s).find(),
                        () -> p + " as " + t.pcre().get() + " on " + SplMeaning.show(s));
            }
        }
        assertTrue(checked > 500, "only " + checked + " patterns checked");
    }

    private static int re2Flags(Set<Matcher.RegexFlag> flags) {
        return (flags.contains(Matcher.RegexFlag.IGNORE_CASE) ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
                | (flags.contains(Matcher.RegexFlag.MULTILINE) ? com.google.re2j.Pattern.MULTILINE : 0)
                | (flags.contains(Matcher.RegexFlag.DOTALL) ? com.google.re2j.Pattern.DOTALL : 0);
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertTrue(SplRegex.translate("a\\C", NONE).unsupported().isPresent());
        assertTrue(SplRegex.translate("[\\S]", NONE).approximations().size() == 1);
    }
}
