package io.detc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the shared testdata/ folder through the {@code testdata.dir} property that Surefire sets. */
public final class TestData {
    private TestData() {
    }

    public static Path dir() {
        String p = System.getProperty("testdata.dir");
        Path d = p == null || p.isBlank() ? Path.of("..", "testdata") : Path.of(p);
        return d.toAbsolutePath().normalize();
    }

    /** Files directly in {@code testdata/<folder>} with the given suffix, sorted. */
    public static List<Path> files(String folder, String... suffixes) {
        try (Stream<Path> s = Files.list(dir().resolve(folder))) {
            return s.filter(f -> Stream.of(suffixes).anyMatch(x -> f.getFileName().toString().endsWith(x)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** Replaces the absolute testdata path by {@code testdata} so goldens do not depend on the checkout. */
    public static String portable(String text) {
        return text.replace(dir().toString() + java.io.File.separator, "testdata/").replace(dir().toString(), "testdata");
    }

    /** The SigmaHQ corpus root given with -Dsigma.corpus, if any. */
    public static Optional<Path> corpus() {
        String p = System.getProperty("sigma.corpus");
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(Path.of(p));
    }
}
