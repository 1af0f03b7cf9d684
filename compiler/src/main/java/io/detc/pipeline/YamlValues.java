package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Small typed reads of pipeline YAML values; every mismatch is a diagnostic at the value's position. */
final class YamlValues {
    private YamlValues() {
    }

    /** A string, number or boolean scalar as text (pySigma accepts any scalar where it stringifies). */
    static Optional<String> scalarText(YamlNode n, String key, Diagnostics diags) {
        if (n instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
            return Optional.of(s.type() == YamlNode.ScalarType.BOOL ? s.value().toLowerCase(Locale.ROOT) : s.value());
        }
        PipelineReader.wrongType(diags, n, key, "a string, number or boolean");
        return Optional.empty();
    }

    /** A non-empty string, or a list of them. */
    static Optional<List<String>> strings(YamlNode n, String key, Diagnostics diags) {
        List<YamlNode> nodes = n instanceof YamlNode.Seq s ? s.items() : List.of(n);
        List<String> out = new ArrayList<>();
        for (YamlNode item : nodes) {
            if (item instanceof YamlNode.Scalar s && s.isString() && !s.value().isEmpty()) {
                out.add(s.value());
            } else {
                PipelineReader.wrongType(diags, item, key, "a non-empty string or a list of them");
                return Optional.empty();
            }
        }
        if (out.isEmpty()) {
            diags.report(Code.WRONG_TYPE, n.span(), "'" + key + "' is an empty list; give at least one value");
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** A string value that must be one of {@code allowed}. */
    static Optional<String> word(YamlNode.Mapping m, String key, Set<String> allowed, Diagnostics diags) {
        Optional<String> w = PipelineReader.text(m, key, diags);
        if (w.isPresent() && !allowed.contains(w.get())) {
            diags.report(Code.WRONG_TYPE, m.get(key).get().span(), "'" + key + "' must be one of "
                    + String.join(", ", new TreeSet<>(allowed)) + ", found '" + w.get() + "'");
            return Optional.empty();
        }
        return w;
    }

    /** A boolean; false when absent. */
    static boolean flag(YamlNode.Mapping m, String key, Diagnostics diags) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            return false;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOL) {
            return Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT));
        }
        PipelineReader.wrongType(diags, n.get(), key, "true or false");
        return false;
    }
}
