package io.detc.eval;

import java.util.List;

/**
 * Maps a rule's field name (as written in the rule, before any pipeline) to the native dotted path or paths that
 * hold it in one log source's events. Several paths mean OR: a value at any of them counts, and the field is
 * present when any of them is. An empty list means the log source has no such field (never present).
 *
 * <p>Real mappings come from pipelines (another package); {@link #identity()} is the mapping of a rule written
 * against native field names, and the one used inside {@code |element} groups, whose names are relative paths.
 */
@FunctionalInterface
public interface FieldPaths {
    /** The native dotted paths of {@code ruleField}; called once per field when a rule is compiled. */
    List<String> resolve(String ruleField);

    /** Each rule field is its own native path. */
    static FieldPaths identity() {
        return List::of;
    }
}
