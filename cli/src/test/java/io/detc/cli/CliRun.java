package io.detc.cli;

import io.detc.testing.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of {@code detc} in this JVM: exit code, stdout and stderr, with machine-specific paths made portable. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Detc.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(code, TestData.portable(out.toString()), TestData.portable(err.toString()));
    }

    /** The elapsed time in the summary line varies; replace it. */
    String stableOut() {
        return out.replaceAll("in \\d+\\.\\d\\d s", "in N s");
    }

    String transcript() {
        return "exit: " + exit + "\n--- stdout\n" + stableOut() + "--- stderr\n" + err;
    }
}
