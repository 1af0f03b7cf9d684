package io.detc.coverage;

import java.util.List;

/**
 * Whether a rule can fire on a sample: every log source it reads is present, at least one event type it fires on
 * occurs, and every field it reads is present and not always null. Otherwise it is blind, and {@code missing} says
 * why, one item each ({@code event type system.api_token.create absent}, {@code field X always null}, ...).
 */
public record RuleStatus(String rule, boolean canFire, List<String> missing) {
    public RuleStatus {
        missing = List.copyOf(missing);
    }
}
