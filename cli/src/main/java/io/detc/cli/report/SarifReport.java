package io.detc.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Severity;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * SARIF 2.1.0 output, so GitHub code scanning can annotate pull requests. One rule descriptor per code that
 * occurs; artifact URIs are the paths as given, with forward slashes, relative to the working directory.
 */
final class SarifReport {
    private SarifReport() {
    }

    static String render(Compilation c) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "detc");
        driver.put("informationUri", "https://github.com/detc/detc");
        driver.put("semanticVersion", "0.1.0");
        Set<Code> codes = new LinkedHashSet<>();
        c.diagnostics().forEach(d -> codes.add(d.code()));
        ArrayNode rules = driver.putArray("rules");
        for (Code code : codes) {
            ObjectNode r = rules.addObject();
            r.put("id", code.id());
            r.put("name", code.slug());
            r.putObject("shortDescription").put("text", code.slug().replace('-', ' '));
            r.putObject("defaultConfiguration").put("level", level(code.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : c.diagnostics()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", d.code().id());
            r.put("level", level(d.severity()));
            r.putObject("message").put("text", d.message() + (d.hint().isEmpty() ? "" : " (" + d.hint() + ")"));
            if (!d.span().isNone()) {
                ObjectNode loc = r.putArray("locations").addObject().putObject("physicalLocation");
                loc.putObject("artifactLocation").put("uri", d.span().file().path().replace('\\', '/'));
                ObjectNode region = loc.putObject("region");
                region.put("startLine", d.span().line());
                region.put("startColumn", d.span().column());
                region.put("endColumn", d.span().column() + Math.max(1, d.span().length()));
            }
        }
        try {
            return JsonReport.JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : "warning";
    }
}
