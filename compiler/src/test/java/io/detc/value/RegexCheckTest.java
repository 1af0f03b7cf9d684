package io.detc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Classification of {@code |re} values: {@code ok}, or findings as {@code CODE from..to}. */
class RegexCheckTest {
    static Stream<Arguments> insideSubset() {
        return Stream.of(
                "abc", "a.b", "^start", "end$", "a*b+c?", "x{2}", "x{2,}", "x{2,5}", "[a-z]", "[^a-z]", "a|b",
                "(ab)+", "[]a]", "[^]a]", "\\.exe$", "C:\\\\Windows\\\\", "\\(x\\)", "\\[", "\\/bin\\/",
                "\\-", "\\ ", "\\$", "[\\]]", "{", "a{", "a{x}", "\\{1\\}", "(a|b)*c",
                // SigmaHQ-style values
                "\\\\[a-zA-Z0-9]{1,8}\\.(exe|dll)$", "^[a-z0-9]{4,}$", "-[a-z]{2}")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insideSubset")
    void acceptsTheSpecSubset(String pattern) {
        assertEquals("ok", check(pattern));
    }

    static Stream<Arguments> classified() {
        return Stream.of(
                // outside the subset but RE2 runs it: W307 at the first construct
                Arguments.of("\\d+", "W307 0..2"),
                Arguments.of("a\\w\\s\\b", "W307 1..3"),
                Arguments.of("(?i)abc", "W307 0..3"),
                Arguments.of("(?is:a)", "W307 0..4"),
                Arguments.of("(?:a|b)", "W307 0..3"),
                Arguments.of("(?P<n>a)", "W307 0..3"),
                Arguments.of("a*?", "W307 1..3"),
                Arguments.of("a+?b??c{1,2}?", "W307 1..3"),
                Arguments.of("[\\d]", "W307 1..3"),
                Arguments.of("[[:alpha:]]", "W307 1..10"),
                Arguments.of("\\x41", "W307 0..2"),
                // RE2 cannot run these: E318, no compile attempt
                Arguments.of("(a)\\1", "E318 3..5"),
                Arguments.of("(?<n>a)\\k<n>", "E318 7..9 W307 0..3"),
                Arguments.of("foo(?=bar)", "E318 3..6"),
                Arguments.of("foo(?!bar)", "E318 3..6"),
                Arguments.of("(?<=a)b", "E318 0..4"),
                Arguments.of("(?<!a)b", "E318 0..4"),
                Arguments.of("(?>a+)b", "E318 0..3"),
                Arguments.of("a++", "E318 1..3"),
                Arguments.of("a{2}+", "E318 1..5"),
                Arguments.of("(a)(?1)", "E318 3..6"),
                Arguments.of("(?R)", "E318 0..4"),
                // RE2 rejects: E308, at the offending text when RE2 names it
                Arguments.of("a(b", "E308 0..3"),
                Arguments.of("a)b", "E308 0..3"),
                Arguments.of("[a-", "E308 0..3"),
                Arguments.of("x**", "E308 1..3"),
                Arguments.of("a{1001}", "E308 1..7"),
                Arguments.of("ab\\", "E308 0..3"),
                Arguments.of("a\\Zb", "W307 1..3 E308 1..3"),
                Arguments.of("[z-a]", "E308 1..4"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("classified")
    void classifiesAndLocates(String pattern, String expected) {
        assertEquals(expected, check(pattern));
    }

    private static String check(String pattern) {
        String out = RegexCheck.check(pattern, Set.of()).stream()
                .map(f -> f.code().id() + " " + f.from() + ".." + f.to()).collect(Collectors.joining(" "));
        return out.isEmpty() ? "ok" : out;
    }
}
