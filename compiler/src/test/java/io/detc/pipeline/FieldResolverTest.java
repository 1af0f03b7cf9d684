package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Diagnostics;
import io.detc.event.Formats;
import io.detc.event.LogSourceKey;
import io.detc.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldResolverTest {
    private static final FieldResolver STANDARD = FieldResolver.standard();

    static Stream<Arguments> standardResolutions() {
        return Stream.of(
                Arguments.of("okta/okta", "actor.alternateId", "actor.alternateId"),
                Arguments.of("okta/okta", "securityContext.isProxy", "securityContext.isProxy"),
                Arguments.of("okta/okta", "UserPrincipalName", "UserPrincipalName"),
                Arguments.of("azure/signinlogs", "UserPrincipalName", "properties.userPrincipalName"),
                Arguments.of("azure/signinlogs", "ResultType", "resultType"),
                Arguments.of("azure/signinlogs", "AppDisplayName", "properties.appDisplayName"),
                Arguments.of("azure/signinlogs", "IPAddress", "properties.ipAddress"),
                Arguments.of("azure/signinlogs", "Status.errorCode", "properties.status.errorCode"),
                Arguments.of("azure/signinlogs", "Status",
                        "properties.status.failureReason | properties.status.additionalDetails"),
                Arguments.of("azure/signinlogs", "LocationDetails.countryOrRegion",
                        "properties.location.countryOrRegion"),
                Arguments.of("azure/signinlogs", "DeviceDetail.trusttype", "properties.deviceDetail.trustType"),
                Arguments.of("azure/signinlogs", "Level", "Level | level"),
                Arguments.of("azure/signinlogs", "properties.userPrincipalName", "properties.userPrincipalName"),
                Arguments.of("azure/signinlogs_noninteractive", "IncomingTokenType", "properties.incomingTokenType"),
                Arguments.of("azure/signinlogs_noninteractive", "SessionId", "properties.sessionId"),
                Arguments.of("azure/signinlogs_serviceprincipal", "ServicePrincipalCredentialKeyId",
                        "properties.servicePrincipalCredentialKeyId"),
                Arguments.of("azure/signinlogs_managedidentity", "UniqueTokenIdentifier",
                        "properties.uniqueTokenIdentifier"),
                Arguments.of("azure/signinlogs", "CreatedDateTime", "properties.createdDateTime"),
                Arguments.of("azure/auditlogs", "OperationName", "operationName"),
                Arguments.of("azure/auditlogs", "operationName", "operationName"),
                Arguments.of("azure/auditlogs", "ActivityDisplayName", "properties.activityDisplayName"),
                Arguments.of("azure/auditlogs", "properties.message", "operationName | properties.activityDisplayName"),
                Arguments.of("azure/auditlogs", "InitiatedBy.user.userPrincipalName",
                        "properties.initiatedBy.user.userPrincipalName"),
                Arguments.of("azure/auditlogs", "TargetResources", "properties.targetResources"),
                Arguments.of("azure/auditlogs", "TargetResources.modifiedProperties.newValue",
                        "properties.targetResources.modifiedProperties.newValue"),
                Arguments.of("azure/auditlogs", "Category", "properties.category"),
                Arguments.of("azure/auditlogs", "category", "properties.category"),
                Arguments.of("azure/signinlogs", "Category", "category"),
                Arguments.of("azure/riskdetection", "riskEventType", "properties.riskEventType"),
                Arguments.of("azure/graphactivitylogs", "RequestUri", "properties.requestUri"),
                Arguments.of("azure/activitylogs", "operationName", "operationName"),
                Arguments.of("azure/activitylogs", "OperationNameValue", "operationName"),
                Arguments.of("azure/activitylogs", "ResourceId", "resourceId"),
                Arguments.of("azure/activitylogs", "UserPrincipalName", "UserPrincipalName"),
                Arguments.of("azure/pim", "riskEventType", "riskEventType"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("standardResolutions")
    void standardPipelines(String source, String field, String expected) {
        assertEquals(expected, String.join(" | ", STANDARD.resolve(LogSourceKey.parse(source).orElseThrow(), field)));
    }

    @Test
    void resultsAreCachedAndImmutable() {
        List<String> a = STANDARD.resolve(Formats.ENTRA_SIGNIN, "UserPrincipalName");
        assertSame(a, STANDARD.resolve(Formats.ENTRA_SIGNIN, "UserPrincipalName"));
        assertSame(STANDARD, FieldResolver.standard());
        try {
            a.add("x");
            throw new AssertionError("mutable");
        } catch (UnsupportedOperationException expected) {
            // fine
        }
    }

    @Test
    void pipelinesChainByPriorityAndItemOrder() {
        // low priority renames A to B; the later pipeline sees B, fans it out, and the prefix item rewrites one.
        Pipeline late = parse("name: late\npriority: 50\ntransformations:\n"
                + "  - type: field_name_mapping\n    mapping: {B: [C, x.D]}\n"
                + "  - type: field_name_prefix_mapping\n    mapping: {'x.': 'y.', 'x': 'z'}\n");
        Pipeline early = parse("name: early\npriority: 10\ntransformations:\n"
                + "  - type: field_name_mapping\n    mapping: {A: B}\n"
                + "    rule_conditions: [{type: logsource, product: azure}]\n");
        FieldResolver r = new FieldResolver(List.of(late, early));
        assertEquals(List.of("early", "late"), r.pipelines().stream().map(Pipeline::name).toList());
        assertEquals(List.of("C", "y.D"), r.resolve(Formats.ENTRA_AUDIT, "A"));
        assertEquals(List.of("A"), r.resolve(Formats.OKTA, "A"), "the condition keeps okta out");
        assertEquals(List.of("zy"), r.resolve(Formats.OKTA, "xy"), "first matching prefix wins");
        assertEquals(List.of("unmapped.path"), r.resolve(Formats.OKTA, "unmapped.path"));
    }

    @Test
    void conditionsLinkAndNegate() {
        Pipeline p = parse("transformations:\n"
                + "  - type: field_name_mapping\n    mapping: {A: all}\n"
                + "    rule_conditions: [{type: logsource, product: azure}, {type: logsource, service: auditlogs}]\n"
                + "  - type: field_name_mapping\n    mapping: {B: any}\n    rule_cond_op: or\n"
                + "    rule_conditions: [{type: logsource, product: okta}, {type: logsource, service: auditlogs}]\n"
                + "  - type: field_name_mapping\n    mapping: {C: not}\n    rule_condition_negation: true\n"
                + "    rule_conditions: [{type: logsource, product: okta}]\n"
                + "  - type: field_name_mapping\n    mapping: {D: never}\n"
                + "    rule_conditions: [{type: logsource, category: authentication}]\n");
        FieldResolver r = new FieldResolver(List.of(p));
        assertEquals("all any not D", each(r, Formats.ENTRA_AUDIT, "A", "B", "C", "D"));
        assertEquals("A any C", each(r, Formats.OKTA, "A", "B", "C"));
        assertEquals("A B", each(r, Formats.ENTRA_SIGNIN, "A", "B"));
    }

    /**
     * The shipped pipelines, checked for every source and every key they map: each result lies under the export
     * shape (an envelope key or properties.*), and resolving a result again gives nothing new (no accidental
     * double renaming through the chain).
     */
    @Test
    void shippedMappingsStayInsideTheExportShape() {
        List<String> wrong = new ArrayList<>();
        for (LogSourceKey source : Formats.known()) {
            Set<String> top = Formats.topLevelKeys(source);
            for (String field : mappedKeys()) {
                List<String> paths = STANDARD.resolve(source, field);
                if (paths.equals(List.of(field))) {
                    continue; // not mapped on this source
                }
                for (String path : paths) {
                    if (!top.contains(path.split("\\.", 2)[0])) {
                        wrong.add(source + " " + field + " -> " + path + " (not in the export shape)");
                    }
                    List<String> again = STANDARD.resolve(source, path);
                    if (!paths.containsAll(again)) {
                        wrong.add(source + " " + field + " -> " + path + " -> " + again + " (renamed twice)");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String each(FieldResolver r, LogSourceKey source, String... fields) {
        return Stream.of(fields).map(f -> String.join("|", r.resolve(source, f)))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static Set<String> mappedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Pipeline p : STANDARD.pipelines()) {
            for (Transformation item : p.transformations()) {
                Transformation.FieldRename t = (Transformation.FieldRename) item;
                for (String k : t.mapping().keySet()) {
                    keys.add(t instanceof Transformation.FieldNamePrefixMapping ? k + "sub" : k);
                }
            }
        }
        return keys;
    }

    private static Pipeline parse(String yaml) {
        Diagnostics diags = new Diagnostics();
        Pipeline p = Pipelines.parse(new SourceFile("t.yml", yaml), diags).orElseThrow();
        assertTrue(diags.list().isEmpty(), diags.list().toString());
        return p;
    }
}
