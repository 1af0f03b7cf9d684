package io.detc.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Format recognition over {@code testdata/events/formats/<product>_<service>.jsonl}: one small, realistic fixture per
 * source, whose every line must route to the source its file name says, with a time.
 */
class FormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> fixtures() {
        return TestData.files("events/formats", ".jsonl").stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyLineRoutesToTheSourceItsFileNames(Path fixture) {
        String stem = TestData.stem(fixture);
        LogSourceKey expected = new LogSourceKey(stem.substring(0, stem.indexOf('_')),
                stem.substring(stem.indexOf('_') + 1));
        List<Event> events = new ArrayList<>();
        List<EventProblem> problems = new ArrayList<>();
        ReadStats stats = new EventReader().read(fixture, stem, Optional.empty(), events::add, problems::add);
        assertEquals(List.of(), problems);
        assertTrue(stats.events() >= 1);
        for (Event e : events) {
            assertEquals(expected, e.source(), e.where());
            assertTrue(e.time().isPresent(), e.where() + " has a time");
        }
    }

    @Test
    void everyKnownSourceHasAFixture() {
        Set<String> stems = TestData.files("events/formats", ".jsonl").stream().map(TestData::stem)
                .collect(Collectors.toCollection(TreeSet::new));
        for (LogSourceKey k : Formats.known()) {
            assertTrue(stems.contains(k.product() + "_" + k.service()), "fixture for " + k);
        }
    }

    @Test
    void categoriesRoute() throws Exception {
        assertEquals("azure/riskdetection", detect("{\"category\":\"RiskyServicePrincipals\"}"));
        assertEquals("azure/signinlogs", detect("{\"category\":\"signinlogs\"}"), "category values fold case");
        assertEquals("azure/activitylogs", detect("{\"category\":\"Policy\",\"operationName\":\"x\","
                + "\"resourceId\":\"/providers/Microsoft.Management/managementGroups/mg1\"}"));
    }

    static Stream<Arguments> unknown() {
        return Stream.of(
                Arguments.of("{\"category\":\"Policy\",\"operationName\":\"Update policy\","
                        + "\"resourceId\":\"/tenants/t1/providers/Microsoft.aadiam\"}", "is not an ARM resource id"),
                Arguments.of("{\"category\":\"ProvisioningLogs\",\"time\":\"2024-01-01T00:00:00Z\"}",
                        "'ProvisioningLogs' is not an Entra or Azure activity category"),
                Arguments.of("{\"Type\":\"AuditLogs\",\"TimeGenerated\":\"2024-01-01T00:00:00Z\"}",
                        "Log Analytics (Sentinel) row of table 'AuditLogs'"),
                Arguments.of("{\"eventtype\":\"user.session.start\",\"published\":\"2024-01-01T00:00:00Z\"}",
                        "key 'eventtype' differs only in case from the export's 'eventType'"),
                Arguments.of("{\"eventType\":\"user.session.start\"}", "not the rest of an Okta LogEvent"),
                Arguments.of("{\"category\":7}", "neither an Okta System Log event"),
                Arguments.of("{}", "neither an Okta System Log event"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unknown")
    void unknownFormatsSayWhy(String json, String because) throws Exception {
        JsonNode n = JSON.readTree(json);
        assertEquals(Optional.empty(), Formats.detect(n));
        String why = Formats.whyUnknown(n);
        assertTrue(why.contains(because), why);
    }

    @Test
    void timeFields() {
        assertEquals(Optional.of("published"), Formats.timeField(Formats.OKTA));
        for (LogSourceKey k : Formats.known()) {
            if (!k.equals(Formats.OKTA)) {
                assertEquals(Optional.of("time"), Formats.timeField(k), k.toString());
            }
        }
        assertEquals(Optional.empty(), Formats.timeField(new LogSourceKey("gcp", "audit")));
        assertEquals(Set.of(), Formats.topLevelKeys(new LogSourceKey("gcp", "audit")));
        assertTrue(Formats.topLevelKeys(Formats.ENTRA_AUDIT).contains("properties"));
    }

    private static String detect(String json) throws Exception {
        return Formats.detect(JSON.readTree(json)).map(LogSourceKey::toString).orElse("none");
    }
}
