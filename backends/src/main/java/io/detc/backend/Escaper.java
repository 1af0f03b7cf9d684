package io.detc.backend;

/**
 * The only code allowed to put rule text into a target query. Each target has exactly one; every escaper runs the
 * same hostile strings (testdata/strings/nasty.txt) and must never let a value break out of its literal.
 */
public interface Escaper {
    /** A field or column name as the target writes it (quoted when it is not a plain identifier). */
    String identifier(String field);

    /** A complete string literal holding exactly {@code raw}. */
    String literal(String raw);
}
