package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pySigma processing-pipeline YAML file into a {@link Pipeline}.
 *
 * <p>Top level: {@code name}, {@code priority}, {@code transformations}, {@code vars} (name → value or list of
 * values, for {@code value_placeholders}); {@code postprocessing}, {@code finalizers}, {@code allowed_backends}
 * and unknown keys are ignored with a warning (W112) because they shape query text, not which events match.
 * Anything that would change which events match and that detc cannot apply — another transformation type,
 * detection-item conditions, condition expressions — is an error (E401): silently skipping it would give wrong
 * answers. Items are read by {@link TransformationReader}. A file with any error yields no pipeline.
 */
final class PipelineReader {
    private static final Set<String> IGNORED_WITH_WARNING = Set.of("postprocessing", "finalizers",
            "allowed_backends");

    private PipelineReader() {
    }

    static Optional<Pipeline> read(SourceFile file, String origin, Diagnostics diags) {
        int before = diags.size();
        List<YamlNode> docs = new YamlLoader(YamlLimits.DEFAULT).load(file, diags);
        Optional<Pipeline> p = hasErrors(diags, before) ? Optional.empty() : pipeline(docs, file, origin, diags);
        return hasErrors(diags, before) ? Optional.empty() : p;
    }

    private static Optional<Pipeline> pipeline(List<YamlNode> docs, SourceFile file, String origin,
                                               Diagnostics diags) {
        if (docs.isEmpty() || isNull(docs.get(0))) {
            diags.report(Code.NOT_A_MAPPING, Span.startOf(file), "a pipeline file must hold a mapping with"
                    + " 'transformations'; this one is empty");
            return Optional.empty();
        }
        if (docs.size() > 1) {
            diags.report(Code.UNKNOWN_DOCUMENT, docs.get(1).span(), "a pipeline file holds one YAML document;"
                    + " found " + docs.size(), "put each pipeline in its own file");
        }
        if (!(docs.get(0) instanceof YamlNode.Mapping root)) {
            diags.report(Code.NOT_A_MAPPING, docs.get(0).span(), "a pipeline must be a mapping, found "
                    + YamlNode.kind(docs.get(0)));
            return Optional.empty();
        }
        String name = text(root, "name", diags).orElse(defaultName(file));
        int priority = integer(root, "priority", diags).orElse(0);
        List<Transformation> items = new ArrayList<>();
        Optional<YamlNode> node = root.get("transformations");
        if (node.isPresent() && !isNull(node.get())) {
            if (node.get() instanceof YamlNode.Seq seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    TransformationReader.read(seq.items().get(i), i, diags).ifPresent(items::add);
                }
            } else {
                wrongType(diags, node.get(), "transformations", "a list of transformation items");
            }
        }
        for (YamlNode.Entry e : root.entries()) {
            String key = e.key().value();
            if (key.equals("name") || key.equals("priority") || key.equals("transformations")
                    || key.equals("vars")) {
                continue;
            }
            if (IGNORED_WITH_WARNING.contains(key)) {
                diags.report(Code.SUSPICIOUS_FIELD, e.key().span(), "'" + key + "' is ignored: detc applies only"
                        + " a pipeline's transformations");
            } else {
                diags.report(Code.SUSPICIOUS_FIELD, e.key().span(), "unknown pipeline key '" + key + "' is ignored",
                        "a pipeline has name, priority, transformations (and vars, postprocessing, finalizers)");
            }
        }
        return Optional.of(new Pipeline(name, priority, items, vars(root, diags), origin));
    }

    /** {@code vars}: each name maps to a scalar or a non-empty list of scalars, kept as text. */
    private static Map<String, List<String>> vars(YamlNode.Mapping root, Diagnostics diags) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Optional<YamlNode> node = root.get("vars");
        if (node.isEmpty() || isNull(node.get())) {
            return out;
        }
        if (!(node.get() instanceof YamlNode.Mapping m)) {
            wrongType(diags, node.get(), "vars", "a mapping of names to values");
            return out;
        }
        for (YamlNode.Entry e : m.entries()) {
            String name = e.key().value();
            List<YamlNode> nodes = e.value() instanceof YamlNode.Seq s ? s.items() : List.of(e.value());
            if (nodes.isEmpty()) {
                diags.report(Code.WRONG_TYPE, e.value().span(), "variable '" + name + "' is an empty list; give at"
                        + " least one value");
                continue;
            }
            List<String> values = new ArrayList<>();
            for (YamlNode n : nodes) {
                YamlValues.scalarText(n, name, diags).ifPresent(values::add);
            }
            if (values.size() == nodes.size()) {
                out.put(name, values);
            }
        }
        return out;
    }

    static Optional<String> text(YamlNode.Mapping m, String key, Diagnostics diags) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.isString()) {
            return Optional.of(s.value());
        }
        wrongType(diags, n.get(), key, "a string");
        return Optional.empty();
    }

    private static Optional<Integer> integer(YamlNode.Mapping m, String key, Diagnostics diags) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT) {
            try {
                return Optional.of(Integer.parseInt(s.value().replace("_", "")));
            } catch (NumberFormatException e) {
                // 0x1F, 0o17 and out-of-range values fall through to the type error
            }
        }
        wrongType(diags, n.get(), key, "an integer");
        return Optional.empty();
    }

    static void wrongType(Diagnostics diags, YamlNode found, String key, String expected) {
        diags.report(Code.WRONG_TYPE, found.span(), "'" + key + "' must be " + expected + ", found "
                + YamlNode.kind(found));
    }

    static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL;
    }

    private static boolean hasErrors(Diagnostics diags, int since) {
        return diags.list().subList(since, diags.size()).stream().anyMatch(Diagnostic::isError);
    }

    private static String defaultName(SourceFile file) {
        String p = file.path();
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        String base = p.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
