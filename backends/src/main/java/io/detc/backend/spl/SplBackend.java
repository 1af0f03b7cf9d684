package io.detc.backend.spl;

import io.detc.Compilation;
import io.detc.backend.Backend;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.pipeline.Pipelines;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.SigmaRule;
import io.detc.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Splunk SPL. Formats: {@code query} (the search) and {@code savedsearch} (a savedsearches.conf stanza). The
 * shipped pipelines: {@code okta-native} and {@code entra-diagnostic-json} (rule names to the raw JSON paths), then
 * {@code splunk-okta} and {@code splunk-entra} (sourcetype, category, and {@code {}} after arrays).
 * See {@code package-info.java} for what each Sigma feature becomes and what is assumed of Splunk.
 */
public final class SplBackend implements Backend {
    private static final List<String> SHIPPED = List.of("splunk-okta", "splunk-entra");

    @Override
    public String name() {
        return "spl";
    }

    @Override
    public List<String> formats() {
        return List.of("query", "savedsearch");
    }

    @Override
    public List<Pipeline> defaultPipelines() {
        return Defaults.PIPELINES;
    }

    @Override
    public Compiled compile(Compilation compilation, Document document, List<Pipeline> pipelines, String format) {
        if (!formats().contains(format)) {
            throw new IllegalArgumentException("spl has no format " + format);
        }
        SplNotes notes = new SplNotes();
        Optional<String> query;
        if (document instanceof SigmaRule rule) {
            query = rule(compilation, rule, pipelines, notes).map(SplQuery.Pieces::text);
        } else if (document instanceof Correlation c) {
            query = new SplCorrelations(compilation, pipelines, notes).query(c);
        } else {
            notes.unsupported(document.span(), "a filter on its own (it is applied to the rules it names)");
            query = Optional.empty();
        }
        Optional<String> text = notes.hasErrors() ? Optional.empty()
                : query.map(q -> format.equals("savedsearch")
                ? SplSavedSearch.stanza(compilation, document, q, notes.fidelity()) : q);
        return new Compiled(document, name(), format, text, notes.fidelity(), notes.list());
    }

    /** A rule's search through the pipelines, or empty when the rule did not lower or the pipelines failed. */
    static Optional<SplQuery.Pieces> rule(Compilation compilation, SigmaRule rule, List<Pipeline> pipelines,
                                          SplNotes notes) {
        Optional<Predicate> lowered = compilation.lowered().stream().filter(l -> l.rule() == rule)
                .map(Compilation.Lowered::predicate).findFirst();
        if (lowered.isEmpty()) {
            notes.unsupported(rule.span(), "a rule with errors (fix the errors detc check reports)");
            return Optional.empty();
        }
        Applied applied = PipelineApplier.apply(pipelines, rule.logsource(), lowered.get(), rule.span());
        notes.addAll(applied.diagnostics());
        if (applied.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(SplQuery.rule(applied, notes, rule.span()));
    }

    /** The shipped pipelines, loaded once; a broken shipped file is a bug. */
    private static final class Defaults {
        static final List<Pipeline> PIPELINES = load();

        private static List<Pipeline> load() {
            List<Pipeline> out = new java.util.ArrayList<>();
            out.add(Pipelines.builtin("okta-native"));
            out.add(Pipelines.builtin("entra-diagnostic-json"));
            for (String name : SHIPPED) {
                out.add(shipped(name));
            }
            return List.copyOf(out);
        }
    }

    /** A pipeline shipped with this backend ({@code pipelines/<name>.yml} on the class path). */
    static Pipeline shipped(String name) {
        String text;
        try (InputStream in = SplBackend.class.getClassLoader().getResourceAsStream("pipelines/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("missing shipped pipeline " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Diagnostics diags = new Diagnostics();
        Optional<Pipeline> p = Pipelines.parse(new SourceFile("builtin:" + name, text), diags);
        if (p.isEmpty() || diags.hasErrors()) {
            throw new IllegalStateException("shipped pipeline " + name + " is broken:\n" + diags.list().stream()
                    .map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return p.get();
    }

    /** SPL comments are triple backticks; a backtick inside would end the comment, so it is dropped. */
    @Override
    public String comment(String text) {
        return "```" + text.replace("`", "'").replace('\n', ' ').replace('\r', ' ') + "```";
    }

    @Override
    public String extension(String format) {
        return format.equals("savedsearch") ? ".conf" : ".spl";
    }
}
