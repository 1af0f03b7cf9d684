package io.detc.backend.spl;

import java.util.Optional;

/**
 * How SPL reads one field: {@code eval} is the expression for its value(s) in eval and where (a field reference, or
 * {@code spath(el, "path")} on a same-element group's element), {@code search} the name the search command uses
 * (absent inside an element or when the name cannot be written there), {@code multivalue} whether the path crosses
 * an array ({@code {}}), so the field may hold several values of which any may match.
 */
record SplField(String path, String eval, Optional<String> search, boolean multivalue, boolean inElement) {
    static SplField top(String path) {
        SplEscaper e = SplEscaper.INSTANCE;
        return new SplField(path, e.identifier(path), e.searchField(path), path.contains("{}"), false);
    }

    /** A path inside the JSON text of one element held in the field {@code element}. */
    static SplField inElement(String element, String innerPath) {
        String eval = "spath(" + element + ", " + SplEscaper.INSTANCE.literal(innerPath) + ")";
        return new SplField(innerPath, eval, Optional.empty(), innerPath.contains("{}"), true);
    }
}
