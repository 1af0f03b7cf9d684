package io.detc.coverage;

import java.util.ArrayList;
import java.util.List;

/** The CSV view (RFC 4180): one row per rule; list cells are joined with "; ". */
final class CsvCoverage {
    private CsvCoverage() {
    }

    static String render(Coverage c) {
        List<String> head = new ArrayList<>(List.of("rule", "title", "file", "idp", "behaviour", "log_sources",
                "event_types", "fields", "licences", "techniques", "analytics"));
        for (String t : c.targets()) {
            head.addAll(List.of(t + "_table", t + "_fidelity", t + "_reasons"));
        }
        if (c.sample().isPresent()) {
            head.addAll(List.of("can_fire", "missing"));
        }
        StringBuilder b = new StringBuilder(row(head));
        for (RuleFacts r : c.ordered()) {
            List<String> cells = new ArrayList<>(List.of(r.document().key(), r.document().meta().title(),
                    r.document().span().file().path(), r.idp(), r.behaviour(), String.join("; ", r.logsources()),
                    String.join("; ", r.eventTypes()), String.join("; ", r.fields()), String.join("; ", r.licences()),
                    String.join("; ", r.techniques()), String.join("; ", r.analytics())));
            for (String t : c.targets()) {
                RuleFacts.TargetFacts tf = r.targets().get(t);
                cells.addAll(List.of(tf.table(), tf.fidelity(), String.join("; ", tf.reasons())));
            }
            c.sample().ifPresent(s -> {
                RuleStatus st = s.status().get(r.document().key());
                cells.add(st.canFire() ? "yes" : "no");
                cells.add(String.join("; ", st.missing()));
            });
            b.append(row(cells));
        }
        return b.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            b.append(i == 0 ? "" : ",");
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append("\r\n").toString();
    }
}
