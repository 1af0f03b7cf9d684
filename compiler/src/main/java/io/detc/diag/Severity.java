package io.detc.diag;

/** How bad a diagnostic is. Errors fail a check; warnings fail it only under {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
