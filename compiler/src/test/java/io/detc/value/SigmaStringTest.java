package io.detc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec's escaping rules (sigma-rules-specification.md, "Escape Character" and "String Wildcard"), one row per
 * example. Expected parts are written as {@code [literal]} for literal text, {@code *}/{@code ?} for wildcards.
 */
class SigmaStringTest {
    static Stream<Arguments> specExamples() {
        return Stream.of(
                // "String Wildcard" examples
                Arguments.of("prog?.exe", "[prog]?[.exe]"),
                Arguments.of("antivirus_V*.exe", "[antivirus_V]*[.exe]"),
                Arguments.of("*something", "*[something]"),
                Arguments.of("something*", "[something]*"),
                Arguments.of("*something*", "*[something]*"),
                // "Plain backslash not followed by a wildcard can be expressed as single \ or double backslash \\"
                Arguments.of("C:\\Windows", "[C:\\Windows]"),
                Arguments.of("C:\\\\Windows", "[C:\\Windows]"),
                // "A wildcard has to be escaped to be handled as a plain character. eg: \*, \?"
                Arguments.of("\\*", "[*]"),
                Arguments.of("\\?", "[?]"),
                // "The backslash before a wildcard has to be escaped ...: \\*" = backslash then wildcard
                Arguments.of("\\\\*", "[\\]*"),
                Arguments.of("\\\\?", "[\\]?"),
                // "Three backslashes are necessary to escape both ...: \\\*" = literal backslash and star
                Arguments.of("\\\\\\*", "[\\*]"),
                // "Three or four backslashes are handled as double backslash ... \\\\ results in \\"
                Arguments.of("\\\\\\\\", "[\\\\]"),
                Arguments.of("\\\\\\", "[\\\\]"),
                Arguments.of("a\\\\\\b", "[a\\\\b]"),
                Arguments.of("a\\\\\\\\b", "[a\\\\b]"),
                // endswith example "replaces e.g. '*\cmd.exe'" and the list-of-maps example '\\example.exe'
                Arguments.of("*\\cmd.exe", "*[\\cmd.exe]"),
                Arguments.of("\\\\example.exe", "[\\example.exe]"));
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("\\", "[\\]"),
                Arguments.of("abc\\", "[abc\\]"),
                Arguments.of("abc\\\\", "[abc\\]"),
                Arguments.of("**", "*"),
                Arguments.of("*?*", "*?*"),
                Arguments.of("a\\*b*c?", "[a*b]*[c]?"),
                Arguments.of("\\%name%", "[\\%name%]"),
                Arguments.of("\\\\server\\share", "[\\server\\share]"),
                Arguments.of("what?\\?", "[what]?[?]"),
                Arguments.of("S-1-5-*", "[S-1-5-]*"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource({"specExamples", "edgeCases"})
    void parsesEscapes_asTheSpecSays(String raw, String expected) {
        assertEquals(expected, show(SigmaString.parse(raw)));
    }

    @ParameterizedTest(name = "{0} round-trips")
    @MethodSource({"specExamples", "edgeCases"})
    void toSigmaRoundTrips_whenParsedAgain(String raw, String ignored) {
        Text t = SigmaString.parse(raw);
        assertEquals(t, SigmaString.parse(t.toSigma()));
    }

    static String show(Text t) {
        List<String> out = t.parts().stream().map(p -> p == Text.Wildcard.ANY_SEQUENCE ? "*"
                : p == Text.Wildcard.ANY_CHAR ? "?" : "[" + ((Text.Literal) p).text() + "]").toList();
        return out.stream().collect(Collectors.joining());
    }
}
