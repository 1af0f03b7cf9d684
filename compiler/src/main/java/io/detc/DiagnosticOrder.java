package io.detc;

import io.detc.diag.Diagnostic;
import io.detc.source.RuleFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sorts diagnostics into a stable order: input file order, then line and column, then code. */
final class DiagnosticOrder {
    private DiagnosticOrder() {
    }

    static List<Diagnostic> sort(List<Diagnostic> in, List<RuleFiles.Input> inputs) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            rank.putIfAbsent(inputs.get(i).shown(), i);
        }
        List<Diagnostic> out = new ArrayList<>(in);
        out.sort(Comparator.<Diagnostic>comparingInt(d -> rank.getOrDefault(d.span().file().path(), -1))
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column())
                .thenComparing(d -> d.code().id()));
        return out;
    }
}
