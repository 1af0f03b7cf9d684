package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes in the newer transformation types, conditions and vars: one diagnostic, at its line:column, each. */
class PipelineTypeErrorsTest {
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("transformations:\n  - id: s\n    type: set_state\n    key: [a]\n", List.of(
                        "E111 4:10 'key' must be a string, found a list",
                        "E110 2:5 transformation s has no 'val'")),
                Arguments.of("transformations:\n  - type: add_condition\n    conditions:\n      A: ~\n      B: []\n"
                        + "      C: [x, {y: 1}]\n      \"D*\": \"a*b\"\n    template: true\n", List.of(
                        "E401 8:15 'template: true' is not supported",
                        "E111 4:10 'A' must have a string, number or boolean value or a list of them, found null",
                        "E111 5:10 'B' has an empty list; give at least one value",
                        "E111 6:14 'C' must have a string, number or boolean value or a list of them, found a"
                                + " mapping",
                        "W112 7:13 '*' and '?' in add_condition values are literal text in detc")),
                Arguments.of("transformations:\n  - type: add_condition\n    conditions: [a]\n", List.of(
                        "E111 3:17 'conditions' must be a non-empty mapping of field: value(s), found a list")),
                Arguments.of("transformations:\n  - id: r\n    type: replace_string\n    regex: \"(a\"\n", List.of(
                        "E110 2:5 transformation r has no 'replacement'",
                        "E308 4:12 invalid regular expression: Unclosed group")),
                Arguments.of("transformations:\n  - type: replace_string\n    regex: \"(a)(?P<x>b)\"\n"
                        + "    replacement: '\\1\\g<x>\\2\\3'\n", List.of(
                        "E308 4:18 the replacement refers to group '3', which the regex does not define")),
                Arguments.of("transformations:\n  - type: set_state\n    key: a\n    val: b\n"
                        + "    field_name_conditions: []\n    detection_item_conditions: []\n    vals: c\n", List.of(
                        "E401 5:5 'field_name_conditions' does not apply to set_state: it selects detection items",
                        "E401 6:5 'detection_item_conditions' is not supported: detc selects detection items by"
                                + " field_name_conditions only",
                        "W112 7:5 unknown set_state key 'vals' is ignored")),
                Arguments.of("transformations:\n  - type: drop_detection_item\n    field_name_conditions:\n"
                        + "      - type: include_fields\n        fields: [\"(bad\"]\n        mode: re\n"
                        + "      - type: exclude_fields\n        fields: x\n        mode: glob\n"
                        + "      - type: field_name_regex\n      - 5\n      - {type: include_fields}\n", List.of(
                        "E308 5:18 invalid regular expression",
                        "E111 9:15 'mode' must be one of plain, re, found 'glob'",
                        "E401 10:15 field name condition type 'field_name_regex' is not supported",
                        "E111 11:9 a field name condition must be a mapping, found a number",
                        "E110 12:9 include_fields condition has no 'fields'")),
                Arguments.of("transformations:\n  - type: drop_detection_item\n    rule_conditions:\n"
                        + "      - type: processing_item_applied\n      - type: processing_state\n        key: k\n"
                        + "        val: [1]\n        op: gt\n    field_name_cond_op: xor\n", List.of(
                        "E110 4:9 condition has no 'processing_item_id'",
                        "E111 7:14 'val' must be a string, number or boolean, found a list",
                        "E111 8:13 'op' must be one of eq, ne, found 'gt'",
                        "E111 9:25 'field_name_cond_op' must be one of and, or, found 'xor'")),
                Arguments.of("vars:\n  a: []\n  b: [x, {y: z}]\n  c: ~\ntransformations: []\n", List.of(
                        "E111 2:6 variable 'a' is an empty list; give at least one value",
                        "E111 3:10 'b' must be a string, number or boolean, found a mapping",
                        "E111 4:6 'c' must be a string, number or boolean, found null")),
                Arguments.of("vars: [a]\ntransformations:\n  - type: map_string\n    mapping: {a: [1], b: []}\n"
                        + "  - type: field_name_prefix\n  - type: value_placeholders\n    include: [x, 5]\n", List.of(
                        "E111 4:19 'a' must map to a string or a list of strings, found a number",
                        "E111 4:26 'b' maps to an empty list; give at least one string",
                        "E110 5:5 transformation #1 has no 'prefix'",
                        "E111 7:18 'include' must be a non-empty string or a list of them, found a number",
                        "E111 1:7 'vars' must be a mapping of names to values, found a list")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("mistakes")
    void mistakesAreDiagnosedAtTheirPlace(String yaml, List<String> expected) {
        Diagnostics diags = new Diagnostics();
        Optional<Pipeline> p = Pipelines.parse(new SourceFile("p.yml", yaml), diags);
        List<String> got = diags.list().stream().map(d -> d.code().id() + " " + d.span().line() + ":"
                + d.span().column() + " " + d.message()).toList();
        assertEquals(expected.size(), got.size(), String.join("\n", got));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(got.get(i).startsWith(expected.get(i)), got.get(i) + "\n  expected " + expected.get(i));
        }
        assertEquals(diags.hasErrors(), p.isEmpty(), "a pipeline with errors is not returned");
    }
}
