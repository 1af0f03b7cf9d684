package io.detc;

import io.detc.check.LinkCheck;
import io.detc.check.RuleCheck;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.ir.RuleLowering;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.RuleLoader;
import io.detc.rule.SigmaRule;
import io.detc.source.RuleFiles;
import io.detc.source.SourceFile;
import io.detc.source.SourceReader;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The front end's facade: paths in, {@link Compilation} out. Files are read and checked one by one (in parallel,
 * each with its own diagnostics, merged back in file order), then references are checked across all of them,
 * then every rule without errors is lowered to the IR.
 */
public final class Compiler {
    private final SourceReader reader;
    private final YamlLoader yaml;

    public Compiler(long maxFileBytes, YamlLimits limits) {
        this.reader = new SourceReader(maxFileBytes);
        this.yaml = new YamlLoader(limits);
    }

    public static Compiler standard() {
        return new Compiler(SourceReader.DEFAULT_MAX_BYTES, YamlLimits.DEFAULT);
    }

    public Compilation compile(List<Path> paths) {
        long start = System.nanoTime();
        Diagnostics global = new Diagnostics();
        List<RuleFiles.Input> inputs = RuleFiles.discover(paths, global);
        List<FileResult> results = inputs.parallelStream().map(this::loadFile).toList();
        List<SourceFile> files = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(global.list());
        for (FileResult r : results) {
            r.file().ifPresent(files::add);
            docs.addAll(r.documents());
            diagnostics.addAll(r.diagnostics());
        }
        Diagnostics linking = new Diagnostics();
        LinkCheck.Index index = LinkCheck.check(docs, linking);
        diagnostics.addAll(linking.list());
        List<Compilation.Lowered> lowered = lower(docs, results, index);
        List<Diagnostic> sorted = DiagnosticOrder.sort(diagnostics, inputs);
        return new Compilation(files, docs, lowered, sorted, Duration.ofNanos(System.nanoTime() - start));
    }

    private List<Compilation.Lowered> lower(List<Document> docs, List<FileResult> results, LinkCheck.Index index) {
        List<Filter> filters = docs.stream().filter(d -> d instanceof Filter).map(d -> (Filter) d).toList();
        List<Compilation.Lowered> out = new ArrayList<>();
        for (FileResult r : results) {
            if (r.diagnostics().stream().anyMatch(Diagnostic::isError)) {
                continue;
            }
            for (Document d : r.documents()) {
                if (d instanceof SigmaRule rule) {
                    List<Filter> applying = filters.stream().filter(f -> f.rules().stream()
                            .anyMatch(ref -> index.resolve(ref.target()).orElse(null) == rule)).toList();
                    out.add(new Compilation.Lowered(rule, RuleLowering.lower(rule, applying)));
                }
            }
        }
        return out;
    }

    private FileResult loadFile(RuleFiles.Input input) {
        Diagnostics diags = new Diagnostics();
        Optional<SourceFile> file = reader.read(input.path(), input.shown(), diags);
        List<Document> docs = new ArrayList<>();
        file.ifPresent(f -> {
            for (var node : yaml.load(f, diags)) {
                if (node instanceof io.detc.yaml.YamlNode.Mapping m && m.get("action").isPresent()) {
                    // A Sigma 1.0 rule collection: reported once (E105); its other documents are fragments of it.
                    RuleLoader.load(node, diags);
                    break;
                }
                RuleLoader.load(node, diags).ifPresent(d -> {
                    RuleCheck.check(d, diags);
                    docs.add(d);
                });
            }
        });
        return new FileResult(file, docs, diags.list());
    }

    private record FileResult(Optional<SourceFile> file, List<Document> documents, List<Diagnostic> diagnostics) {
    }
}
