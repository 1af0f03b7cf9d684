package io.detc.backend;

import java.util.List;

/**
 * How faithfully a target expresses a rule: exactly, approximately (each reason says what changes), or not at all
 * (each reason says what the target cannot express). The fidelity report and the coverage matrix are built from it.
 */
public sealed interface Fidelity {
    /** The query means exactly what the rule means. */
    record Exact() implements Fidelity {
    }

    /** The query differs from the rule in the stated ways (e.g. fixed instead of sliding windows). */
    record Approximated(List<String> reasons) implements Fidelity {
        public Approximated {
            reasons = List.copyOf(reasons);
        }
    }

    /** No query: the target cannot express the rule exactly or approximately. */
    record Unsupported(List<String> reasons) implements Fidelity {
        public Unsupported {
            reasons = List.copyOf(reasons);
        }
    }

    /** {@code exact}, {@code approximated} or {@code unsupported}. */
    default String label() {
        return this instanceof Exact ? "exact" : this instanceof Approximated ? "approximated" : "unsupported";
    }
}
