package io.detc.rule;

import io.detc.source.Span;

/**
 * One YAML document of a rule file: a detection rule, a correlation rule or a filter. Each carries the metadata
 * the spec defines for all three, and the span of the document.
 */
public sealed interface Document permits SigmaRule, Correlation, Filter {
    Meta meta();

    Span span();

    /** The id, or the name when there is no id, or the title: how alerts and reports name the document. */
    default String key() {
        return meta().id().or(() -> meta().name()).orElse(meta().title());
    }
}
