package io.detc.coverage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The Markdown view: rule table, rules × telemetry matrix, techniques × rules, and the sample's blind spots. */
final class MarkdownCoverage {
    private MarkdownCoverage() {
    }

    static String render(Coverage c) {
        StringBuilder b = new StringBuilder("# Coverage\n\n");
        b.append(c.rules().size()).append(" rules");
        c.sample().ifPresent(s -> b.append(", sample of ").append(s.files().size()).append(" file(s): ")
                .append(s.status().values().stream().filter(x -> !x.canFire()).count()).append(" blind"));
        b.append("\n\n");
        c.sample().ifPresent(s -> sample(c, s, b));
        b.append("## Rules\n\n| rule | title | IdP | behaviour | log sources | event types | licences | techniques |");
        c.targets().forEach(t -> b.append(' ').append(t).append(" |"));
        b.append("\n|---|---|---|---|---|---|---|---|").append("---|".repeat(c.targets().size())).append('\n');
        for (RuleFacts r : c.ordered()) {
            b.append("| ").append(cell(r.document().key())).append(" | ").append(cell(r.document().meta().title()))
                    .append(" | ").append(r.idp()).append(" | ").append(r.behaviour()).append(" | ")
                    .append(cell(String.join(", ", r.logsources()))).append(" | ")
                    .append(cell(String.join(", ", r.eventTypes()))).append(" | ")
                    .append(cell(String.join(", ", r.licences()))).append(" | ")
                    .append(String.join(", ", r.techniques())).append(" |");
            for (String t : c.targets()) {
                RuleFacts.TargetFacts tf = r.targets().get(t);
                b.append(' ').append(cell(tf.table())).append(tf.table().isEmpty() ? "" : ": ").append(tf.fidelity())
                        .append(tf.reasons().isEmpty() ? "" : " (" + cell(String.join("; ", tf.reasons())) + ")")
                        .append(" |");
            }
            b.append('\n');
        }
        matrix(c, b);
        techniques(c, b);
        b.append("\n## Fields read\n\n| rule | fields |\n|---|---|\n");
        c.ordered().forEach(r -> b.append("| ").append(cell(r.document().key())).append(" | ")
                .append(cell(String.join(", ", r.fields()))).append(" |\n"));
        return b.toString();
    }

    private static void sample(Coverage c, Coverage.SampleResult s, StringBuilder b) {
        b.append("## Blind spots\n\n| rule | can fire | missing |\n|---|---|---|\n");
        for (RuleFacts r : c.ordered()) {
            RuleStatus st = s.status().get(r.document().key());
            b.append("| ").append(cell(r.document().key())).append(" | ").append(st.canFire() ? "yes" : "**no**")
                    .append(" | ").append(cell(String.join("; ", st.missing()))).append(" |\n");
        }
        b.append("\n## Sample health (gaps longer than ").append(s.gapThreshold().toMinutes()).append(" min)\n\n")
                .append("| source | events | first | last | gaps | out of order | duplicates (by) | delay median |"
                        + " delay max |\n|---|---|---|---|---|---|---|---|---|\n");
        for (SourceHealth h : s.health()) {
            b.append("| ").append(h.source()).append(" | ").append(h.events()).append(" | ").append(h.first())
                    .append(" | ").append(h.last()).append(" | ");
            b.append(h.gaps().isEmpty() ? "none" : String.join("<br>", h.gaps().stream()
                    .map(g -> g.from() + " → " + g.to() + " (" + g.length().toMinutes() + " min)").toList()));
            b.append(" | ").append(h.outOfOrder()).append(" | ").append(h.duplicates()).append(" (")
                    .append(h.idField()).append(") | ").append(h.delayMedian() == null ? "n/a" : h.delayMedian())
                    .append(" | ").append(h.delayMax() == null ? "n/a" : h.delayMax()).append(" |\n");
        }
        b.append('\n');
    }

    private static void matrix(Coverage c, StringBuilder b) {
        TreeSet<String> sources = new TreeSet<>();
        c.rules().forEach(r -> sources.addAll(r.logsources()));
        b.append("\n## Rules × telemetry\n\n| rule |");
        sources.forEach(s -> b.append(' ').append(s).append(" |"));
        b.append("\n|---|").append("---|".repeat(sources.size())).append('\n');
        for (RuleFacts r : c.ordered()) {
            b.append("| ").append(cell(r.document().key())).append(" |");
            for (String s : sources) {
                b.append(r.logsources().contains(s) ? " ● |" : "  |");
            }
            b.append('\n');
        }
    }

    private static void techniques(Coverage c, StringBuilder b) {
        Map<String, List<String>> by = new TreeMap<>();
        c.rules().forEach(r -> r.techniques().forEach(t -> by.computeIfAbsent(t, k -> new java.util.ArrayList<>())
                .add(r.document().key())));
        b.append("\n## ATT&CK techniques × rules\n\n| technique | rules |\n|---|---|\n");
        by.forEach((t, rs) -> b.append("| ").append(t).append(" | ").append(cell(String.join(", ", rs))).append(" |\n"));
    }

    /** Table cells cannot hold pipes or line breaks. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }
}
