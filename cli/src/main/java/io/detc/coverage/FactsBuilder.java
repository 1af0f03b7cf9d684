package io.detc.coverage;

import io.detc.Compilation;
import io.detc.backend.Backend;
import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import io.detc.check.LinkCheck;
import io.detc.event.Formats;
import io.detc.event.LogSourceKey;
import io.detc.ir.IrPrinter;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.RuleRef;
import io.detc.rule.SigmaRule;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds {@link RuleFacts} for every rule and correlation of a compilation, for the given targets. */
public final class FactsBuilder {
    private static final Pattern TECHNIQUE = Pattern.compile("^attack\\.(t\\d{4}(?:\\.\\d{3})?)$");

    private final Compilation compilation;
    private final List<Backend> targets;
    private final LinkCheck.Index index;
    private final Map<Document, Predicate> lowered = new IdentityHashMap<>();
    private final Map<Document, RuleFacts> done = new IdentityHashMap<>();

    public FactsBuilder(Compilation compilation, List<Backend> targets) {
        this.compilation = compilation;
        this.targets = targets;
        this.index = LinkCheck.check(compilation.documents(), new io.detc.diag.Diagnostics());
        compilation.lowered().forEach(l -> lowered.put(l.rule(), l.predicate()));
    }

    public List<RuleFacts> all() {
        List<RuleFacts> out = new ArrayList<>();
        for (Document d : compilation.documents()) {
            if (!(d instanceof Filter)) {
                out.add(facts(d, 0));
            }
        }
        return out;
    }

    private RuleFacts facts(Document d, int depth) {
        RuleFacts known = done.get(d);
        if (known != null) {
            return known;
        }
        Set<String> sources = new LinkedHashSet<>();
        Set<String> eventTypes = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        if (d instanceof SigmaRule r) {
            for (LogSourceKey k : Formats.known()) {
                if (k.matches(r.logsource())) {
                    sources.add(k.toString());
                }
            }
            Predicate p = lowered.get(r);
            if (p != null) {
                IrFields f = IrFields.of(p);
                eventTypes.addAll(f.eventTypes);
                fields.addAll(f.fields);
            }
        } else if (d instanceof Correlation c && depth < 20) {
            for (RuleRef ref : c.rules()) {
                index.resolve(ref.target()).ifPresent(inner -> {
                    RuleFacts f = facts(inner, depth + 1);
                    sources.addAll(f.logsources());
                    eventTypes.addAll(f.eventTypes());
                    fields.addAll(f.fields());
                });
            }
            c.aliases().forEach(a -> fields.addAll(a.fields().values()));
            c.groupBy().stream().filter(g -> c.aliases().stream().noneMatch(a -> a.name().equals(g)))
                    .forEach(fields::add);
            c.threshold().flatMap(Correlation.Threshold::field).ifPresent(fields::add);
        }
        RuleFacts f = new RuleFacts(d, idp(sources), telemetryText(d, "behaviour").orElse("unspecified"),
                List.copyOf(sources), List.copyOf(eventTypes), List.copyOf(fields), telemetryList(d, "licences"),
                techniques(d), analytics(d), targets(d));
        done.put(d, f);
        return f;
    }

    private Map<String, RuleFacts.TargetFacts> targets(Document d) {
        Map<String, RuleFacts.TargetFacts> out = new LinkedHashMap<>();
        for (Backend b : targets) {
            Compiled c = b.compile(compilation, d, b.defaultPipelines(), b.formats().get(0));
            List<String> reasons = c.fidelity() instanceof Fidelity.Approximated a ? a.reasons()
                    : c.fidelity() instanceof Fidelity.Unsupported u ? u.reasons() : List.of();
            out.put(b.name(), new RuleFacts.TargetFacts(table(b, d), c.fidelity().label(), reasons));
        }
        return out;
    }

    /** The table, index or sourcetype the target's pipelines give the rule (the first rule of a correlation). */
    private String table(Backend b, Document d) {
        Document rule = d;
        for (int i = 0; i < 20 && rule instanceof Correlation c && !c.rules().isEmpty(); i++) {
            rule = index.resolve(c.rules().get(0).target()).orElse(null);
        }
        if (!(rule instanceof SigmaRule r) || lowered.get(r) == null) {
            return "";
        }
        Applied a = PipelineApplier.apply(b.defaultPipelines(), r.logsource(), lowered.get(r), r.span());
        for (String key : List.of("query_table", "table", "index", "sourcetype")) {
            if (a.state().containsKey(key)) {
                return a.state().get(key);
            }
        }
        Matcher m = Pattern.compile("\\(match sourcetype eq-ci \"([^\"]+)\"\\)").matcher(IrPrinter.print(a.predicate()));
        return m.find() ? m.group(1) : "";
    }

    private static String idp(Set<String> sources) {
        boolean okta = sources.stream().anyMatch(s -> s.startsWith("okta/"));
        boolean entra = sources.stream().anyMatch(s -> s.startsWith("azure/"));
        return okta && entra ? "okta+entra" : okta ? "okta" : entra ? "entra" : "other";
    }

    private static List<String> techniques(Document d) {
        List<String> out = new ArrayList<>();
        for (String t : d.meta().tags()) {
            Matcher m = TECHNIQUE.matcher(t.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                out.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static List<String> analytics(Document d) {
        return d.meta().tags().stream().filter(t -> t.startsWith("detection."))
                .map(t -> t.substring("detection.".length())).toList();
    }

    private static Optional<YamlNode> telemetry(Document d, String key) {
        YamlNode t = d.meta().custom().get("telemetry");
        return t instanceof YamlNode.Mapping m ? m.get(key) : Optional.empty();
    }

    private static Optional<String> telemetryText(Document d, String key) {
        return telemetry(d, key).filter(n -> n instanceof YamlNode.Scalar).map(n -> ((YamlNode.Scalar) n).value());
    }

    private static List<String> telemetryList(Document d, String key) {
        Optional<YamlNode> n = telemetry(d, key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get() instanceof YamlNode.Seq q) {
            return q.items().stream().filter(i -> i instanceof YamlNode.Scalar).map(i -> ((YamlNode.Scalar) i).value())
                    .toList();
        }
        return n.get() instanceof YamlNode.Scalar s ? List.of(s.value()) : List.of();
    }
}
