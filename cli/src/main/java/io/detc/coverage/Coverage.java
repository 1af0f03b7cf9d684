package io.detc.coverage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coverage of a rule set: what each rule needs and covers, per target, and, with a sample of real logs, which
 * rules can fire and how healthy each source is. Every output format renders this one value.
 */
public record Coverage(List<RuleFacts> rules, List<String> targets, Optional<SampleResult> sample) {
    public Coverage {
        rules = List.copyOf(rules);
        targets = List.copyOf(targets);
    }

    /** What a sample showed: per-source health and per-rule status, keyed by rule key. */
    public record SampleResult(List<String> files, List<SourceHealth> health, Map<String, RuleStatus> status,
                               Duration gapThreshold) {
        public SampleResult {
            files = List.copyOf(files);
            health = List.copyOf(health);
            status = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(status));
        }
    }

    /** Rules in report order: blind ones first (when there is a sample), then by file and position. */
    public List<RuleFacts> ordered() {
        return rules.stream().sorted(java.util.Comparator.<RuleFacts>comparingInt(r -> sample
                        .map(s -> s.status().get(r.document().key())).map(s -> s.canFire() ? 1 : 0).orElse(1))
                .thenComparing(r -> r.document().span().file().path())
                .thenComparingInt(r -> r.document().span().line())).toList();
    }

    public boolean anyBlind() {
        return sample.map(s -> s.status().values().stream().anyMatch(st -> !st.canFire())).orElse(false);
    }
}
