package io.detc.cli.report;

import io.detc.Compilation;
import io.detc.diag.Diagnostic;
import io.detc.diag.DiagnosticRenderer;
import io.detc.rule.Correlation;
import io.detc.rule.Filter;
import io.detc.rule.SigmaRule;
import java.io.PrintWriter;
import java.util.Locale;

/** Writes a compilation's diagnostics in one of the check formats. */
public final class DiagnosticReport {
    /** Output formats of {@code detc check}. */
    public enum Format { text, json, sarif }

    private DiagnosticReport() {
    }

    public static void write(Format format, Compilation c, boolean quiet, PrintWriter out) {
        switch (format) {
            case json -> out.print(JsonReport.render(c));
            case sarif -> out.print(SarifReport.render(c));
            default -> text(c, quiet, out);
        }
    }

    private static void text(Compilation c, boolean quiet, PrintWriter out) {
        for (Diagnostic d : c.diagnostics()) {
            if (!quiet || d.isError()) {
                out.println(DiagnosticRenderer.render(d));
            }
        }
        out.println(summary(c));
    }

    /** {@code checked 3 files, 4 documents (3 rules, 1 correlation, 0 filters): 1 error, 2 warnings in 0.12 s}. */
    public static String summary(Compilation c) {
        long rules = c.documents().stream().filter(d -> d instanceof SigmaRule).count();
        long corr = c.documents().stream().filter(d -> d instanceof Correlation).count();
        long filters = c.documents().stream().filter(d -> d instanceof Filter).count();
        return String.format(Locale.ROOT, "checked %s, %s (%s, %s, %s): %s, %s in %.2f s",
                plural(c.files().size(), "file"), plural(c.documents().size(), "document"), plural(rules, "rule"),
                plural(corr, "correlation"), plural(filters, "filter"), plural(c.errorCount(), "error"),
                plural(c.warningCount(), "warning"), c.elapsed().toNanos() / 1e9);
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
