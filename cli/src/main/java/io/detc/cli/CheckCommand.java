package io.detc.cli;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.cli.report.DiagnosticReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code detc check}: load and check rules like a compiler, and report every problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check Sigma rules (files or folders, *.yml and *.yaml recursively) and report every problem "
                + "with a stable code and file:line:column.",
            "Correlations and filters are resolved across every path given."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:no errors (warnings allowed unless --strict)",
            "1:errors in the rules, or warnings under --strict",
            "2:bad command line",
            "3:internal error (a bug in detc)"})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DiagnosticReport.Format format;

    @Option(names = "--strict", description = "Treat warnings as errors for the exit code.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Text format: print only errors and the summary.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    boolean verbose;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + p);
            }
        }
        Compilation result = Compiler.standard().compile(paths);
        PrintWriter out = spec.commandLine().getOut();
        DiagnosticReport.write(format, result, quiet, out);
        out.flush();
        boolean failed = result.hasErrors() || strict && result.warningCount() > 0;
        return failed ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }
}
