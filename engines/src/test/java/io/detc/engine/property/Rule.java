package io.detc.engine.property;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated single-event Sigma rule: numbered (its id, name and title follow from the number), on the
 * {@code okta/okta} log source (so events carry a time in {@code published}), with selections and a condition.
 */
public record Rule(int number, List<Selection> selections, Cond condition) {
    public Rule {
        selections = List.copyOf(selections);
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("a rule needs a selection");
        }
    }

    /** The rule's {@code name:}, which correlations refer to. */
    public String name() {
        return "prop_r" + number;
    }

    /** The rule's {@code id:}, which its alerts carry. */
    public String id() {
        return String.format("00000000-0000-4000-8000-%012d", number);
    }

    /** The YAML document. */
    public String yaml() {
        StringBuilder b = new StringBuilder();
        b.append("title: property rule ").append(number).append('\n');
        b.append("id: ").append(id()).append('\n');
        b.append("name: ").append(name()).append('\n');
        b.append("status: test\nlogsource:\n    product: okta\n    service: okta\ndetection:\n");
        for (Selection s : selections) {
            s.yaml(b);
        }
        b.append("    condition: ").append(condition.render()).append('\n');
        return b.append("level: low\n").toString();
    }

    /**
     * A named search identifier: either field maps (one map, or a list of maps meaning "any of them") or keywords
     * (field-less strings). Exactly one of {@code maps} and {@code keywords} is non-empty.
     */
    public record Selection(String name, List<List<Item>> maps, List<Value.Str> keywords) {
        public Selection {
            maps = maps.stream().map(List::copyOf).toList();
            keywords = List.copyOf(keywords);
            if (maps.isEmpty() == keywords.isEmpty() || maps.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("a selection is non-empty maps or keywords: " + name);
            }
        }

        void yaml(StringBuilder b) {
            b.append("    ").append(name).append(":\n");
            if (!keywords.isEmpty()) {
                keywords.forEach(k -> b.append("        - ").append(k.yaml()).append('\n'));
                return;
            }
            if (maps.size() == 1) {
                maps.get(0).forEach(i -> b.append("        ").append(i.yaml()).append('\n'));
                return;
            }
            for (List<Item> map : maps) {
                for (int i = 0; i < map.size(); i++) {
                    b.append(i == 0 ? "        - " : "          ").append(map.get(i).yaml()).append('\n');
                }
            }
        }
    }

    /** {@code field|mod|mod: value} or {@code field|mod: [v1, v2]}. */
    public record Item(String field, List<String> modifiers, List<Value> values) {
        public Item {
            modifiers = List.copyOf(modifiers);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an item needs a value");
            }
        }

        /** The mapping key, {@code field|mod|mod}. */
        public String key() {
            return field + modifiers.stream().map(m -> "|" + m).collect(Collectors.joining());
        }

        /** {@code 'key': value} or {@code 'key': [v1, v2]}. */
        public String yaml() {
            String v = values.size() == 1 ? values.get(0).yaml()
                    : values.stream().map(Value::yaml).collect(Collectors.joining(", ", "[", "]"));
            return "'" + key().replace("'", "''") + "': " + v;
        }
    }
}
