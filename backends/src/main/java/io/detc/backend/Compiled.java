package io.detc.backend;

import io.detc.diag.Diagnostic;
import io.detc.rule.Document;
import java.util.List;
import java.util.Optional;

/**
 * One document compiled for one target: the output text (absent when unsupported), its fidelity, and the
 * diagnostics (E401 for what the target cannot express, W402 for approximations, errors from pipelines and the
 * target schema, such as an unknown column with a did-you-mean hint).
 */
public record Compiled(Document document, String target, String format, Optional<String> text, Fidelity fidelity,
                       List<Diagnostic> diagnostics) {
    public Compiled {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return text.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
