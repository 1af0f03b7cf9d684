package io.detc.cli;

import io.detc.diag.Diagnostics;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.Pipelines;
import io.detc.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a {@code --pipeline} argument: a YAML file (a pySigma processing pipeline the user brings), or the name
 * of a pipeline shipped in the jar ({@code pipelines/<name>.yml} on the class path).
 */
final class PipelineOption {
    private PipelineOption() {
    }

    static Optional<Pipeline> resolve(String arg, Diagnostics diags) {
        Path file = Path.of(arg);
        if (Files.isRegularFile(file)) {
            return Pipelines.load(file, arg, diags);
        }
        if (!arg.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try (InputStream in = PipelineOption.class.getResourceAsStream("/pipelines/" + arg + ".yml")) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Pipelines.parse(new SourceFile("builtin:" + arg, text), diags);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
