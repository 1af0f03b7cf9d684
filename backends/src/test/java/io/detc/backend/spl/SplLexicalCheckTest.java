package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexical check accepts well-formed SPL and names the first kind of mistake in broken SPL. */
class SplLexicalCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "sourcetype=\"OktaIM2:log\" eventType=\"user.session.start\"",
        "sourcetype=\"a\" target{}.type IN (\"User\", \"App*\") NOT actor.id=\"x\"",
        "sourcetype=\"a\" | where isnotnull(mvfind('target{}.type', \"(?i)\\\\Auser\\\\z\")) AND NOT (x=1)",
        "| multisearch [search sourcetype=\"a\" | eval detc_src=\"1/a\"] [search sourcetype=\"b\" | eval y=2]"
                + " | sort 0 _time | streamstats global=f window=3 count AS n by g | where n>=3",
        "x=\"quote \\\" and backslash \\\\\" | table _time x | rename x AS \"a.b\"",
        "* | where match(_raw, \"\\\"\")",
    })
    void acceptsWellFormedQueries(String q) {
        assertEquals(List.of(), SplLexicalCheck.problems(q));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
            Arguments.of("x=\"open", "unterminated string"),
            Arguments.of("x=\"a\\nb\"", "escape '\\n'"),
            Arguments.of("x=\"a\\\"", "unterminated string"),
            Arguments.of("| where (a=1", "unclosed '('"),
            Arguments.of("| where a=1)", "unbalanced ')'"),
            Arguments.of("| multisearch [search a=1", "unclosed '['"),
            Arguments.of("x=1 | notacommand y", "unknown command 'notacommand'"),
            Arguments.of("x=1 |", "trailing pipe"),
            Arguments.of("x=1 | | where y=1", "empty command"),
            Arguments.of("| where x=", "operator '=' without an operand"),
            Arguments.of("| where x== AND y=1", "operator '==' without an operand"),
            Arguments.of("| where AND y=1", "'AND' without an operand"),
            Arguments.of("| where x=1 OR", "'OR' without an operand"),
            Arguments.of("| where NOT", "'NOT' without an operand"),
            Arguments.of("| where 'a\\b'=1", "backslash in a single-quoted field name"),
            Arguments.of("| where 'ab=1", "unterminated field name"),
            Arguments.of("x=1 `macro`", "backtick"),
            Arguments.of("target{.type=1", "unclosed '{'"),
            Arguments.of("| multisearch [a=1] [search b=2]", "unknown command 'a'"),
            Arguments.of("x=1 =< 2", "unknown operator"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void rejectsBrokenQueries(String q, String expected) {
        List<String> problems = SplLexicalCheck.problems(q);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), q + " -> " + problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=\"a\nb\"", "x=\"a\u0000b\"", "x=1\r| where y=2", "x=\"\u202e\""})
    void rejectsRawControlCharacters(String q) {
        assertTrue(SplLexicalCheck.problems(q).stream().anyMatch(p -> p.contains("raw control or format")),
                SplLexicalCheck.problems(q).toString());
    }
}
