package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import io.detc.backend.sql.SqlDialect;
import io.detc.ir.Matcher.RegexFlag;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each dialect's regular expressions against RE2/J (the evaluator's engine): every pattern of a corpus (RE2 syntax
 * the translation must handle, the ones it must refuse) with every flag set, on every string of a corpus (nasty.txt
 * and texts at the edges: line breaks, vertical tab, non-ASCII letters and digits). Exact translations must agree
 * everywhere; an approximated one (PostgreSQL's {@code i} and {@code \b}) must agree on ASCII text, the part of
 * its domain the approximation promises.
 */
class RegexEnginesTest {
    static final List<String> PATTERNS = List.of("abc", "^abc$", "a.c", "\\d+", "\\D", "\\s", "\\S+", "\\w+", "\\W",
            "\\bfoo\\b", "\\Bo", "[^a]", "[\\d-]", "[a-z0-9_]+$", "\\x41", "\\x{263a}", "a{2,3}", "a{2}b{0,1}",
            ".{3,300}", "^.{52,320}$", "(?:ab)+", "a|b|", "\\Qa.b\\E", "\\.", "[]a]", "[^]a]", "\\Aab", "ab\\z",
            "(?P<n>x)y", "a*?b", "\\t", "\\n", "[\\n]", "^error$", "begin.end", "(?i)abc", "(?i)k", "(?s).+",
            "^4[0-9]{3}$", "^(curl|wget|python-requests)/[0-9.]+$", "power[s]hell", "[[:alpha:]]+", "\\pL",
            "(?i:ab)c", "é+", "[é-ü]", "\\123", "^$", "", "a\\|b", "[\\]\\\\]", "x{0}", "(a)(b)?", "\\v");
    static final List<String> TEXTS = texts();

    private static List<String> texts() {
        List<String> out = new ArrayList<>(Nasty.strings());
        out.addAll(List.of("abc", "ABC", "aBc", "a\nc", "xx\nerror\nyy", "error", "begin\nend", "beginXend", "foo bar",
                "foobar", "kK", "\u212a", "\u017f", "é", "ÉÈ", "\u0663", "\u000b", "\u00a0", "4688", "46881",
                "curl/7.1", "wget/1.2x", "powershell", "POWERSHELL", "a|b", "]", "\\", "a".repeat(60),
                "x".repeat(400), "ab", "abab", "A", "\u263a", "S", "\t", "xy", "ab\n", "\n", "ü", "12-3"));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void regexesAgreeWithRe2j(String engine) throws SQLException {
        SqlEngine e = SharedEngines.get(engine);
        SqlDialect d = e.backend().dialect();
        List<String> failures = new ArrayList<>();
        int exact = 0;
        int refused = 0;
        for (String pattern : PATTERNS) {
            for (Set<RegexFlag> flags : List.of(EnumSet.noneOf(RegexFlag.class), EnumSet.of(RegexFlag.IGNORE_CASE),
                    EnumSet.of(RegexFlag.MULTILINE), EnumSet.of(RegexFlag.DOTALL), EnumSet.allOf(RegexFlag.class))) {
                SqlDialect.Regex rx = d.regex("x.t", pattern, flags);
                if (rx.sql().isEmpty()) {
                    refused++;
                    assertEquals("postgres", engine, "only PostgreSQL refuses regexes: " + pattern);
                    continue;
                }
                boolean approximated = rx.approximated().isPresent();
                if (!approximated) {
                    exact++;
                }
                Pattern re2 = Pattern.compile(pattern, (flags.contains(RegexFlag.IGNORE_CASE)
                        ? Pattern.CASE_INSENSITIVE : 0) | (flags.contains(RegexFlag.MULTILINE) ? Pattern.MULTILINE
                        : 0) | (flags.contains(RegexFlag.DOTALL) ? Pattern.DOTALL : 0));
                String sql = "SELECT CASE WHEN " + rx.sql().get() + " THEN 1 ELSE 0 END FROM (SELECT CAST(? AS "
                        + d.textColumnType() + ") AS t) AS x";
                try (PreparedStatement ps = e.connection.prepareStatement(sql)) {
                    for (String t : TEXTS) {
                        if (!d.escaper().canHold(t) || approximated && !t.chars().allMatch(c -> c < 0x80)) {
                            continue;
                        }
                        ps.setString(1, t);
                        boolean got;
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            got = rs.getInt(1) == 1;
                        }
                        if (got != re2.matcher(t).find()) {
                            failures.add("/" + pattern + "/" + flags + " on '" + t.replace("\n", "\\n") + "': RE2/J "
                                    + !got + ", " + engine + " " + got);
                        }
                    }
                } catch (SQLException ex) {
                    failures.add("/" + pattern + "/" + flags + ": " + ex.getMessage().split("\n")[0] + " in " + sql);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(exact > PATTERNS.size() * 2, engine + ": only " + exact + " exact translations, " + refused
                + " refused");
    }
}
