package io.detc.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import java.util.List;

/**
 * The fidelity report of {@code detc compile --report json}: for every rule and target, exact, approximated (why)
 * or unsupported (why). Stable keys: {@code schema}, {@code results[]} with rule, title, file, target, format,
 * fidelity, reasons.
 */
public final class FidelityReport {
    private FidelityReport() {
    }

    public static String json(List<Compiled> results) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("schema", "detc.fidelity/1");
        ArrayNode list = root.putArray("results");
        for (Compiled c : results) {
            ObjectNode o = list.addObject();
            o.put("rule", c.document().key());
            o.put("title", c.document().meta().title());
            o.put("file", c.document().span().file().path());
            o.put("target", c.target());
            o.put("format", c.format());
            o.put("fidelity", c.fidelity().label());
            ArrayNode reasons = o.putArray("reasons");
            if (c.fidelity() instanceof Fidelity.Approximated a) {
                a.reasons().forEach(reasons::add);
            } else if (c.fidelity() instanceof Fidelity.Unsupported u) {
                u.reasons().forEach(reasons::add);
            }
        }
        try {
            return JsonReport.JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
