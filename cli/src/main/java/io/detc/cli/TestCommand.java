package io.detc.cli;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.cli.report.JunitReport;
import io.detc.diag.DiagnosticRenderer;
import io.detc.diag.Diagnostics;
import io.detc.pipeline.FieldResolver;
import io.detc.source.SourceReader;
import io.detc.testcase.CaseResult;
import io.detc.testcase.TestCase;
import io.detc.testcase.TestFile;
import io.detc.testcase.TestFileReader;
import io.detc.testcase.TestFiles;
import io.detc.testcase.TestRunner;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code detc test}: run every rule's declared test cases ({@code <rule>.tests.yml} beside the rule). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the test cases declared beside each rule (foo.yml -> foo.tests.yml): recorded or "
                + "inline events and the alerts the rule must and must not produce.",
            "Every rule given is loaded, so correlations and filters behave as in 'detc eval'."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every case passed",
            "1:a case failed, a test file is invalid, or the rules have errors",
            "2:bad command line",
            "3:internal error (a bug in detc)"})
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junit;

    @Option(names = "--verbose", description = "Print the alerts of every case, and stack traces of internal errors.")
    boolean verbose;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files, test files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(cmd, "no such file or folder: " + p);
            }
        }
        PrintWriter out = cmd.getOut();
        Diagnostics diags = new Diagnostics();
        List<Path> testPaths = TestFiles.discover(paths);
        List<Path> rulePaths = new ArrayList<>(paths.stream().filter(p -> !TestFile.isTestFile(p)).toList());
        testPaths.stream().map(TestFiles::ruleFileOf).filter(Files::exists)
                .filter(r -> rulePaths.stream().noneMatch(p -> covers(p, r))).forEach(rulePaths::add);
        Compilation c = Compiler.standard().compile(rulePaths);
        c.diagnostics().forEach(d -> out.println(DiagnosticRenderer.render(d)));
        if (c.hasErrors()) {
            out.println("detc test: the rules have errors; no case was run");
            return ExitCodes.RULE_ERRORS;
        }
        List<TestFile> files = new ArrayList<>();
        SourceReader reader = new SourceReader(SourceReader.DEFAULT_MAX_BYTES);
        YamlLoader yaml = new YamlLoader(YamlLimits.DEFAULT);
        for (Path t : testPaths) {
            reader.read(t, t.toString(), diags).ifPresent(src ->
                    TestFileReader.read(t, src, yaml.load(src, diags), diags).ifPresent(files::add));
        }
        diags.list().forEach(d -> out.println(DiagnosticRenderer.render(d)));
        TestRunner runner = new TestRunner(c, FieldResolver.standard());
        List<CaseResult> results = new ArrayList<>();
        for (TestFile f : files) {
            for (TestCase tc : f.cases()) {
                CaseResult r = runner.run(f, tc);
                results.add(r);
                out.printf(Locale.ROOT, "%s %s > %s (%d ms)%n", r.passed() ? "PASS" : "FAIL", f.ruleFile(),
                        tc.name(), r.nanos() / 1_000_000);
                if (!r.passed()) {
                    out.println("     " + r.failure());
                    out.println("     at " + tc.span());
                }
                if (verbose || !r.passed()) {
                    r.alerts().forEach(a -> out.println("     alert " + a));
                }
            }
        }
        long untested = TestFiles.untestedRules(c, files).size();
        TestFiles.untestedRules(c, files).forEach(p -> out.println("NOTE no test cases for " + p));
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.printf(Locale.ROOT, "%d passed, %d failed%n", results.size() - failed, failed);
        if (untested > 0) {
            out.printf(Locale.ROOT, "(%d rule file%s without test cases)%n", untested, untested == 1 ? "" : "s");
        }
        if (junit != null) {
            Files.writeString(junit, JunitReport.render(results));
        }
        out.flush();
        return failed > 0 || diags.hasErrors() ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }

    private static boolean covers(Path given, Path rule) {
        Path g = given.toAbsolutePath().normalize();
        Path r = rule.toAbsolutePath().normalize();
        return r.startsWith(g);
    }
}
