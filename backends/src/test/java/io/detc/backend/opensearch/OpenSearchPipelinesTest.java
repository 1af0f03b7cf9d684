package io.detc.backend.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.backend.Backends;
import io.detc.backend.Compiled;
import io.detc.rule.SigmaRule;
import io.detc.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both shipped pipelines load, route rules to their index and give the field names their export uses. */
class OpenSearchPipelinesTest {
    private static final Compilation ALL = io.detc.Compiler.standard().compile(List.of(TestData.dir()
            .resolve("rules")));

    private static SigmaRule rule(String title) {
        return ALL.lowered().stream().map(Compilation.Lowered::rule).filter(r -> r.meta().title().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void registered() {
        assertTrue(Backends.byName("opensearch").isPresent());
        OpenSearchBackend.SHIPPED_PIPELINES.forEach(OpenSearchBackend::shipped);
    }

    @Test
    void nativePipelineQueriesNativePaths() {
        OpenSearchBackend os = new OpenSearchBackend();
        Compiled c = os.compile(ALL, rule("Exact match, case-insensitive"), os.defaultPipelines(), "query");
        assertTrue(c.text().orElseThrow().contains("\"outcome.result\""), c.text().get());
        assertEquals("detc-okta-okta", OpenSearchBackend.index(rule("Exact match, case-insensitive"),
                os.defaultPipelines(), ALL).orElseThrow());
        Compiled entra = os.compile(ALL, rule("CIDR v4 and v6"), os.defaultPipelines(), "query");
        assertTrue(entra.text().orElseThrow().contains("\"properties.ipAddress.ip\""), entra.text().get());
    }

    @Test
    void elasticPipelineQueriesIntegrationNames() {
        OpenSearchBackend os = new OpenSearchBackend();
        List<io.detc.pipeline.Pipeline> elastic = List.of(OpenSearchBackend.shipped("opensearch-elastic"));
        Compiled c = os.compile(ALL, rule("Exact match, case-insensitive"), elastic, "query");
        assertTrue(c.text().orElseThrow().contains("\"okta.outcome.result\""), c.text().get());
        assertEquals("logs-okta.system-*", OpenSearchBackend.index(rule("Exact match, case-insensitive"), elastic,
                ALL).orElseThrow());
        Compiled cidr = os.compile(ALL, rule("CIDR v4 and v6"), elastic, "query");
        assertTrue(cidr.text().orElseThrow().contains("\"source.ip\""), cidr.text().get());
        assertEquals("approximated", cidr.fidelity().label());
    }
}
