package io.detc.rule;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one YAML document into a {@link Document}: a rule when it has {@code detection}, a correlation when it has
 * {@code correlation}, a filter when it has {@code filter}. Field-level problems are reported; a document is
 * still returned when enough of it was readable for later checks.
 */
public final class RuleLoader {
    private RuleLoader() {
    }

    public static Optional<Document> load(YamlNode doc, Diagnostics diags) {
        if (!(doc instanceof YamlNode.Mapping m)) {
            if (doc instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL) {
                return Optional.empty(); // an empty document, e.g. a trailing '---'
            }
            diags.report(Code.NOT_A_MAPPING, doc.span(), "a rule document must be a mapping, found " + YamlNode.kind(doc));
            return Optional.empty();
        }
        Fields f = new Fields(m, diags);
        if (m.get("action").isPresent()) {
            diags.report(Code.UNKNOWN_DOCUMENT, m.entry("action").get().key().span(), "rule collections ('action: "
                    + m.get("action").map(n -> n instanceof YamlNode.Scalar s ? s.value() : "?").orElse("")
                    + "') were removed in Sigma 2.0", "write each rule as a complete document");
            return Optional.empty();
        }
        boolean hasDetection = m.get("detection").isPresent();
        boolean hasCorrelation = m.get("correlation").isPresent();
        boolean hasFilter = m.get("filter").isPresent();
        int kinds = (hasDetection ? 1 : 0) + (hasCorrelation ? 1 : 0) + (hasFilter ? 1 : 0);
        if (kinds > 1) {
            diags.report(Code.UNKNOWN_DOCUMENT, m.span(), "a document has exactly one of 'detection', 'correlation'"
                    + " and 'filter'", "put each in its own document, separated by '---'");
            return Optional.empty();
        }
        if (kinds == 0) {
            diags.report(Code.MISSING_FIELD, m.span(), "document has none of 'detection', 'correlation' or 'filter'"
                    + (m.get("title").isPresent() ? "" : " (and no 'title')"));
            return Optional.empty();
        }
        Meta meta = MetaReader.read(f, m.span());
        if (hasCorrelation) {
            return CorrelationReader.read(f, meta);
        }
        Optional<LogSource> logsource = logsource(f, true);
        if (hasFilter) {
            return FilterReader.read(f, meta, logsource.orElse(LogSource.EMPTY));
        }
        Optional<YamlNode.Mapping> detection = f.mapping("detection");
        if (detection.isEmpty()) {
            return Optional.empty();
        }
        Detection d = new DetectionReader(diags).read(detection.get(), Set.of());
        return Optional.of(new SigmaRule(meta, logsource.orElse(LogSource.EMPTY), d, m.span()));
    }

    static Optional<LogSource> logsource(Fields f, boolean required) {
        Optional<YamlNode> node = f.map().get("logsource");
        if (node.isEmpty()) {
            if (required) {
                f.diags().report(Code.MISSING_FIELD, f.map().span(), "missing required field 'logsource'");
            }
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> m = f.mapping("logsource");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Fields lf = new Fields(m.get(), f.diags());
        Map<String, String> custom = new HashMap<>();
        for (YamlNode.Entry e : m.get().entries()) {
            String k = e.key().value();
            if (!(e.value() instanceof YamlNode.Scalar s) || s.type() == YamlNode.ScalarType.NULL) {
                f.diags().report(Code.INVALID_LOGSOURCE, e.value().span(), "logsource '" + k + "' must be a string");
            } else if (!Set.of("category", "product", "service", "definition").contains(k)) {
                custom.put(k, s.value());
            }
        }
        LogSource ls = new LogSource(lf.string("category"), lf.string("product"), lf.string("service"),
                lf.string("definition"), custom);
        if (ls.category().isEmpty() && ls.product().isEmpty() && ls.service().isEmpty()) {
            f.diags().report(Code.INVALID_LOGSOURCE, m.get().span(), "logsource needs at least one of category,"
                    + " product or service");
        }
        return Optional.of(ls);
    }
}
