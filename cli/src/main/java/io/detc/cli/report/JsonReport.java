package io.detc.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.diag.Diagnostic;

/**
 * The JSON form of a check: a stable, versioned object for scripts. Field order is fixed; {@code schema} changes
 * only with an incompatible change.
 */
final class JsonReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(Compilation c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "detc.check/1");
        root.put("files", c.files().size());
        root.put("documents", c.documents().size());
        root.put("errors", c.errorCount());
        root.put("warnings", c.warningCount());
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : c.diagnostics()) {
            ObjectNode o = list.addObject();
            o.put("code", d.code().id());
            o.put("name", d.code().slug());
            o.put("severity", d.severity().label());
            o.put("message", d.message());
            if (!d.hint().isEmpty()) {
                o.put("hint", d.hint());
            }
            if (!d.span().isNone()) {
                o.put("path", d.span().file().path());
                o.put("line", d.span().line());
                o.put("column", d.span().column());
                o.put("length", d.span().length());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
