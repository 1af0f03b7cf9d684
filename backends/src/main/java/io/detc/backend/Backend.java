package io.detc.backend;

import io.detc.Compilation;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Document;
import java.util.List;

/**
 * A target query language. A backend renders the lowered IR (after the target pipelines mapped fields, tables and
 * values), never the YAML, and puts rule text into its output only through its {@link Escaper}.
 */
public interface Backend {
    /** The target's name on the command line: {@code kql}, {@code spl}, ... */
    String name();

    /** Output formats; the first is the default ({@code query}). */
    List<String> formats();

    /** The pipelines used when the user names none: the shipped ones for this target. */
    List<Pipeline> defaultPipelines();

    /**
     * Compiles one document of {@code compilation} (a rule or a correlation; filters are already applied to the
     * rules they name) with {@code pipelines} into {@code format}.
     */
    Compiled compile(Compilation compilation, Document document, List<Pipeline> pipelines, String format);

    /** A one-line comment in the target language (for the line naming each rule in combined output). */
    default String comment(String text) {
        return "// " + text.replace('\n', ' ').replace('\r', ' ');
    }

    /** The file extension of one output format, with its dot: {@code .kql}, {@code .yml} ... */
    default String extension(String format) {
        return "." + name();
    }
}
