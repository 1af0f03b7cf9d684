package io.detc.rule;

import io.detc.source.Span;

/** A reference to another document by id or name, as written in a correlation or filter. */
public record RuleRef(String target, Span span) {
}
