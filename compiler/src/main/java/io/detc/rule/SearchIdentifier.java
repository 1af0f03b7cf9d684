package io.detc.rule;

import io.detc.source.Span;

/** A named selection under {@code detection}; {@code span} is where its name is written. */
public record SearchIdentifier(String name, Span span, Selection selection) {
}
