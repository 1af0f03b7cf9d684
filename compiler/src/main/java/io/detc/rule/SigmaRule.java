package io.detc.rule;

import io.detc.source.Span;

/** A detection rule: metadata, log source and detection. */
public record SigmaRule(Meta meta, LogSource logsource, Detection detection, Span span) implements Document {
}
