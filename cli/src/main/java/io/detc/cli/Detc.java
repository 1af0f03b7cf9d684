package io.detc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code detc} command: one subcommand per verb, each in its own class. */
@Command(name = "detc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Detection-as-code compiler for Sigma rules: check, prove and compile detections.",
        subcommands = {CheckCommand.class, CompileCommand.class, CoverageCommand.class, EvalCommand.class,
            TestCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:no errors (warnings allowed unless --strict)",
            "1:errors in the rules, or warnings under --strict",
            "2:bad command line",
            "3:internal error (a bug in detc; please report it)"})
public final class Detc implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'detc check RULES...'");
    }

    /** The command line wired to the given streams; main and the tests both build it here. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Detc());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new InternalErrorHandler());
        cmd.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    public static void main(String[] args) {
        // stdout is buffered, not flushed per line: eval can print millions of alerts. Commands flush when done.
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
