package io.detc.backend.kql;

import io.detc.backend.Findings;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one query collects while it is rendered: the helper functions it needs (emitted once, as {@code let}
 * statements before the query) and fresh names for helper columns and mv-apply aliases, beside the diagnostics every
 * backend collects ({@link Findings}).
 */
final class KqlContext extends Findings {
    private final Set<KqlHelper> helpers = EnumSet.noneOf(KqlHelper.class);
    private int aliases;
    private int columns;

    KqlContext() {
        super("kql");
    }

    /** Marks a helper function as used and returns its name. */
    String use(KqlHelper h) {
        helpers.add(h);
        h.requires().forEach(this::use);
        return h.function();
    }

    Set<KqlHelper> helpers() {
        return helpers;
    }

    /** A fresh alias for the elements of one expanded array ({@code e0}, {@code e1}, ...). */
    String alias() {
        return "e" + aliases++;
    }

    /** A fresh helper column name ({@code detc_m0}, ...). */
    String column() {
        return "detc_m" + columns++;
    }
}
