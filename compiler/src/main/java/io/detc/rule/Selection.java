package io.detc.rule;

import io.detc.source.Span;
import java.util.List;

/**
 * The body of a search identifier: a map of items (AND), a list of maps (OR), or a keyword list.
 */
public sealed interface Selection {
    Span span();

    /** {@code {a: x, b: y}}: every item and every element group holds. */
    record AllOf(List<DetectionItem> items, List<ElementGroup> elements, Span span) implements Selection {
        public AllOf {
            items = List.copyOf(items);
            elements = List.copyOf(elements);
        }

        public AllOf(List<DetectionItem> items, Span span) {
            this(items, List.of(), span);
        }
    }

    /**
     * detc extension: {@code array|element: {sub-items}} holds when ONE element of the array satisfies every
     * sub-item (whose field names are relative to the element). Plain Sigma tools reject the unknown modifier
     * and the mapping value, so a rule using it is never misread elsewhere.
     */
    record ElementGroup(String field, Span span, List<DetectionItem> items, List<ElementGroup> nested) {
        public ElementGroup {
            items = List.copyOf(items);
            nested = List.copyOf(nested);
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
