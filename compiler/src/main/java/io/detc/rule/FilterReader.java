package io.detc.rule;

import io.detc.diag.Code;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a filter document (spec "Sigma Filters"): {@code filter: {rules: [...], <selections>, condition}}. */
final class FilterReader {
    private FilterReader() {
    }

    static Optional<Document> read(Fields f, Meta meta, LogSource logsource) {
        Optional<YamlNode.Mapping> section = f.mapping("filter");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        if (f.map().get("logsource").isEmpty()) {
            f.diags().report(Code.FILTER_INVALID, f.map().span(), "a filter needs a 'logsource'");
        }
        f.map().entry("level").ifPresent(e -> f.diags().report(Code.FILTER_INVALID, e.key().span(),
                "a filter has no 'level'; it only removes matches from other rules"));
        List<RuleRef> rules = new ArrayList<>();
        Optional<YamlNode> rulesNode = section.get().get("rules");
        if (rulesNode.isEmpty()) {
            f.diags().report(Code.FILTER_INVALID, section.get().span(), "a filter needs 'rules': the ids or names of"
                    + " the rules it applies to");
        } else if (rulesNode.get() instanceof YamlNode.Seq q) {
            for (YamlNode item : q.items()) {
                if (item instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
                    rules.add(new RuleRef(s.value(), s.span()));
                } else {
                    f.diags().report(Code.WRONG_TYPE, item.span(), "filter rule references must be ids or names");
                }
            }
        } else if (rulesNode.get() instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
            rules.add(new RuleRef(s.value(), s.span()));
        } else {
            f.diags().report(Code.WRONG_TYPE, rulesNode.get().span(), "'rules' must be a list of rule ids or names");
        }
        Detection d = new DetectionReader(f.diags()).read(section.get(), Set.of("rules"));
        return Optional.of(new Filter(meta, logsource, rules, d, f.map().span()));
    }
}
