package io.detc.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON view ({@code "schema": "detc.coverage/1"}), also the data the HTML report embeds. */
final class JsonCoverage {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonCoverage() {
    }

    static String render(Coverage c) {
        try {
            return JSON.writeValueAsString(tree(c)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(Coverage c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "detc.coverage/1");
        strings(root.putArray("targets"), c.targets());
        ArrayNode rules = root.putArray("rules");
        for (RuleFacts r : c.ordered()) {
            ObjectNode o = rules.addObject();
            o.put("rule", r.document().key());
            o.put("title", r.document().meta().title());
            o.put("file", r.document().span().file().path());
            o.put("kind", r.document().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            o.put("idp", r.idp());
            o.put("behaviour", r.behaviour());
            strings(o.putArray("log_sources"), r.logsources());
            strings(o.putArray("event_types"), r.eventTypes());
            strings(o.putArray("fields"), r.fields());
            strings(o.putArray("licences"), r.licences());
            strings(o.putArray("techniques"), r.techniques());
            strings(o.putArray("analytics"), r.analytics());
            ObjectNode targets = o.putObject("targets");
            r.targets().forEach((t, tf) -> {
                ObjectNode to = targets.putObject(t);
                to.put("table", tf.table());
                to.put("fidelity", tf.fidelity());
                strings(to.putArray("reasons"), tf.reasons());
            });
            c.sample().ifPresent(s -> {
                RuleStatus st = s.status().get(r.document().key());
                o.put("can_fire", st.canFire());
                strings(o.putArray("missing"), st.missing());
            });
        }
        c.sample().ifPresent(s -> {
            ObjectNode sample = root.putObject("sample");
            strings(sample.putArray("files"), s.files());
            sample.put("gap_threshold_minutes", s.gapThreshold().toMinutes());
            ArrayNode health = sample.putArray("sources");
            for (SourceHealth h : s.health()) {
                ObjectNode o = health.addObject();
                o.put("source", h.source());
                o.put("events", h.events());
                o.put("first", h.first() == null ? null : h.first().toString());
                o.put("last", h.last() == null ? null : h.last().toString());
                ArrayNode gaps = o.putArray("gaps");
                h.gaps().forEach(g -> gaps.addObject().put("from", g.from().toString()).put("to", g.to().toString())
                        .put("minutes", g.length().toMinutes()));
                o.put("out_of_order", h.outOfOrder());
                o.put("duplicates", h.duplicates());
                o.put("duplicate_key", h.idField());
                o.put("delay_median_seconds", h.delayMedian() == null ? null : h.delayMedian().toMillis() / 1000.0);
                o.put("delay_max_seconds", h.delayMax() == null ? null : h.delayMax().toMillis() / 1000.0);
            }
        });
        return root;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
