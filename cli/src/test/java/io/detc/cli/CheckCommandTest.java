package io.detc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.testing.GoldenNamer;
import io.detc.testing.TestData;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/** {@code detc check}: formats, exit codes and help, with approved transcripts in testdata/golden/cli. */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String invalid(String name) {
        return TestData.dir().resolve("invalid").resolve(name).toString();
    }

    private static void approve(String name, String text) {
        Approvals.verify(text, new Options().forFile().withNamer(GoldenNamer.of("golden/cli", name))
                .forFile().withExtension(".txt"));
    }

    @Test
    void validRulesExitZero() {
        CliRun run = CliRun.of("check", TestData.dir().resolve("rules").toString());
        assertEquals(0, run.exit(), run.transcript());
        assertTrue(run.out().contains("0 errors, 0 warnings"), run.out());
    }

    @Test
    void textReportOfAnInvalidRule() {
        CliRun run = CliRun.of("check", invalid("unknown_identifier.yml"));
        assertEquals(1, run.exit());
        approve("check_text", run.transcript());
    }

    @Test
    void warningsFailOnlyUnderStrict() {
        assertEquals(0, CliRun.of("check", invalid("unused_detection.yml")).exit());
        assertEquals(1, CliRun.of("check", "--strict", invalid("unused_detection.yml")).exit());
    }

    @Test
    void jsonReport() throws Exception {
        CliRun run = CliRun.of("check", "--format", "json", invalid("unknown_identifier.yml"));
        assertEquals(1, run.exit());
        JsonNode root = JSON.readTree(run.out());
        assertEquals("detc.check/1", root.get("schema").asText());
        assertEquals("W302", root.get("diagnostics").get(0).get("code").asText());
        assertEquals("E301", root.get("diagnostics").get(1).get("code").asText());
        assertEquals(15, root.get("diagnostics").get(1).get("line").asInt());
        approve("check_json", run.transcript());
    }

    @Test
    void sarifReport() throws Exception {
        CliRun run = CliRun.of("check", "--format", "sarif", invalid("regex_invalid.yml"));
        assertEquals(1, run.exit());
        JsonNode root = JSON.readTree(run.out());
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode result = root.get("runs").get(0).get("results").get(0);
        assertEquals("E308", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertTrue(region.get("startLine").asInt() > 1);
        approve("check_sarif", run.transcript());
    }

    @Test
    void badCommandLineExitsTwo() {
        CliRun unknownOption = CliRun.of("check", "--frobnicate", "x");
        assertEquals(2, unknownOption.exit());
        CliRun missingPath = CliRun.of("check", "/no/such/dir");
        assertEquals(2, missingPath.exit());
        assertTrue(missingPath.err().contains("no such file or folder"), missingPath.err());
        assertEquals(2, CliRun.of("check").exit());
        assertEquals(2, CliRun.of().exit());
        assertEquals(2, CliRun.of("check", "--format", "xml", invalid("yaml_syntax.yml")).exit());
    }

    @Test
    void helpIsApproved() {
        CliRun root = CliRun.of("--help");
        CliRun check = CliRun.of("check", "--help");
        assertEquals(0, root.exit());
        approve("help", root.out() + "\n" + check.out());
    }
}
