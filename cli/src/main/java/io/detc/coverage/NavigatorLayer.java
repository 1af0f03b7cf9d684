package io.detc.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ATT&CK Navigator layer (format 4.5) of the rule set: each technique scored by the number of rules covering it,
 * with the rule titles in the comment; techniques whose every rule is blind on the sample are marked disabled-grey.
 */
final class NavigatorLayer {
    private NavigatorLayer() {
    }

    static String render(Coverage c, String name) {
        Map<String, List<RuleFacts>> by = new TreeMap<>();
        c.rules().forEach(r -> r.techniques().forEach(t -> by.computeIfAbsent(t, k -> new ArrayList<>()).add(r)));
        ObjectNode root = JsonCoverage.JSON.createObjectNode();
        root.put("name", name);
        ObjectNode versions = root.putObject("versions");
        versions.put("attack", "16");
        versions.put("navigator", "5.1.0");
        versions.put("layer", "4.5");
        root.put("domain", "enterprise-attack");
        root.put("description", "Techniques covered by " + c.rules().size() + " detc rules");
        root.put("sorting", 3);
        ObjectNode layout = root.putObject("layout");
        layout.put("layout", "side");
        layout.put("showID", true);
        layout.put("showName", true);
        root.put("hideDisabled", false);
        ArrayNode techniques = root.putArray("techniques");
        int max = 1;
        for (Map.Entry<String, List<RuleFacts>> e : by.entrySet()) {
            List<RuleFacts> rules = e.getValue();
            max = Math.max(max, rules.size());
            boolean allBlind = c.sample().map(s -> rules.stream().allMatch(r ->
                    !s.status().get(r.document().key()).canFire())).orElse(false);
            ObjectNode t = techniques.addObject();
            t.put("techniqueID", e.getKey());
            t.put("score", rules.size());
            t.put("comment", String.join("; ", rules.stream().map(r -> r.document().meta().title()).toList()));
            t.put("enabled", true);
            if (allBlind) {
                t.put("color", "#b0b0b0");
            }
            ArrayNode meta = t.putArray("metadata");
            rules.forEach(r -> meta.addObject().put("name", "rule").put("value", r.document().key()));
            t.put("showSubtechniques", e.getKey().contains("."));
        }
        ObjectNode gradient = root.putObject("gradient");
        ArrayNode colors = gradient.putArray("colors");
        colors.add("#ffe5e5");
        colors.add("#ff6666");
        gradient.put("minValue", 0);
        gradient.put("maxValue", max);
        root.putArray("legendItems");
        root.put("showTacticRowBackground", false);
        root.put("selectTechniquesAcrossTactics", true);
        root.put("selectSubtechniquesWithParent", false);
        try {
            return JsonCoverage.JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
