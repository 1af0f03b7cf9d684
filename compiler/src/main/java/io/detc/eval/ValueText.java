package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text a string-like matcher sees in one JSON value: strings as they are, booleans as {@code true}/{@code false},
 * numbers as the JSON parser's node prints them ({@link JsonNode#asText()}: integers in plain decimal, so a rule's
 * {@code 0} matches the event's {@code 0}; other numbers as Java prints a double, e.g. {@code 1.5}). Null, objects
 * and arrays have no text. Only the number case allocates (the digits); strings and booleans never do.
 */
final class ValueText {
    private ValueText() {
    }

    /** The text of {@code v}, or null when it has none. */
    static String of(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "false";
        }
        if (v.isNumber()) {
            return v.asText();
        }
        return null;
    }
}
