package io.detc.pipeline;

import static io.detc.pipeline.PipelineApplierTest.SPAN;
import static io.detc.pipeline.PipelineApplierTest.and;
import static io.detc.pipeline.PipelineApplierTest.items;
import static io.detc.pipeline.PipelineApplierTest.m;
import static io.detc.pipeline.PipelineApplierTest.ph;
import static io.detc.pipeline.PipelineApplierTest.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.diag.Diagnostics;
import io.detc.ir.IrPrinter;
import io.detc.ir.Predicate;
import io.detc.rule.LogSource;
import io.detc.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Applying the sample pipelines of testdata/pipelines, alone and together: order, logsource, state, vars. */
class PipelineApplierFilesTest {
    private static final LogSource PROCESS = new LogSource(Optional.of("process_creation"), Optional.of("windows"),
            Optional.empty(), Optional.of("Sysmon EID 1"), Map.of("k", "v"));
    private static final LogSource SECURITY = new LogSource(Optional.empty(), Optional.of("windows"),
            Optional.of("security"), Optional.empty(), Map.of());

    private static Pipeline file(String name) {
        Diagnostics diags = new Diagnostics();
        return Pipelines.load(TestData.dir().resolve("pipelines").resolve(name), name, diags).orElseThrow();
    }

    @Test
    void changeLogsourceAffectsLaterItems() {
        Predicate before = and(m("Image", "*\\cmd.exe"), m("User", "admin"));
        Applied a = PipelineApplier.apply(List.of(file("kql-process.yml")), PROCESS, before, SPAN);
        assertEquals("(and (match ActionType eq-ci \"ProcessCreated\") (match FolderPath eq-ci \"*\\\\cmd.exe\")"
                + " (or (match AccountName eq-ci \"admin\") (match AccountUpn eq-ci \"admin\")))",
                IrPrinter.print(a.predicate()));
        assertEquals(new LogSource(Optional.empty(), Optional.of("m365"), Optional.of("defender"), Optional.empty(),
                Map.of()), a.logsource(), "category cleared, definition and custom keys dropped, as in pySigma");
        assertEquals(Map.of("query_table", "DeviceProcessEvents"), a.state());
        assertEquals(List.of("process-table", "process-fields", "to-defender", "defender-only"), a.applied());

        Applied other = PipelineApplier.apply(List.of(file("kql-process.yml")), SECURITY, before, SPAN);
        assertEquals(IrPrinter.print(before), IrPrinter.print(other.predicate()));
        assertEquals(SECURITY, other.logsource());
        assertEquals(List.of(), other.applied());
    }

    @Test
    void stateLaterItemsOverrideAndConditionsSeeAppliedItems() {
        Applied a = PipelineApplier.apply(List.of(file("spl-base.yml")), SECURITY, m("A", "1"), SPAN);
        assertEquals(List.of("index", "sourcetype"), List.copyOf(a.state().keySet()), "first-set order");
        assertEquals(Map.of("index", "sysmon", "sourcetype", "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"),
                a.state());
        assertEquals(List.of("spl-index", "spl-sourcetype", "spl-index-late"), a.applied());

        LogSource linux = new LogSource(Optional.empty(), Optional.of("linux"), Optional.empty(), Optional.empty(),
                Map.of());
        assertEquals(Map.of("index", "wineventlog"),
                PipelineApplier.apply(List.of(file("spl-base.yml")), linux, m("A", "1"), SPAN).state());
    }

    @Test
    void pipelinesApplyByPriorityThenInTheOrderGiven() {
        Pipeline late = pipeline("priority: 50\n" + items("  - id: x-to-y", "    type: field_name_mapping",
                "    mapping: {X: Y}"));
        Pipeline early = pipeline("priority: 10\n" + items("  - id: y-to-z", "    type: field_name_mapping",
                "    mapping: {Y: Z}"));
        Applied a = PipelineApplier.apply(List.of(late, early), SECURITY, m("X", "1"), SPAN);
        assertEquals("(match Y eq-ci \"1\")", IrPrinter.print(a.predicate()), "y-to-z ran first and saw X");
        assertEquals(List.of("y-to-z", "x-to-y"), a.applied());

        Pipeline sameAsLate = pipeline("priority: 50\n" + items("  - id: y-to-w", "    type: field_name_mapping",
                "    mapping: {Y: W}"));
        assertEquals("(match W eq-ci \"1\")", IrPrinter.print(PipelineApplier.apply(List.of(late, sameAsLate),
                SECURITY, m("X", "1"), SPAN).predicate()));
        assertEquals("(match Y eq-ci \"1\")", IrPrinter.print(PipelineApplier.apply(List.of(sameAsLate, late),
                SECURITY, m("X", "1"), SPAN).predicate()), "equal priorities: the order given");
        assertEquals(List.of("W"), PipelineApplier.field(List.of(late, sameAsLate), SECURITY, "X"));
    }

    @Test
    void placeholdersUseTheVarsOfAllPipelines() {
        Pipeline override = pipeline("priority: 90\nvars: {admins: [sudo]}\ntransformations: []\n");
        Predicate before = and(ph("User", "admins", "%admins%"), ph("Dc", "domain_controllers", "%domain_"
                + "controllers%$"), ph("Host", "missing", "x-%missing%"));
        Applied a = PipelineApplier.apply(List.of(override, file("placeholders.yml")), SECURITY, before, SPAN);
        assertEquals("(and (match User eq-ci \"sudo\") (match Dc eq-ci \"dc01.corp.example$\")"
                + " (match Host placeholder %missing% \"x-%missing%\"))", IrPrinter.print(a.predicate()));
        assertEquals(List.of("E316 1:1 placeholder %missing% has no value: no pipeline lists it under 'vars'"),
                a.diagnostics().stream().map(d -> d.code().id() + " " + d.span().line() + ":" + d.span().column()
                        + " " + d.message()).toList());
    }

    @Test
    void fieldNamesFollowRenamesAndConditions() {
        List<Pipeline> kql = List.of(file("kql-process.yml"));
        assertEquals(List.of("AccountName", "AccountUpn"), PipelineApplier.field(kql, PROCESS, "User"));
        assertEquals(List.of("User"), PipelineApplier.field(kql, SECURITY, "User"));
        assertEquals(List.of("Other"), PipelineApplier.field(kql, PROCESS, "Other"));
        assertEquals(List.of("Image"), PipelineApplier.field(List.of(), PROCESS, "Image"));
    }
}
