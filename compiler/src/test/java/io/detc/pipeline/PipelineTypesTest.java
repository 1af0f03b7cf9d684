package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Diagnostics;
import io.detc.testing.TestData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading every supported transformation type from testdata/pipelines/all-types.yml into its record. */
class PipelineTypesTest {
    private static Pipeline load(String name) {
        Diagnostics diags = new Diagnostics();
        Pipeline p = Pipelines.load(TestData.dir().resolve("pipelines").resolve(name), name, diags).orElseThrow(
                () -> new AssertionError(diags.list().toString()));
        assertEquals(List.of(), diags.list(), name + " loads without any diagnostic");
        return p;
    }

    @Test
    void readsEveryType() {
        Pipeline p = load("all-types.yml");
        assertEquals("All supported types", p.name());
        assertEquals(30, p.priority());
        assertEquals(Map.of("admins", List.of("root", "Administrator"), "port", List.of("3389")), p.vars());
        List<Transformation> t = p.transformations();
        assertEquals(List.of("rename", "prefix-map", "prefix", "suffix", "table", "only-success", "to-sysmon",
                "drop-hashes", "levels", "slashes", "expand"), t.stream().map(Transformation::id).toList());

        Transformation.FieldNameMapping rename = (Transformation.FieldNameMapping) t.get(0);
        assertEquals(Optional.of(List.of("user.name", "user.id")), rename.apply("User"));
        assertEquals(Optional.empty(), rename.apply("ParentImage"), "unmapped");
        assertFalse(rename.fieldConditions().matches("ParentUser"), "exclude_fields, mode re: ^Parent");
        assertTrue(rename.fieldConditions().matches("User"));

        Transformation.FieldNamePrefixMapping prefixMap = (Transformation.FieldNamePrefixMapping) t.get(1);
        assertEquals(Optional.of(List.of("device.os")), prefixMap.apply("Dev.os"));

        Transformation.FieldNamePrefix prefix = (Transformation.FieldNamePrefix) t.get(2);
        assertEquals(Optional.of(List.of("winlog.event_data.Image")), prefix.apply("Image"));
        assertEquals(Optional.empty(), prefix.apply("EventID"), "field_name_cond_not negates include_fields");

        Transformation.FieldNameSuffix suffix = (Transformation.FieldNameSuffix) t.get(3);
        assertEquals(Optional.of(List.of("Hashes.keyword")), suffix.apply("Hashes"));
        assertEquals(Optional.empty(), suffix.apply("Image"));

        assertEquals(new Transformation.SetState("table", "query_table", "DeviceProcessEvents",
                RuleConditions.ALWAYS), t.get(4));

        Transformation.AddCondition add = (Transformation.AddCondition) t.get(5);
        assertEquals(Map.of("Status", List.of("success", "ok"), "EventID", List.of(new BigDecimal("4688")),
                "Enabled", List.of(true)), add.fields());
        assertFalse(add.negated());

        Transformation.ChangeLogsource change = (Transformation.ChangeLogsource) t.get(6);
        assertEquals(Optional.empty(), change.category());
        assertEquals(Optional.of("windows"), change.product());
        assertEquals(Optional.of("sysmon"), change.service());
        assertEquals(List.of(new RuleConditions.ProcessingItemApplied("table"),
                new RuleConditions.ProcessingState("query_table", "DeviceProcessEvents", true)),
                change.conditions().conditions());

        Transformation.DropDetectionItem drop = (Transformation.DropDetectionItem) t.get(7);
        assertTrue(drop.fieldConditions().matches("Hashes"));
        assertFalse(drop.fieldConditions().matchesKeyword(), "include_fields never selects a keyword");

        Transformation.MapString map = (Transformation.MapString) t.get(8);
        assertEquals(Map.of("high", List.of("critical", "severe"), "low", List.of("informational")), map.mapping());

        assertEquals(new Transformation.ReplaceString("slashes", "\\\\", "/", true, false, RuleConditions.ALWAYS,
                FieldConditions.ALWAYS), t.get(9));

        Transformation.ValuePlaceholders expand = (Transformation.ValuePlaceholders) t.get(10);
        assertTrue(expand.handles("admins"));
        assertFalse(expand.handles("port"), "include lists the placeholders handled");
    }

    @Test
    void evaluatorResolutionSkipsNonRenames() {
        // FieldResolver keeps working when a pipeline holds other types: it applies only the renames.
        Pipeline p = load("kql-process.yml");
        FieldResolver r = new FieldResolver(List.of(p));
        assertEquals(List.of("Image"), r.resolve(new io.detc.event.LogSourceKey("windows", "sysmon"), "Image"),
                "category conditions never match an event source, which has none");
        for (String name : List.of("placeholders.yml", "spl-base.yml")) {
            load(name);
        }
    }
}
