package io.detc.yaml;

import io.detc.source.Span;
import io.detc.source.TextLocator;
import java.util.List;
import java.util.Optional;

/**
 * A YAML node with its place in the file. Immutable. Scalars keep the text as written and the type the YAML 1.2
 * core schema resolves for it, so {@code '1'} (a string) and {@code 1} (an int) stay different.
 */
public sealed interface YamlNode {
    Span span();

    /** A scalar value. {@code locator} maps offsets inside {@code value} back to the file. */
    record Scalar(String value, ScalarType type, Span span, TextLocator locator) implements YamlNode {
        public boolean isString() {
            return type == ScalarType.STRING;
        }
    }

    /** A sequence. */
    record Seq(List<YamlNode> items, Span span) implements YamlNode {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** A mapping, in file order. Duplicate keys were already reported by the loader (the first one is kept). */
    record Mapping(List<Entry> entries, Span span) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
        }

        public Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }
    }

    /** One key and its value; the key is always a scalar (complex keys are rejected by the loader). */
    record Entry(Scalar key, YamlNode value) {
    }

    /** The YAML 1.2 core schema types of a scalar. */
    enum ScalarType { STRING, INT, FLOAT, BOOL, NULL }

    /** A short human word for the node's kind, for messages ("expected a list, found a mapping"). */
    static String kind(YamlNode n) {
        if (n instanceof Mapping) {
            return "a mapping";
        }
        if (n instanceof Seq) {
            return "a list";
        }
        Scalar s = (Scalar) n;
        switch (s.type()) {
            case INT:
            case FLOAT:
                return "a number";
            case BOOL:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return "a string";
        }
    }
}
