package io.detc.backend.kql;

import io.detc.backend.kql.SentinelSchema.Type;

/**
 * One value a test reads: a KQL expression and its type. A typed column ({@code string}, {@code long}, ...) is
 * read as it is; anything inside a dynamic column or a string holding JSON is a {@code dynamic} expression whose
 * value may be a string, number, boolean, null, object or array. {@code column} names the Sentinel column for
 * messages.
 */
record KqlValue(String expr, Type type, String column) {
    boolean isDynamic() {
        return type == Type.DYNAMIC;
    }
}
