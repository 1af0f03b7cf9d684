package io.detc.testcase;

import java.nio.file.Path;
import java.util.List;

/** A {@code <rule>.tests.yml} file: the rule file it belongs to and its cases. */
public record TestFile(Path path, Path ruleFile, List<TestCase> cases) {
    public TestFile {
        cases = List.copyOf(cases);
    }

    /** {@code foo.tests.yml} belongs to {@code foo.yml} (or {@code foo.yaml}) in the same folder. */
    public static boolean isTestFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".tests.yml") || n.endsWith(".tests.yaml");
    }
}
