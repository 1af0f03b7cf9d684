package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.pipeline.Pipelines;
import io.detc.pipeline.Transformation;
import io.detc.rule.LogSource;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped Sentinel pipelines load without a single diagnostic, route every detc log source to a table of the
 * schema, and map names only to columns that exist: every target of a mapping item is a column (or a path into a
 * structured column) of at least one table the item applies to.
 */
class SentinelPipelinesTest {
    /** Every log source the pipelines route, and its table. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("okta/okta", "OktaV2_CL");
        TABLES.put("azure/signinlogs", "SigninLogs");
        TABLES.put("azure/signinlogs_noninteractive", "AADNonInteractiveUserSignInLogs");
        TABLES.put("azure/signinlogs_serviceprincipal", "AADServicePrincipalSignInLogs");
        TABLES.put("azure/signinlogs_managedidentity", "AADManagedIdentitySignInLogs");
        TABLES.put("azure/auditlogs", "AuditLogs");
        TABLES.put("azure/riskdetection", "AADUserRiskEvents");
        TABLES.put("azure/activitylogs", "AzureActivity");
        TABLES.put("azure/graphactivitylogs", "MicrosoftGraphActivityLogs");
    }

    static List<String> shipped() {
        return KqlBackend.SHIPPED_PIPELINES;
    }

    private static LogSource logsource(String key) {
        String[] ps = key.split("/");
        return new LogSource(Optional.empty(), Optional.of(ps[0]), Optional.of(ps[1]), Optional.empty(), Map.of());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void loadsWithoutDiagnostics(String name) throws IOException {
        try (InputStream in = KqlBackend.class.getResourceAsStream("/pipelines/" + name + ".yml")) {
            Diagnostics diags = new Diagnostics();
            Pipelines.parse(new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)), diags);
            assertEquals(List.of(), diags.list());
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void routesToSchemaTables_andMapsOnlyToExistingColumns(String name) {
        Pipeline p = KqlBackend.shipped(name);
        SentinelSchema schema = SentinelSchema.shipped();
        List<String> problems = new ArrayList<>();
        for (Entry<String, String> e : TABLES.entrySet()) {
            LogSource ls = logsource(e.getKey());
            String table = PipelineApplier.apply(List.of(p), ls, new Predicate.Const(true), Span.NONE).state()
                    .get("query_table");
            if (table != null) {
                String expected = name.equals("sentinel-okta-legacy") ? "Okta_CL" : e.getValue();
                assertEquals(expected, table, e.getKey());
                assertTrue(schema.table(table).isPresent(), table);
            }
        }
        for (Transformation t : p.transformations()) {
            if (!(t instanceof Transformation.FieldRename r)) {
                continue;
            }
            List<SentinelSchema.Table> tables = new ArrayList<>();
            for (Entry<String, String> e : TABLES.entrySet()) {
                LogSource ls = logsource(e.getKey());
                String table = PipelineApplier.apply(List.of(p), ls, new Predicate.Const(true), Span.NONE).state()
                        .get("query_table");
                if (table != null && t.conditions().matches(ls)) {
                    schema.table(table).ifPresent(tables::add);
                }
            }
            for (List<String> targets : r.mapping().values()) {
                for (String target : targets) {
                    String column = target.split("\\.", 2)[0];
                    boolean found = tables.stream().anyMatch(tab -> tab.column(column).filter(c ->
                            !target.contains(".") || c.structured()).isPresent());
                    if (!found) {
                        problems.add(t.id() + ": " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
