package io.detc.backend.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Backends;
import io.detc.backend.Compiled;
import io.detc.diag.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the backend reports: tables it cannot find, the dialects it knows, unsupported values, registration. */
class SqlBackendTest {
    private static Compiled compile(String dialect, String yaml) {
        Compilation c;
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("detc-sql", ".yml");
            java.nio.file.Files.writeString(f, yaml);
            c = Compiler.standard().compile(List.of(f));
            java.nio.file.Files.delete(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SqlBackend b = SqlBackend.forDialect(dialect).orElseThrow();
        return b.compile(c, c.documents().get(0), b.defaultPipelines(), "query");
    }

    private static final String RULE = """
            title: t
            id: 11111111-1111-4111-8111-111111111111
            status: test
            logsource:
                %s
            detection:
                selection:
                    %s
                condition: selection
            level: low
            """;

    @Test
    void registeredAsSqlWithTheDuckDbDialect() {
        assertTrue(Backends.byName("sql").isPresent());
        assertEquals("duckdb", ((SqlBackend) Backends.byName("sql").get()).dialect().name());
        assertEquals(List.of("duckdb", "postgres", "sqlite"), SqlDialect.NAMES);
        assertTrue(SqlBackend.forDialect("oracle").isEmpty());
    }

    @Test
    void aCategoryHasNoTable() {
        Compiled c = compile("duckdb", String.format(RULE, "category: process_creation", "Image: x"));
        assertEquals("unsupported", c.fidelity().label());
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.code() == Code.NO_TABLE), c.diagnostics().toString());
    }

    @Test
    void productOnlyReadsEveryTableOfIt() {
        Compiled c = compile("sqlite", String.format(RULE, "product: azure", "UserPrincipalName: x"));
        assertEquals("exact", c.fidelity().label());
        for (String t : List.of("events_azure_signinlogs", "events_azure_auditlogs", "events_azure_activitylogs")) {
            assertTrue(c.text().get().contains("FROM " + t + " AS e"), t);
        }
    }

    @Test
    void nulIsUnsupportedInPostgresOnly() {
        String rule = String.format(RULE, "product: okta\n    service: okta", "eventType|utf16le: a");
        assertEquals("unsupported", compile("postgres", rule).fidelity().label());
        assertEquals("exact", compile("duckdb", rule).fidelity().label());
        assertEquals("exact", compile("sqlite", rule).fidelity().label());
    }

    @Test
    void numericLookingStringsAreDeclared() {
        Compiled c = compile("duckdb", String.format(RULE, "product: okta\n    service: okta", "x|startswith: '1.'"));
        assertEquals("approximated", c.fidelity().label());
        assertEquals("exact", compile("duckdb", String.format(RULE, "product: okta\n    service: okta",
                "x|startswith: 'user.'")).fidelity().label());
        assertEquals("exact", compile("duckdb", String.format(RULE, "product: okta\n    service: okta",
                "x: '50126'")).fidelity().label(), "an exact run of digits never equals a fraction's text");
    }
}
