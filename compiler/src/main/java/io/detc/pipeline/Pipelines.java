package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import io.detc.source.SourceReader;
import io.detc.source.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Loads pipelines: user files by path, built-in ones by name from {@code src/main/resources/pipelines/}. Problems in
 * a file are diagnostics and give no pipeline; a broken built-in pipeline is a bug and throws.
 */
public final class Pipelines {
    /** The built-in pipelines, by name (the resource is {@code pipelines/<name>.yml}). */
    public static final List<String> BUILTIN = List.of("okta-native", "entra-diagnostic-json");

    private static final Map<String, Pipeline> LOADED = new ConcurrentHashMap<>();

    private Pipelines() {
    }

    /** Loads a pipeline file, shown in messages as {@code file.toString()}. */
    public static Optional<Pipeline> load(Path file, Diagnostics diags) {
        return load(file, file.toString(), diags);
    }

    /** Loads a pipeline file; {@code shownPath} is the path printed in diagnostics. */
    public static Optional<Pipeline> load(Path file, String shownPath, Diagnostics diags) {
        return new SourceReader(SourceReader.DEFAULT_MAX_BYTES).read(file, shownPath, diags)
                .flatMap(source -> PipelineReader.read(source, shownPath, diags));
    }

    /** Reads a pipeline from text already in memory (tests, stdin). */
    public static Optional<Pipeline> parse(SourceFile source, Diagnostics diags) {
        return PipelineReader.read(source, source.path(), diags);
    }

    /**
     * Loads a built-in pipeline by name, reporting problems; an unknown name is an error diagnostic
     * ({@link Code#IO_ERROR}, as for a missing file).
     */
    public static Optional<Pipeline> loadBuiltin(String name, Diagnostics diags) {
        String shown = "builtin:pipelines/" + name + ".yml";
        if (!BUILTIN.contains(name)) {
            diags.report(Code.IO_ERROR, Span.startOf(new SourceFile(shown, "")), "no built-in pipeline '" + name
                    + "'", "built-in pipelines: " + String.join(", ", BUILTIN));
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Pipelines.class.getResourceAsStream("/pipelines/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("built-in pipeline resource missing: " + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in pipeline " + name, e);
        }
        return new SourceReader(SourceReader.DEFAULT_MAX_BYTES).decode(bytes, shown, diags)
                .flatMap(source -> PipelineReader.read(source, "builtin:" + name, diags));
    }

    /**
     * A built-in pipeline, loaded once. Throws {@link IllegalArgumentException} for an unknown name and
     * {@link IllegalStateException} when the shipped file has errors (a bug, caught by the tests).
     */
    public static Pipeline builtin(String name) {
        if (!BUILTIN.contains(name)) {
            throw new IllegalArgumentException("no built-in pipeline '" + name + "'; built-in: "
                    + String.join(", ", BUILTIN));
        }
        return LOADED.computeIfAbsent(name, n -> {
            Diagnostics diags = new Diagnostics();
            Optional<Pipeline> p = loadBuiltin(n, diags);
            if (p.isEmpty() || diags.hasErrors()) {
                throw new IllegalStateException("built-in pipeline " + n + " is broken:\n" + diags.list().stream()
                        .map(Diagnostic::toString).collect(Collectors.joining("\n")));
            }
            return p.get();
        });
    }
}
