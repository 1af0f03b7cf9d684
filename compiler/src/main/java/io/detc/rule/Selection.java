package io.detc.rule;

import io.detc.source.Span;
import java.util.List;

/**
 * The body of a search identifier: a map of items (AND), a list of maps (OR), or a keyword list.
 */
public sealed interface Selection {
    Span span();

    /** {@code {a: x, b: y}}: every item holds. */
    record AllOf(List<DetectionItem> items, Span span) implements Selection {
        public AllOf {
            items = List.copyOf(items);
        }
    }

    /** {@code [ {..}, {..} ]}: at least one alternative holds. Alternatives may be keyword items. */
    record AnyOf(List<Selection> alternatives, Span span) implements Selection {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A field-less keyword list ({@code - 'x'}), or {@code '|all': [...]}. */
    record Keywords(DetectionItem item, Span span) implements Selection {
    }
}
