package io.detc.diag;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a stage: a value when the stage produced one, and the diagnostics it found either way.
 * A value may be present alongside errors when a stage recovers (so later checks can still run).
 */
public record Result<T>(Optional<T> value, List<Diagnostic> diagnostics) {
    public Result {
        diagnostics = List.copyOf(diagnostics);
    }

    public static <T> Result<T> of(T value, List<Diagnostic> diagnostics) {
        return new Result<>(Optional.ofNullable(value), diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
