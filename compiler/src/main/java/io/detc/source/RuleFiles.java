package io.detc.source;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds rule files: a file argument is taken as it is; a folder is walked recursively for {@code *.yml} and
 * {@code *.yaml}, in sorted order so every run reports in the same order. Each result keeps the path to print.
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    /** A file to read and the path to show for it. */
    public record Input(Path path, String shown) {
    }

    public static List<Input> discover(List<Path> roots, Diagnostics diags) {
        List<Input> out = new ArrayList<>();
        for (Path root : roots) {
            String shownRoot = root.toString();
            if (Files.isDirectory(root)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                    found = walk.filter(Files::isRegularFile).filter(RuleFiles::isYaml).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    diags.report(Code.IO_ERROR, Span.startOf(new SourceFile(shownRoot, "")),
                            "cannot walk folder: " + e.getMessage());
                    continue;
                }
                if (found.isEmpty()) {
                    diags.report(Code.NO_RULE_FILES, Span.startOf(new SourceFile(shownRoot, "")),
                            "folder holds no *.yml or *.yaml files");
                }
                for (Path p : found) {
                    out.add(new Input(p, root.resolve(root.relativize(p)).toString()));
                }
            } else if (Files.exists(root)) {
                out.add(new Input(root, shownRoot));
            } else {
                diags.report(Code.IO_ERROR, Span.startOf(new SourceFile(shownRoot, "")), "no such file or folder");
            }
        }
        return out;
    }

    /** Rule files; {@code *.tests.yml} files hold test cases (detc test), not rules. */
    static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".yml") || n.endsWith(".yaml")) && !n.endsWith(".tests.yml") && !n.endsWith(".tests.yaml");
    }
}
