package io.detc.cli;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Backend;
import io.detc.backend.Backends;
import io.detc.backend.sql.SqlBackend;
import io.detc.backend.sql.SqlDialect;
import io.detc.backend.Compiled;
import io.detc.cli.report.FidelityReport;
import io.detc.diag.DiagnosticRenderer;
import io.detc.diag.Diagnostics;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code detc compile}: rules to target queries, through the shipped or given field-mapping pipelines. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile rules into target queries. With no --pipeline, the shipped pipelines of the target "
                + "map each rule's log source to its table, index or sourcetype and its fields to the target's names.",
            "Queries go to stdout, each after a comment naming the rule, or with -o DIR one file per rule. "
                + "Diagnostics go to stderr. A feature the target cannot express exactly is an error (E401); an "
                + "approximation is a warning (W402) that says what changes."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every rule compiled (approximations are warnings)",
            "1:a rule did not compile, or the rules have errors",
            "2:bad command line",
            "3:internal error (a bug in detc)"})
final class CompileCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "TARGET",
            description = "Target language; repeat for several with --report. Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = TargetNames.class)
    List<String> targets;

    @Option(names = "--dialect", paramLabel = "NAME", completionCandidates = DialectNames.class,
            description = "SQL dialect of --target sql: ${COMPLETION-CANDIDATES} (default: duckdb). Each query's header"
                    + " says which helper functions it needs.")
    String dialect;

    @Option(names = {"-p", "--pipeline"}, paramLabel = "NAME|FILE",
            description = "A shipped pipeline name or a pySigma pipeline YAML file; repeat to chain. Default: the"
                    + " target's shipped pipelines.")
    List<String> pipelines = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Output format of the target (default:"
            + " query). kql: query, sentinel; spl: query, savedsearch.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write one file per rule into DIR.")
    Path output;

    @Option(names = "--report", paramLabel = "json", description = "Print the fidelity report (JSON) on stdout:"
            + " for every rule and target, exact, approximated (why) or unsupported (why).")
    String report;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    boolean verbose;

    @Parameters(paramLabel = "RULE_PATH", arity = "1..*", description = "Rule files or folders.")
    List<Path> rules;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        List<Backend> backends = new ArrayList<>();
        for (String t : targets) {
            backends.add(Backends.byName(t).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                    "unknown target '" + t + "'; known: " + String.join(", ", new TargetNames()))));
        }
        if (backends.size() > 1 && report == null) {
            throw new CommandLine.ParameterException(cmd, "several --target values need --report json");
        }
        if (dialect != null) {
            backends = withDialect(cmd, backends);
        }
        if (report != null && !report.equals("json")) {
            throw new CommandLine.ParameterException(cmd, "--report takes json");
        }
        for (Path p : rules) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(cmd, "no such file or folder: " + p);
            }
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        Diagnostics pipelineDiags = new Diagnostics();
        List<Pipeline> given = new ArrayList<>();
        for (String p : pipelines) {
            Optional<Pipeline> pl = PipelineOption.resolve(p, pipelineDiags);
            if (pl.isEmpty() && !pipelineDiags.hasErrors()) {
                throw new CommandLine.ParameterException(cmd, "no pipeline file or shipped pipeline named '" + p + "'");
            }
            pl.ifPresent(given::add);
        }
        pipelineDiags.list().forEach(d -> err.println(DiagnosticRenderer.render(d)));
        if (pipelineDiags.hasErrors()) {
            return ExitCodes.RULE_ERRORS;
        }
        Compilation c = Compiler.standard().compile(rules);
        c.diagnostics().forEach(d -> err.println(DiagnosticRenderer.render(d)));
        if (c.hasErrors()) {
            err.println("detc compile: the rules have errors; nothing was compiled");
            err.flush();
            return ExitCodes.RULE_ERRORS;
        }
        List<Compiled> all = new ArrayList<>();
        for (Backend b : backends) {
            String fmt = format == null ? b.formats().get(0) : format;
            if (!b.formats().contains(fmt)) {
                throw new CommandLine.ParameterException(cmd, "target " + b.name() + " has no format '" + fmt
                        + "'; formats: " + String.join(", ", b.formats()));
            }
            List<Pipeline> use = given.isEmpty() ? b.defaultPipelines() : given;
            for (Document d : c.documents()) {
                if (d instanceof Filter) {
                    continue; // applied to the rules it names
                }
                all.add(b.compile(c, d, use, fmt));
            }
        }
        if (report != null) {
            out.print(FidelityReport.json(all));
        }
        write(all, backends, out, err);
        out.flush();
        err.flush();
        return all.stream().allMatch(Compiled::ok) ? ExitCodes.OK : ExitCodes.RULE_ERRORS;
    }

    private void write(List<Compiled> all, List<Backend> backends, PrintWriter out, PrintWriter err)
            throws IOException {
        Map<String, Integer> perFile = new HashMap<>();
        all.forEach(r -> perFile.merge(r.document().span().file().path(), 1, Integer::sum));
        if (output != null) {
            Files.createDirectories(output);
        }
        for (Compiled r : all) {
            r.diagnostics().forEach(d -> err.println(DiagnosticRenderer.render(d)));
            if (r.text().isEmpty()) {
                continue;
            }
            Backend b = backends.stream().filter(x -> x.name().equals(r.target())).findFirst().orElseThrow();
            if (output != null) {
                String path = r.document().span().file().path();
                String stem = Path.of(path).getFileName().toString().replaceFirst("\\.ya?ml$", "");
                String name = perFile.get(path) > 1 ? stem + "." + safe(r.document().key()) : stem;
                Files.writeString(output.resolve(name + b.extension(r.format())), r.text().get());
            } else if (report == null) {
                out.println(b.comment(r.document().meta().title() + " (" + r.document().key() + ", "
                        + r.document().span().file().path() + ")"));
                out.println(r.text().get());
                out.println();
            }
        }
    }

    /** The targets with the SQL one in {@code --dialect}'s dialect; only SQL has dialects. */
    private List<Backend> withDialect(CommandLine cmd, List<Backend> backends) {
        if (backends.stream().anyMatch(b -> !(b instanceof SqlBackend))) {
            throw new CommandLine.ParameterException(cmd, "--dialect is for --target sql; "
                    + String.join(", ", targets.stream().filter(t -> !t.equals("sql")).toList()) + " has none");
        }
        SqlBackend sql = SqlBackend.forDialect(dialect).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "unknown SQL dialect '" + dialect + "'; known: " + String.join(", ", SqlDialect.NAMES)));
        return backends.stream().map(b -> (Backend) sql).toList();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** SQL dialect names for help and completion. */
    static final class DialectNames extends ArrayList<String> {
        DialectNames() {
            super(SqlDialect.NAMES);
        }
    }

    /** Target names for help and completion. */
    static final class TargetNames extends ArrayList<String> {
        TargetNames() {
            super(Backends.all().stream().map(Backend::name).toList());
        }
    }
}
