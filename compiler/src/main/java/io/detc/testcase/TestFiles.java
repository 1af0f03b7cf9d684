package io.detc.testcase;

import io.detc.Compilation;
import io.detc.rule.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finds test files for the paths given to {@code detc test}, and the rule files that have none. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Test files in folders (recursively), given directly, or beside a given rule file; sorted, no duplicates. */
    public static List<Path> discover(List<Path> paths) {
        Set<Path> out = new TreeSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(TestFile::isTestFile).forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (TestFile.isTestFile(p)) {
                out.add(p);
            } else {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                String stem = dot < 0 ? n : n.substring(0, dot);
                for (String ext : List.of(".tests.yml", ".tests.yaml")) {
                    Path t = p.resolveSibling(stem + ext);
                    if (Files.exists(t)) {
                        out.add(t);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static Path ruleFileOf(Path testFile) {
        return TestFileReader.ruleFileOf(testFile);
    }

    /** Rule files of the compilation that no test file covers. */
    public static List<String> untestedRules(Compilation c, List<TestFile> files) {
        Set<Path> tested = new TreeSet<>();
        files.forEach(f -> tested.add(f.ruleFile().toAbsolutePath().normalize()));
        Set<String> out = new TreeSet<>();
        for (Document d : c.documents()) {
            if (d instanceof io.detc.rule.Filter) {
                continue; // filters change other rules' alerts and have none of their own
            }
            String p = d.span().file().path();
            if (!tested.contains(Path.of(p).toAbsolutePath().normalize())) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }
}
