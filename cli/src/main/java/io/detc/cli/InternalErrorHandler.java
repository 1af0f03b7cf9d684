package io.detc.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into exit code 3. User mistakes never get here (they are
 * diagnostics); anything that does is a bug, so say so, and print the stack only with {@code --verbose}.
 */
final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        err.println("detc: internal error: " + ex + "");
        err.println("This is a bug in detc, not in your rules. Please report it with the command you ran.");
        boolean verbose = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
