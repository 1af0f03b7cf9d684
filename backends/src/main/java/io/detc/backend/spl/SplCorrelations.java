package io.detc.backend.spl;

import io.detc.Compilation;
import io.detc.check.LinkCheck;
import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import io.detc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A correlation as one SPL search over one stream of rows. Each rule a correlation (or a correlation it names)
 * reads becomes a subsearch of {@code | multisearch}: the rule's search, then {@code detc_src} (which input of which
 * stage the row is) and the stage's group and value columns (the first value of the mapped field, as detc's
 * correlations read it). Then each correlation is one stage ({@link SplStages}), inner ones first: it reads its
 * rows, marks the rows where it fires, and turns them into rows of the correlation that names it (with that
 * correlation's group columns taken from its own by name), dropping the rest. The last stage's rows are the alerts.
 */
final class SplCorrelations {
    private final Compilation compilation;
    private final List<Pipeline> pipelines;
    private final SplNotes notes;
    private final LinkCheck.Index index;
    private final List<Stage> stages = new ArrayList<>();
    private final List<String> subsearches = new ArrayList<>();
    private final Map<Correlation, Boolean> visiting = new IdentityHashMap<>();
    private int counter;

    SplCorrelations(Compilation compilation, List<Pipeline> pipelines, SplNotes notes) {
        this.compilation = compilation;
        this.pipelines = pipelines;
        this.notes = notes;
        this.index = LinkCheck.check(compilation.documents(), new Diagnostics());
    }

    /** One correlation of the tree: its number (field prefix {@code detc_<n>_}), inputs, and who reads its alerts. */
    record Stage(int n, Correlation c, List<Input> inputs) {
        String col(String name) {
            return "detc_" + n + "_" + name;
        }

        /** Group columns: one per group-by name, or one constant column when there is none. */
        List<String> groups() {
            int k = Math.max(1, c.groupBy().size());
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= k; i++) {
                out.add(col("g" + i));
            }
            return out;
        }
    }

    /** An input of a stage: the reference as written and its tag in {@code detc_src}. */
    record Input(String ref, String tag, Optional<Stage> inner) {
    }

    Optional<String> query(Correlation top) {
        Optional<Stage> root = stage(top);
        if (root.isEmpty() || notes.hasErrors()) {
            return Optional.empty();
        }
        StringBuilder q = new StringBuilder();
        if (subsearches.size() == 1) {
            q.append(subsearches.get(0));
        } else {
            q.append("| multisearch ").append(subsearches.stream().map(s -> "[search " + s + "]")
                    .collect(Collectors.joining(" ")));
        }
        SplStages st = new SplStages(notes);
        for (Stage s : stages) {
            q.append(st.commands(s, outputFor(s)));
        }
        q.append(st.output(root.get()));
        return Optional.of(q.toString());
    }

    /** How a stage's fired rows continue: as an input of the stage naming it, or as the alerts. */
    private SplStages.Output outputFor(Stage s) {
        for (Stage o : stages) {
            for (Input in : o.inputs()) {
                if (in.inner().isPresent() && in.inner().get() == s) {
                    List<String> from = new ArrayList<>();
                    for (String name : o.c().groupBy().isEmpty() ? List.of("") : o.c().groupBy()) {
                        int j = s.c().groupBy().indexOf(name);
                        String all = SplEscaper.INSTANCE.literal("*");
                        from.add(o.c().groupBy().isEmpty() ? all : j < 0 ? "null()" : s.groups().get(j));
                    }
                    return new SplStages.Output(in.tag(), o.groups(), from);
                }
            }
        }
        return new SplStages.Output("alert", List.of(), List.of());
    }

    private Optional<Stage> stage(Correlation c) {
        if (visiting.put(c, Boolean.TRUE) != null) {
            notes.unsupported(c.span(), "a correlation named twice in one chain");
            return Optional.empty();
        }
        if (c.timespan().isEmpty()) {
            notes.unsupported(c.typeSpan(), "a correlation without a timespan");
            return Optional.empty();
        }
        int n = ++counter;
        List<Input> inputs = new ArrayList<>();
        Stage s = new Stage(n, c, inputs);
        for (RuleRef ref : c.rules()) {
            String tag = n + "/" + ref.target();
            Optional<Document> d = index.resolve(ref.target());
            if (d.isEmpty()) {
                notes.unsupported(ref.span(), "the unknown rule '" + ref.target() + "'");
            } else if (d.get() instanceof Correlation inner) {
                Optional<Stage> is = stage(inner);
                is.ifPresent(x -> inputs.add(new Input(ref.target(), tag, Optional.of(x))));
            } else if (d.get() instanceof SigmaRule rule) {
                inputs.add(new Input(ref.target(), tag, Optional.empty()));
                base(s, ref.target(), tag, rule);
            } else {
                notes.unsupported(ref.span(), "a correlation over a filter");
            }
        }
        stages.add(s);
        return Optional.of(s);
    }

    /** One subsearch: the rule's search, its tag, and this stage's group and value columns for it. */
    private void base(Stage s, String ref, String tag, SigmaRule rule) {
        Optional<SplQuery.Pieces> pieces = SplBackend.rule(compilation, rule, pipelines, notes);
        if (pieces.isEmpty()) {
            return;
        }
        SplEscaper e = SplEscaper.INSTANCE;
        List<String> cols = new ArrayList<>();
        cols.add("detc_src=" + e.literal(tag));
        List<String> groups = s.c().groupBy();
        if (groups.isEmpty()) {
            cols.add(s.groups().get(0) + "=" + e.literal("*"));
        }
        for (int i = 0; i < groups.size(); i++) {
            cols.add(s.groups().get(i) + "=" + first(rule, aliased(s.c(), groups.get(i), ref, rule), pieces.get()));
        }
        s.c().threshold().flatMap(Correlation.Threshold::field).ifPresent(f ->
                cols.add(s.col("v") + "=" + first(rule, aliased(s.c(), f, ref, rule), pieces.get())));
        subsearches.add(pieces.get().text() + " | eval " + String.join(", ", cols));
    }

    /** The first value of a rule field through the pipelines (several mapped paths: the first that has one). */
    private String first(SigmaRule rule, String field, SplQuery.Pieces pieces) {
        List<String> paths = PipelineApplier.field(pipelines, rule.logsource(), field);
        List<String> firsts = new ArrayList<>();
        for (String p : paths) {
            SplEscaper e = SplEscaper.INSTANCE;
            if (!e.addressable(p)) {
                notes.unsupported(rule.span(), "the field name '" + p + "' in an SPL expression");
                continue;
            }
            pieces.schema().filter(sc -> !sc.known(p)).ifPresent(sc -> notes.report(Code.UNKNOWN_FIELD, rule.span(),
                    "unknown field '" + p + "' (correlation field '" + field + "') for " + sc.describe(),
                    sc.suggest(p).map(x -> "did you mean '" + x + "'?").orElse("")));
            firsts.add("mvindex(" + e.identifier(p) + ", 0)");
        }
        if (firsts.isEmpty()) {
            return "null()";
        }
        return firsts.size() == 1 ? firsts.get(0) : "coalesce(" + String.join(", ", firsts) + ")";
    }

    /** A group-by (or value) name that is an alias stands for the field the alias gives for this rule. */
    private static String aliased(Correlation c, String field, String ref, SigmaRule rule) {
        for (Correlation.Alias a : c.aliases()) {
            if (a.name().equals(field)) {
                String f = a.fields().get(ref);
                if (f == null && rule.meta().name().isPresent()) {
                    f = a.fields().get(rule.meta().name().get());
                }
                return f == null ? field : f;
            }
        }
        return field;
    }
}
