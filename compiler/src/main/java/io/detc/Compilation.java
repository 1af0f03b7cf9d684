package io.detc;

import io.detc.diag.Diagnostic;
import io.detc.ir.Predicate;
import io.detc.rule.Document;
import io.detc.rule.SigmaRule;
import io.detc.source.SourceFile;
import java.time.Duration;
import java.util.List;

/**
 * Everything one run of the front end produced: the files read, the documents loaded, the lowered predicate of
 * each rule that had no errors, and every diagnostic in file order.
 */
public record Compilation(List<SourceFile> files, List<Document> documents, List<Lowered> lowered,
                          List<Diagnostic> diagnostics, Duration elapsed) {
    public Compilation {
        files = List.copyOf(files);
        documents = List.copyOf(documents);
        lowered = List.copyOf(lowered);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A rule with the IR of its detection (filters that name it already applied). */
    public record Lowered(SigmaRule rule, Predicate predicate) {
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }
}
