package io.detc.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"detc " + get()};
    }

    static String get() {
        String v = Detc.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
