package io.detc.cli;

/** detc's exit codes, defined once; {@code --help} lists them through picocli's exitCodeList. */
public final class ExitCodes {
    /** No errors (warnings allowed unless {@code --strict}). */
    public static final int OK = 0;
    /** The rules (or events, or tests) have errors. */
    public static final int RULE_ERRORS = 1;
    /** The command line is wrong: unknown option, missing path. */
    public static final int USAGE = 2;
    /** A bug in detc. */
    public static final int INTERNAL = 3;
    /** {@code detc eval --engine opensearch}: the cluster could not be reached, or refused a request. */
    public static final int ENGINE = 4;

    private ExitCodes() {
    }
}
