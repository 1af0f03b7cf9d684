package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.diag.Diagnostics;
import io.detc.ir.IrPrinter;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.ir.Predicates;
import io.detc.rule.LogSource;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import io.detc.value.SigmaString;
import io.detc.value.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IR before and after one inline pipeline, printed with {@link IrPrinter}: one row per behaviour of
 * {@link PipelineApplier#apply}. Multi-pipeline behaviour (priorities, state, logsource changes across files) is in
 * {@link PipelineApplierFilesTest}.
 */
class PipelineApplierTest {
    static final Span SPAN = new Span(new SourceFile("rule.yml", "x"), 1, 1, 1);
    static final LogSource WINDOWS = new LogSource(Optional.of("process_creation"), Optional.of("windows"),
            Optional.empty(), Optional.empty(), Map.of());

    static Predicate m(String field, String sigma) {
        return new Predicate.FieldMatch(field, new Matcher.StringMatch(SigmaString.parse(sigma), false), SPAN);
    }

    static Predicate ex(String field) {
        return new Predicate.Exists(field, SPAN);
    }

    static Predicate ref(String field, String other) {
        return new Predicate.FieldMatch(field, new Matcher.FieldRef(other, Matcher.RefOp.EQUALS, false), SPAN);
    }

    static Predicate el(String field, Predicate inner) {
        return new Predicate.Element(field, inner, SPAN);
    }

    static Predicate kw(String sigma) {
        return new Predicate.Keyword(new Matcher.StringMatch(SigmaString.parse(sigma), false), SPAN);
    }

    static Predicate ph(String field, String name, String template) {
        return new Predicate.FieldMatch(field, new Matcher.Placeholder(name, Text.literal(template)), SPAN);
    }

    static Predicate re(String field, String regex) {
        return new Predicate.FieldMatch(field, new Matcher.RegexMatch(regex, java.util.Set.of()), SPAN);
    }

    static Predicate and(Predicate... ps) {
        return Predicates.and(List.of(ps));
    }

    static Predicate or(Predicate... ps) {
        return Predicates.or(List.of(ps));
    }

    static Pipeline pipeline(String yaml) {
        Diagnostics diags = new Diagnostics();
        Pipeline p = Pipelines.parse(new SourceFile("p.yml", yaml), diags).orElseThrow(
                () -> new AssertionError(diags.list().toString()));
        assertEquals(false, diags.hasErrors());
        return p;
    }

    static String items(String... lines) {
        return "transformations:\n" + String.join("\n", lines) + "\n";
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("rename to one name",
                        items("  - type: field_name_mapping", "    mapping: {Image: FolderPath}"),
                        and(m("Image", "*\\cmd.exe"), m("CommandLine", "*whoami*")),
                        "(and (match FolderPath eq-ci \"*\\\\cmd.exe\") (match CommandLine eq-ci \"*whoami*\"))"),
                Arguments.of("rename to several names: OR of copies, for exists too",
                        items("  - type: field_name_mapping", "    mapping: {User: [AccountName, AccountUpn]}"),
                        and(m("User", "admin"), Predicates.not(ex("User"))),
                        "(and (or (match AccountName eq-ci \"admin\") (match AccountUpn eq-ci \"admin\"))"
                                + " (not (or (exists AccountName) (exists AccountUpn))))"),
                Arguments.of("field reference: both sides renamed, every pairing",
                        items("  - type: field_name_mapping", "    mapping: {A: [A1, A2], B: [B1, B2], C: C1}"),
                        or(ref("A", "B"), ref("C", "C")),
                        "(or (match A1 ref-equals-ci B1) (match A1 ref-equals-ci B2) (match A2 ref-equals-ci B1)"
                                + " (match A2 ref-equals-ci B2) (match C1 ref-equals-ci C1))"),
                Arguments.of("element: its field renamed, inner fields untouched",
                        items("  - type: field_name_mapping", "    mapping: {Items: [entries, list], Name: n}"),
                        el("Items", and(m("Name", "x"), ex("Name"))),
                        "(or (element entries (and (match Name eq-ci \"x\") (exists Name)))"
                                + " (element list (and (match Name eq-ci \"x\") (exists Name))))"),
                Arguments.of("prefix mapping, prefix and suffix adders with field conditions",
                        items("  - type: field_name_prefix_mapping", "    mapping: {Dev.: device.}",
                                "  - type: field_name_prefix", "    prefix: ev.",
                                "    field_name_conditions: [{type: exclude_fields, fields: ['^device'], mode: re}]",
                                "  - type: field_name_suffix", "    suffix: .kw",
                                "    field_name_conditions: [{type: include_fields, fields: [ev.Hash]}]"),
                        and(m("Dev.os", "w"), m("Hash", "a"), m("Other", "b")),
                        "(and (match device.os eq-ci \"w\") (match ev.Hash.kw eq-ci \"a\") (match ev.Other eq-ci"
                                + " \"b\"))"),
                Arguments.of("add_condition: ANDed in front, lists OR, numbers and booleans typed",
                        items("  - type: add_condition",
                                "    conditions: {Status: [success, 'a*b'], EventID: 4688, Enabled: true}"),
                        m("Image", "x"),
                        "(and (or (match Status eq-ci \"success\") (match Status eq-ci \"a\\*b\"))"
                                + " (match EventID eq 4688) (match Enabled bool true) (match Image eq-ci \"x\"))"),
                Arguments.of("add_condition negated",
                        items("  - type: add_condition", "    conditions: {Channel: Debug}", "    negated: true"),
                        or(m("A", "1"), m("B", "2")),
                        "(and (not (match Channel eq-ci \"Debug\")) (or (match A eq-ci \"1\") (match B eq-ci"
                                + " \"2\")))"),
                Arguments.of("drop_detection_item: selected leaves become true (and fold)",
                        items("  - type: drop_detection_item",
                                "    field_name_conditions: [{type: include_fields, fields: [Hashes, Items]}]"),
                        and(m("Image", "x"), m("Hashes", "*abc*"), ex("Hashes"), el("Items", m("Hashes", "y")),
                                kw("evil")),
                        "(and (match Image eq-ci \"x\") (keyword eq-ci \"evil\"))"),
                Arguments.of("drop_detection_item under OR and NOT (documented difference from pySigma)",
                        items("  - type: drop_detection_item",
                                "    field_name_conditions: [{type: include_fields, fields: [B]}]"),
                        and(or(m("A", "1"), m("B", "2")), Predicates.not(m("B", "3")), m("C", "4")),
                        "false"),
                Arguments.of("map_string: whole values, several → OR; wildcards in keys and targets",
                        items("  - type: map_string",
                                "    mapping: {high: [critical, severe], '*low*': 'info*', '*mid*': mid}",
                                "    field_name_conditions: [{type: include_fields, fields: [Level]}]"),
                        and(m("Level", "high"), m("Level", "*high*"), m("Level", "*low*"), m("Other", "high"),
                                el("Wrapper", m("Level", "high"))),
                        "(and (or (match Level eq-ci \"critical\") (match Level eq-ci \"severe\"))"
                                + " (match Level eq-ci \"*high*\") (match Level eq-ci \"info*\")"
                                + " (match Other eq-ci \"high\") (element Wrapper (or (match Level eq-ci"
                                + " \"critical\") (match Level eq-ci \"severe\"))))"),
                Arguments.of("map_string on keywords when no field conditions",
                        items("  - type: map_string", "    mapping: {evil: [bad, worse]}"),
                        or(kw("evil"), re("A", "evil")),
                        "(or (keyword eq-ci \"bad\") (keyword eq-ci \"worse\") (match A re /evil/))"),
                Arguments.of("replace_string skip_special: literal parts only, wildcards kept",
                        items("  - type: replace_string", "    regex: '\\\\'", "    replacement: /",
                                "    skip_special: true"),
                        m("Image", "*\\Windows\\\\*.exe"),
                        "(match Image eq-ci \"*/Windows/*.exe\")"),
                Arguments.of("replace_string on the plain notation, groups in Python syntax",
                        items("  - type: replace_string", "    regex: '^\\*(?P<name>\\w+)\\.exe$'",
                                "    replacement: '\\g<name>-\\1.bin*'"),
                        and(m("Image", "*cmd.exe"), m("Other", "cmd.exe"), m("Star", "\\*cmd.exe")),
                        "(and (match Image eq-ci \"cmd-cmd.bin*\") (match Other eq-ci \"cmd.exe\")"
                                + " (match Star eq-ci \"\\*cmd.exe\"))"),
                Arguments.of("value_placeholders: each var value, template kept, values literal",
                        "vars: {admins: [root, 'Admin*'], other: x}\n"
                                + items("  - type: value_placeholders", "    include: [admins]"),
                        and(ph("User", "admins", "CORP\\%admins%"), ph("Host", "other", "%other%")),
                        "(and (or (match User eq-ci \"CORP\\\\root\") (match User eq-ci \"CORP\\\\Admin\\*\"))"
                                + " (match Host placeholder %other% \"%other%\"))"),
                Arguments.of("set_state and change_logsource leave the predicate alone",
                        items("  - type: set_state", "    key: query_table", "    val: T",
                                "  - type: change_logsource", "    product: m365"),
                        m("A", "1"),
                        "(match A eq-ci \"1\")"),
                Arguments.of("rule conditions that do not match: nothing happens",
                        items("  - type: field_name_mapping", "    mapping: {A: B}",
                                "    rule_conditions: [{type: logsource, product: linux}]",
                                "  - type: add_condition", "    conditions: {X: 1}",
                                "    rule_conditions: [{type: logsource, category: process_creation}]",
                                "    rule_cond_not: true"),
                        m("A", "1"),
                        "(match A eq-ci \"1\")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rewritesTheIr(String name, String yaml, Predicate before, String after) {
        Applied a = PipelineApplier.apply(List.of(pipeline(yaml)), WINDOWS, before, SPAN);
        assertEquals(after, IrPrinter.print(a.predicate()), "before: " + IrPrinter.print(before));
        assertEquals(List.of(), a.diagnostics());
    }
}
