package io.detc.engine.property;

import java.util.List;

/**
 * A JSON value as the generator builds it: a small immutable tree that keeps number literals as written
 * ({@code 1.50}, {@code 1e3}) and member order, and renders itself as one line of JSON. Own type rather than a
 * Jackson node so that scenarios are plain values (equal, hashable, printable) the shrinker can rebuild.
 */
public sealed interface Json {
    /** One line of JSON text, strings escaped as RFC 8259 requires (control characters as {@code \\uXXXX}). */
    String render();

    /** An object; keys are kept in order and may repeat only if the generator is wrong. */
    record Obj(List<Member> members) implements Json {
        public Obj {
            members = List.copyOf(members);
        }

        @Override
        public String render() {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(quote(members.get(i).key())).append(": ").append(members.get(i).value().render());
            }
            return b.append('}').toString();
        }
    }

    /** One key of an object. */
    record Member(String key, Json value) {
    }

    /** An array. */
    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String render() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                b.append(i > 0 ? ", " : "").append(items.get(i).render());
            }
            return b.append(']').toString();
        }
    }

    /** A string. */
    record Str(String value) implements Json {
        @Override
        public String render() {
            return quote(value);
        }
    }

    /** A number, kept as its literal text (which must be valid JSON number syntax). */
    record Num(String literal) implements Json {
        @Override
        public String render() {
            return literal;
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {
        @Override
        public String render() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    record Null() implements Json {
        @Override
        public String render() {
            return "null";
        }
    }

    /** A JSON string literal for any Java string. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
