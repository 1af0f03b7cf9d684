package io.detc.engine.property;

import java.util.List;
import java.util.Optional;

/**
 * A generated correlation over generated rules: {@code type} is {@code event_count}, {@code value_count},
 * {@code temporal}, {@code temporal_ordered} or detc's {@code silence}; {@code gte} is its threshold (empty for
 * the temporal types, which then need every rule, and for silence); {@code field} is value_count's field;
 * {@code expression} a temporal condition over rule names (detc's absence, {@code a and not b}).
 */
public record Correlation(int number, String type, List<String> rules, List<String> groupBy, String timespan,
                          Optional<Integer> gte, Optional<String> field, Optional<String> expression,
                          boolean generate) {
    public Correlation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
    }

    public String id() {
        return String.format("00000000-0000-4000-8001-%012d", number);
    }

    /** The YAML document. */
    public String yaml() {
        StringBuilder b = new StringBuilder();
        b.append("title: property correlation ").append(number).append('\n');
        b.append("id: ").append(id()).append('\n');
        b.append("name: prop_c").append(number).append('\n');
        b.append("status: test\ncorrelation:\n    type: ").append(type).append("\n    rules:\n");
        rules.forEach(r -> b.append("        - ").append(r).append('\n'));
        if (!groupBy.isEmpty()) {
            b.append("    group-by:\n");
            groupBy.forEach(g -> b.append("        - ").append(g).append('\n'));
        }
        b.append("    timespan: ").append(timespan).append('\n');
        expression.ifPresent(x -> b.append("    condition: ").append(x).append('\n'));
        if (gte.isPresent() || field.isPresent()) {
            b.append("    condition:\n");
            gte.ifPresent(n -> b.append("        gte: ").append(n).append('\n'));
            field.ifPresent(f -> b.append("        field: ").append(f).append('\n'));
        }
        if (generate) {
            b.append("    generate: true\n");
        }
        return b.append("level: low\n").toString();
    }
}
