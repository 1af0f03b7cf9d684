package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The sentinel format is valid YAML whose query is exactly the query format's text, with every key Sentinel needs. */
class SentinelRuleFormatTest {
    private static final List<String> KEYS = List.of("id", "name", "description", "severity",
            "requiredDataConnectors", "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold",
            "tactics", "relevantTechniques", "query", "entityMappings", "version", "kind");

    /** The query of a sentinel-format document. */
    @SuppressWarnings("unchecked")
    static String query(String yaml) {
        Map<String, Object> m = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return (String) m.get("query");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTestdataDocumentIsAnAnalyticRuleCarryingTheQueryUnchanged() {
        Compilation c = Compiler.standard().compile(List.of(TestData.dir().resolve("rules")));
        KqlBackend kql = new KqlBackend();
        for (Document d : c.documents()) {
            if (d instanceof Filter) {
                continue;
            }
            Compiled q = kql.compile(c, d, kql.defaultPipelines(), "query");
            Compiled s = kql.compile(c, d, kql.defaultPipelines(), "sentinel");
            Map<String, Object> m = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(s.text().orElseThrow());
            assertEquals(KEYS, List.copyOf(m.keySet()), d.key());
            assertEquals(q.text().orElseThrow(), m.get("query"), d.key());
            assertEquals("Scheduled", m.get("kind"));
            assertTrue(String.valueOf(m.get("id")).matches("[0-9a-f-]{36}"), d.key());
        }
    }

    @Test
    void textIsQuotedSoAnyTitleStaysOneScalar() {
        String nasty = "a \"quoted\" \\ title\nwith a line break, a tab\t and an RTL \u202e override";
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString("name: " + SentinelRuleFormat.quote(nasty) + "\n");
        assertEquals(nasty, m.get("name"));
    }
}
