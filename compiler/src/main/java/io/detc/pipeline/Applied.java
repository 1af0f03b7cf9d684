package io.detc.pipeline;

import io.detc.diag.Diagnostic;
import io.detc.ir.Predicate;
import io.detc.rule.LogSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of running pipelines over one rule: the rewritten predicate, the rule's logsource after
 * {@code change_logsource}, the {@code set_state} values (backends read {@code query_table}, {@code index},
 * {@code sourcetype}), problems found on the way, and the ids of the items whose rule conditions matched, in the
 * order they applied (for reports).
 *
 * <p>Invariants: immutable; {@code state} keeps the order keys were first set.
 */
public record Applied(Predicate predicate, LogSource logsource, Map<String, String> state,
                      List<Diagnostic> diagnostics, List<String> applied) {
    public Applied {
        Objects.requireNonNull(predicate);
        Objects.requireNonNull(logsource);
        state = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state));
        diagnostics = List.copyOf(diagnostics);
        applied = List.copyOf(applied);
    }

    /** Whether any diagnostic is an error (the predicate is then not to be rendered). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
