package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.ir.Predicate;

/**
 * One rule's predicate compiled by {@link Evaluator#compile}: immutable, thread-safe, and cheap to run. A test
 * costs one walk per field path it looks at (a missing key is one hash lookup, plus one for the flat dotted key).
 * String, boolean, numeric, null, existence, IPv4, time and element tests allocate nothing; regexes (one RE2J
 * matcher), IPv6 addresses, numbers matched as text, decimal strings with a fraction or exponent and
 * {@code fieldref} allocate a little. Keyword tests visit every string of the event. See docs/semantics.md, "Cost".
 */
public final class CompiledRule {
    private final Predicate source;
    private final Node root;

    CompiledRule(Predicate source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** The predicate this was compiled from. */
    public Predicate source() {
        return source;
    }

    /**
     * Whether {@code event} (one JSON event, normally an object) satisfies the rule.
     *
     * @throws IllegalStateException when evaluation reaches an unresolved placeholder; check
     *     {@link Evaluator#unsupported} first
     */
    public boolean matches(JsonNode event) {
        return root.eval(event);
    }
}
