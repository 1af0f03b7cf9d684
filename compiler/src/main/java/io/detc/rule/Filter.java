package io.detc.rule;

import java.util.List;

/**
 * A filter document (spec "Sigma Filters"): a detection whose matches are excluded from the rules it names.
 * The filter's condition is ANDed, negated, onto each target rule's condition.
 */
public record Filter(Meta meta, LogSource logsource, List<RuleRef> rules, Detection detection,
                     io.detc.source.Span span) implements Document {
    public Filter {
        rules = List.copyOf(rules);
    }
}
