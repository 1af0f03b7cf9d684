package io.detc.engine.property;

import java.util.List;

/**
 * A generated Sigma filter (meta-filter document): one selection and a condition over it, applied to the rules it
 * names by id, as {@code detc eval} and every backend apply it.
 */
public record Filter(int number, List<String> ruleIds, Rule.Selection selection, Cond condition) {
    public Filter {
        ruleIds = List.copyOf(ruleIds);
        if (ruleIds.isEmpty()) {
            throw new IllegalArgumentException("a filter names a rule");
        }
    }

    public String id() {
        return String.format("00000000-0000-4000-8002-%012d", number);
    }

    /** The YAML document. */
    public String yaml() {
        StringBuilder b = new StringBuilder();
        b.append("title: property filter ").append(number).append('\n');
        b.append("id: ").append(id()).append('\n');
        b.append("status: test\nlogsource:\n    product: okta\n    service: okta\nfilter:\n    rules:\n");
        ruleIds.forEach(r -> b.append("        - ").append(r).append('\n'));
        selection.yaml(b);
        b.append("    condition: ").append(condition.render()).append('\n');
        return b.toString();
    }
}
