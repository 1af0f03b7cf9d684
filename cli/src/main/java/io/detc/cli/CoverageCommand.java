package io.detc.cli;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Backend;
import io.detc.backend.Backends;
import io.detc.coverage.Coverage;
import io.detc.coverage.CoverageFormat;
import io.detc.coverage.FactsBuilder;
import io.detc.coverage.RuleFacts;
import io.detc.coverage.RuleStatus;
import io.detc.coverage.SampleScan;
import io.detc.diag.DiagnosticRenderer;
import io.detc.pipeline.FieldResolver;
import io.detc.run.EventInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code detc coverage}: the telemetry each rule needs, per target, and the blind spots of a real log sample. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Report the telemetry every rule needs (log sources, tables per target, event types, fields,"
                + " licences), the ATT&CK techniques it covers and how exactly each target expresses it.",
            "With --sample (real exported logs, as 'detc eval' reads them): which rules can fire and which are "
                + "blind (naming what is missing), and each source's health: gaps, out-of-order and duplicate "
                + "events, ingestion delay."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:report written",
            "1:rule errors, or a blind rule under --fail-on-gaps",
            "2:bad command line",
            "3:internal error (a bug in detc)"})
final class CoverageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "md", paramLabel = "FORMAT",
            description = "md, csv, json, html or navigator (ATT&CK Navigator layer 4.5). Default: ${DEFAULT-VALUE}.")
    CoverageFormat format;

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET", description = "Targets to report (default: all).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-s", "--sample"}, paramLabel = "EVENTS", description = "A sample of exported logs (JSON lines,"
            + " plain or gzip); repeat for several files.")
    List<Path> samples = new ArrayList<>();

    @Option(names = "--gap", defaultValue = "PT1H", paramLabel = "DURATION", description = "Report silences longer"
            + " than this (ISO-8601 duration, e.g. PT30M). Default: 1 hour.")
    Duration gap;

    @Option(names = "--fail-on-gaps", description = "Exit 1 when a rule is blind on the sample.")
    boolean failOnGaps;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    Path output;

    @Option(names = "--name", defaultValue = "detc coverage", description = "Layer name (navigator format).")
    String name;

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
                    "unknown target '" + t + "'")));
        }
        if (targets.isEmpty()) {
            backends.addAll(Backends.all());
        }
        for (Path p : rules) {
            requireExists(cmd, p);
        }
        samples.forEach(p -> requireExists(cmd, p));
        PrintWriter err = cmd.getErr();
        Compilation c = Compiler.standard().compile(rules);
        c.diagnostics().forEach(d -> err.println(DiagnosticRenderer.render(d)));
        if (c.hasErrors()) {
            err.println("detc coverage: the rules have errors");
            err.flush();
            return ExitCodes.RULE_ERRORS;
        }
        List<RuleFacts> facts = new FactsBuilder(c, backends).all();
        Optional<Coverage.SampleResult> sample = Optional.empty();
        if (!samples.isEmpty()) {
            SampleScan scan = new SampleScan(c, FieldResolver.standard());
            List<EventInput> inputs = samples.stream().map(p -> new EventInput(p, p.toString(), Optional.empty()))
                    .toList();
            long[] problems = new long[1];
            scan.read(inputs, p -> {
                problems[0]++;
                if (problems[0] <= 20) {
                    err.println("detc coverage: " + p);
                }
            });
            if (problems[0] > 20) {
                err.println("detc coverage: " + (problems[0] - 20) + " more event problems");
            }
            Map<String, RuleStatus> status = new LinkedHashMap<>();
            facts.stream().filter(f -> f.document() instanceof io.detc.rule.SigmaRule)
                    .forEach(f -> status.put(f.document().key(), scan.status(f, status)));
            // Correlations may chain: repeat until every outer one has seen its inner ones (chains are short).
            for (int pass = 0; pass < 8; pass++) {
                facts.stream().filter(f -> !(f.document() instanceof io.detc.rule.SigmaRule))
                        .forEach(f -> status.put(f.document().key(), scan.status(f, status)));
            }
            sample = Optional.of(new Coverage.SampleResult(samples.stream().map(Path::toString).toList(),
                    scan.health(gap), status, gap));
        }
        Coverage coverage = new Coverage(facts, backends.stream().map(Backend::name).toList(), sample);
        String text = format.render(coverage, name);
        if (output != null) {
            Files.writeString(output, text);
        } else {
            cmd.getOut().print(text);
            cmd.getOut().flush();
        }
        if (coverage.anyBlind()) {
            long blind = sample.get().status().values().stream().filter(s -> !s.canFire()).count();
            err.println("detc coverage: " + blind + " rule" + (blind == 1 ? " is" : "s are") + " blind on the sample");
        }
        err.flush();
        return failOnGaps && coverage.anyBlind() ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }

    private static void requireExists(CommandLine cmd, Path p) {
        if (!Files.exists(p)) {
            throw new CommandLine.ParameterException(cmd, "no such file or folder: " + p);
        }
    }
}
