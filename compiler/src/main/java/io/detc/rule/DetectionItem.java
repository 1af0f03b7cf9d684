package io.detc.rule;

import io.detc.source.Span;
import io.detc.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * One {@code field|mod1|mod2: value(s)} entry of a selection, or a field-less keyword list (empty {@code field}).
 * Values are the scalars as written; {@code list} says whether they were written as a YAML list (which matters for
 * {@code all} on a single value).
 *
 * @param field the field name without modifiers; empty for keywords
 * @param fieldSpan where the key is written (the value's span for keywords)
 * @param modifiers the modifiers in written order
 * @param values the values; never empty unless the YAML list was empty
 * @param list whether the values were a YAML list
 * @param span the whole item
 */
public record DetectionItem(Optional<String> field, Span fieldSpan, List<ModifierRef> modifiers,
                            List<YamlNode.Scalar> values, boolean list, Span span) {
    public DetectionItem {
        modifiers = List.copyOf(modifiers);
        values = List.copyOf(values);
    }

    /** A modifier name as written, with its place inside the key. */
    public record ModifierRef(String name, Span span) {
    }
}
