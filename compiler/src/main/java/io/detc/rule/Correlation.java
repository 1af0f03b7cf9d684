package io.detc.rule;

import io.detc.condition.Condition;
import io.detc.source.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A correlation document (spec "Sigma Correlation Rules"): one of seven types over the rules it names, grouped by
 * fields, within a timespan, with a threshold condition. Temporal types may instead carry a boolean expression
 * over rule names (pySigma's extended temporal condition, e.g. {@code grant and not audit}), which is how detc
 * expresses absence.
 */
public record Correlation(Meta meta, Type type, Span typeSpan, List<RuleRef> rules, List<String> groupBy,
                          Optional<Duration> timespan, Optional<Threshold> threshold,
                          Optional<Condition> expression, List<Alias> aliases,
                          boolean generate, Span span) implements Document {
    public Correlation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = List.copyOf(aliases);
    }

    /** {@code aliases: {name: {rule: field}}}: the field that stands for {@code name} in each rule's events. */
    public record Alias(String name, Map<String, String> fields, Span span) {
        public Alias {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** Correlation types: the seven of spec v2.1 and detc's {@code silence} (a group that stops sending events). */
    public enum Type {
        EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED, VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE, SILENCE;

        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Types whose condition needs a {@code field}. */
        public boolean needsField() {
            return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
        }

        public boolean isTemporal() {
            return this == TEMPORAL || this == TEMPORAL_ORDERED;
        }
    }

    /**
     * The threshold: one or two comparisons (two make a range, e.g. gt and lte), the field for value types, and the
     * percentile rank for {@code value_percentile}.
     */
    public record Threshold(List<Comparison> comparisons, Optional<String> field, Optional<Integer> percentile,
                            Span span) {
        public Threshold {
            comparisons = List.copyOf(comparisons);
        }
    }

    /** {@code gt: 10} and friends. */
    public record Comparison(Op op, java.math.BigDecimal value) {
    }

    /** Threshold operators of the spec. */
    public enum Op { GT, GTE, LT, LTE, EQ, NEQ }
}
