package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Diagnostics;
import io.detc.event.LogSourceKey;
import io.detc.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading pySigma-shaped pipeline YAML: the supported subset, and one diagnostic (with its place) per mistake. */
class PipelineLoadingTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("name: [\n", List.of("E101 2:1 ")),
                Arguments.of("", List.of("E104 1:1 a pipeline file must hold a mapping with 'transformations';"
                        + " this one is empty")),
                Arguments.of("- a\n- b\n", List.of("E104 1:1 a pipeline must be a mapping, found a list")),
                Arguments.of("name: a\n---\nname: b\n", List.of("E105 3:1 a pipeline file holds one YAML document;"
                        + " found 2")),
                Arguments.of("name: a\nname: b\n", List.of("E103 2:1 duplicate key 'name'; YAML keeps only one of"
                        + " them")),
                Arguments.of("name: 5\npriority: high\ntransformations: 5\n", List.of(
                        "E111 1:7 'name' must be a string, found a number",
                        "E111 2:11 'priority' must be an integer, found a string",
                        "E111 3:18 'transformations' must be a list of transformation items, found a number")),
                Arguments.of("transformations:\n  - just a string\n", List.of(
                        "E111 2:5 a transformation item must be a mapping, found a string")),
                Arguments.of("transformations:\n  - id: a\n    mapping: {A: b}\n", List.of(
                        "E110 2:5 transformation a has no 'type'")),
                Arguments.of("transformations:\n  - id: fail\n    type: rule_failure\n    message: no\n",
                        List.of("E401 3:11 transformation type 'rule_failure' is not supported")),
                Arguments.of("transformations:\n  - type: field_name_mapping\n    mapping: [A, b]\n", List.of(
                        "E111 3:14 'mapping' must be a mapping of field names, found a list")),
                Arguments.of("transformations:\n  - type: field_name_mapping\n    mapping:\n      A: 5\n"
                        + "      B: []\n      C: [x, {y: z}]\n      D: ~\n", List.of(
                        "E111 4:10 'A' must map to a field name or a list of field names, found a number",
                        "E111 5:10 'B' maps to an empty list; give at least one field name",
                        "E111 6:14 'C' must map to a field name or a list of field names, found a mapping",
                        "E111 7:10 'D' must map to a field name or a list of field names, found null")),
                Arguments.of("transformations:\n  - type: field_name_mapping\n    mapping: {A: b}\n"
                        + "    rule_conditions:\n      - type: tag\n        tag: attack.t1078\n"
                        + "      - product: azure\n      - just text\n", List.of(
                        "E401 5:15 rule condition type 'tag' is not supported: detc evaluates logsource,"
                                + " processing_item_applied, processing_state conditions",
                        "E110 7:9 rule condition has no 'type'",
                        "E111 8:9 a rule condition must be a mapping, found a string")),
                Arguments.of("transformations:\n  - type: field_name_mapping\n    mapping: {A: b}\n"
                        + "    rule_conditions:\n      - {type: logsource, product: azure, services: x}\n"
                        + "    rule_cond_op: xor\n    rule_cond_not: maybe\n", List.of(
                        "W112 5:43 unknown logsource condition key 'services' is ignored",
                        "E111 6:19 'rule_cond_op' must be one of and, or, found 'xor'",
                        "E111 7:20 'rule_cond_not' must be true or false, found a string")),
                Arguments.of("transformations:\n  - type: field_name_mapping\n    mapping: {A: b}\n"
                        + "    rule_conditions: {c1: {type: logsource, product: azure}}\n"
                        + "    rule_cond_expr: c1\n    field_name_conditions:\n      - type: include_fields\n",
                        List.of("E401 5:5 'rule_cond_expr' is not supported: detc evaluates condition lists",
                                "E401 4:22 named rule conditions (a mapping, used with rule_cond_expr) are not"
                                        + " supported",
                                "E110 7:9 include_fields condition has no 'fields'")),
                Arguments.of("transformations:\n  - type: field_name_mapping\n    mapping: {A: b}\n"
                        + "    rule_cond_op: or\n    rule_condition_linking: any\n", List.of(
                        "E111 5:29 give either 'rule_cond_op' or 'rule_condition_linking', not both")));
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

    @Test
    void readsThePySigmaShape() {
        String yaml = "name: Custom Entra naming\npriority: 20\nvars:\n  x: [1, 2]\npostprocessing: []\n"
                + "transformations:\n"
                + "  - id: upn\n    type: field_name_mapping\n    mapping:\n"
                + "      User: properties.userPrincipalName\n      Ip: [properties.ipAddress, callerIpAddress]\n"
                + "    rule_conditions:\n      - type: logsource\n        product: azure\n        service: signinlogs\n"
                + "      - type: logsource\n        product: okta\n    rule_condition_linking: any\n"
                + "  - type: field_name_prefix_mapping\n    mapping: {Dev.: properties.deviceDetail.}\n"
                + "    rule_conditions: [{type: logsource, product: okta}]\n    rule_cond_not: true\n";
        Diagnostics diags = new Diagnostics();
        Pipeline p = Pipelines.parse(new SourceFile("custom.yml", yaml), diags).orElseThrow();
        assertEquals(List.of("W112 5:1 'postprocessing' is ignored: detc applies only a pipeline's"
                + " transformations"), diags.list().stream().map(d -> d.code().id() + " "
                + d.span().line() + ":" + d.span().column() + " " + d.message()).toList());
        assertEquals("Custom Entra naming", p.name());
        assertEquals(20, p.priority());
        assertEquals("custom.yml", p.origin());
        Transformation.FieldRename first = (Transformation.FieldRename) p.transformations().get(0);
        assertEquals("upn", first.id());
        assertEquals(Map.of("User", List.of("properties.userPrincipalName"),
                "Ip", List.of("properties.ipAddress", "callerIpAddress")), first.mapping());
        assertEquals(RuleConditions.Linking.ANY, first.conditions().linking());
        assertTrue(first.conditions().matches(new LogSourceKey("okta", "okta")));
        Transformation.FieldRename second = (Transformation.FieldRename) p.transformations().get(1);
        assertEquals("#1", second.id());
        assertTrue(second instanceof Transformation.FieldNamePrefixMapping);
        assertTrue(second.conditions().negated());
        assertEquals(Optional.of(List.of("properties.deviceDetail.isCompliant")), second.apply("Dev.isCompliant"));
    }

    @Test
    void loadsFilesAndBuiltins() throws IOException {
        Path f = tmp.resolve("mine.yml");
        Files.writeString(f, "transformations:\n  - type: field_name_mapping\n    mapping: {A: b}\n");
        Diagnostics diags = new Diagnostics();
        Pipeline p = Pipelines.load(f, "mine.yml", diags).orElseThrow();
        assertEquals("mine", p.name(), "the file name when there is no 'name'");
        assertEquals(0, p.priority());

        Pipelines.load(tmp.resolve("missing.yml"), "missing.yml", diags);
        Pipelines.loadBuiltin("sysmon", diags);
        assertEquals(List.of("E001", "E001"), diags.list().stream().map(d -> d.code().id()).toList());
        assertTrue(diags.list().get(1).hint().contains("okta-native"));

        for (String name : Pipelines.BUILTIN) {
            Diagnostics clean = new Diagnostics();
            assertTrue(Pipelines.loadBuiltin(name, clean).isPresent(), name);
            assertEquals(List.of(), clean.list(), name + " loads without any diagnostic");
            assertEquals(name, Pipelines.builtin(name).name());
        }
        assertThrows(IllegalArgumentException.class, () -> Pipelines.builtin("sysmon"));
    }
}
