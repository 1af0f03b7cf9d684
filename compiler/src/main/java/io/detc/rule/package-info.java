/**
 * The rule model: YAML trees become {@link io.detc.rule.Document}s (rules, correlations, filters), with every field
 * of spec v2.1 typed and field-level mistakes reported. The third stage.
 */
package io.detc.rule;
