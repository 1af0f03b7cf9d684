package io.detc.engine.property;

/** A value in a generated detection item, rendered as a YAML 1.2 scalar. */
public sealed interface Value {
    /** The YAML text of this value. */
    String yaml();

    /**
     * A Sigma string as the rule author writes it (wildcards and backslashes have their Sigma meaning). Always
     * single-quoted, so YAML reads it as a string and backslashes stay literal; never holds a control character
     * (single-quoted YAML would fold a line break).
     */
    record Str(String raw) implements Value {
        public Str {
            for (int i = 0; i < raw.length(); i++) {
                if (raw.charAt(i) < 0x20) {
                    throw new IllegalArgumentException("control character in a rule value: " + raw);
                }
            }
        }

        @Override
        public String yaml() {
            return "'" + raw.replace("'", "''") + "'";
        }
    }

    /** A number as YAML reads it ({@code 42}, {@code -7}, {@code 4.5}). */
    record Num(String literal) implements Value {
        @Override
        public String yaml() {
            return literal;
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Value {
        @Override
        public String yaml() {
            return Boolean.toString(value);
        }
    }

    /**
     * The mapping of {@code field|element} (a detc extension): items one array element must satisfy together,
     * rendered as a YAML flow mapping.
     */
    record Element(java.util.List<Rule.Item> items) implements Value {
        public Element {
            items = java.util.List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("element needs an item");
            }
        }

        @Override
        public String yaml() {
            return items.stream().map(Rule.Item::yaml).collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
    }

    /** {@code null}: the field has no value. */
    record Null() implements Value {
        @Override
        public String yaml() {
            return "null";
        }
    }
}
