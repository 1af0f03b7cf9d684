package io.detc.rule;

import io.detc.condition.Condition;
import io.detc.condition.ConditionReader;
import io.detc.diag.Code;
import io.detc.source.Span;
import io.detc.yaml.YamlNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a correlation document (spec "Sigma Correlation Rules"). Requirements per type follow the spec's
 * "Requires" lists: every type needs rules and timespan; all but the temporal types need group-by and a
 * condition, and the value types a condition field. Temporal types may give the condition as a string over rule
 * names (pySigma's extended temporal condition), which is how absence ({@code a and not b}) is written.
 */
final class CorrelationReader {
    private static final Pattern TIMESPAN = Pattern.compile("^(\\d+)([smhd])$");
    private static final Pattern OTHER_UNITS = Pattern.compile("^(\\d+)([wMy]|ms)$");

    private CorrelationReader() {
    }

    static Optional<Document> read(Fields top, Meta meta) {
        Optional<YamlNode.Mapping> section = top.mapping("correlation");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(section.get(), top.diags());
        Span sectionSpan = section.get().span();
        Optional<YamlNode.Scalar> typeNode = f.scalar("type");
        Optional<Correlation.Type> type = typeNode.flatMap(t -> type(f, t));
        if (typeNode.isEmpty() && section.get().get("type").isEmpty()) {
            f.diags().report(Code.CORRELATION_MISSING, sectionSpan, "correlation needs a 'type'");
        }
        List<RuleRef> rules = new ArrayList<>();
        for (YamlNode.Scalar s : f.scalars("rules")) {
            rules.add(new RuleRef(s.value(), s.span()));
        }
        f.strings("rules");
        if (rules.isEmpty()) {
            f.diags().report(Code.CORRELATION_MISSING, sectionSpan, "correlation needs 'rules': the ids or names of"
                    + " the rules it correlates");
        }
        List<String> groupBy = f.strings("group-by");
        Optional<Duration> timespan = timespan(f, sectionSpan);
        Optional<Correlation.Threshold> threshold = Optional.empty();
        Optional<Condition> expression = Optional.empty();
        Optional<YamlNode> cond = section.get().get("condition");
        if (cond.isPresent() && cond.get() instanceof YamlNode.Scalar s && s.isString()) {
            if (type.isPresent() && !type.get().isTemporal()) {
                f.diags().report(Code.CORRELATION_CONDITION, s.span(), "a condition expression over rule names is"
                        + " only allowed for temporal correlations; " + type.get().spelling() + " takes a map such as"
                        + " {gte: 10}");
            } else {
                expression = ConditionReader.read(s.value(), s.locator(), f.diags());
            }
        } else if (cond.isPresent() && cond.get() instanceof YamlNode.Mapping m) {
            threshold = threshold(f, m, type);
        } else if (cond.isPresent()) {
            f.wrongType("condition", cond.get(), "a mapping such as {gte: 10}");
        }
        if (type.isPresent()) {
            Correlation.Type t = type.get();
            if (!t.isTemporal() && t != Correlation.Type.SILENCE && groupBy.isEmpty()
                    && section.get().get("group-by").isEmpty()) {
                f.diags().report(Code.CORRELATION_MISSING, sectionSpan, t.spelling() + " needs 'group-by'");
            }
            if (!t.isTemporal() && t != Correlation.Type.SILENCE && cond.isEmpty()) {
                f.diags().report(Code.CORRELATION_MISSING, sectionSpan, t.spelling() + " needs a 'condition'");
            }
            if (t == Correlation.Type.SILENCE && cond.isPresent()) {
                f.diags().report(Code.CORRELATION_CONDITION, cond.get().span(), "silence takes no condition: it fires"
                        + " when a group sends nothing for longer than 'timespan'");
            }
        }
        List<Correlation.Alias> aliases = aliases(f);
        boolean generate = generate(top).or(() -> generate(f)).orElse(false);
        return Optional.of(new Correlation(meta, type.orElse(Correlation.Type.EVENT_COUNT),
                typeNode.map(YamlNode.Scalar::span).orElse(sectionSpan), rules, groupBy, timespan, threshold,
                expression, aliases, generate, top.map().span()));
    }

    private static Optional<Correlation.Type> type(Fields f, YamlNode.Scalar t) {
        for (Correlation.Type type : Correlation.Type.values()) {
            if (type.spelling().equals(t.value())) {
                return Optional.of(type);
            }
        }
        String hint = switch (t.value()) {
            case "value_median" -> "use value_percentile with a 50th percentile";
            case "temporal_extended" -> "use temporal with a string condition such as 'a and not b'";
            default -> "use one of event_count, value_count, temporal, temporal_ordered, value_sum, value_avg,"
                    + " value_percentile, or detc's silence";
        };
        f.diags().report(Code.CORRELATION_TYPE, t.span(), "unknown correlation type '" + t.value() + "'", hint);
        return Optional.empty();
    }

    private static Optional<Duration> timespan(Fields f, Span sectionSpan) {
        Optional<YamlNode.Scalar> n = f.scalar("timespan");
        if (n.isEmpty()) {
            if (f.map().get("timespan").isEmpty()) {
                f.diags().report(Code.CORRELATION_MISSING, sectionSpan, "correlation needs a 'timespan' such as 10m");
            }
            return Optional.empty();
        }
        String v = n.get().value();
        Matcher m = TIMESPAN.matcher(v);
        if (!m.matches()) {
            Matcher other = OTHER_UNITS.matcher(v);
            f.diags().report(Code.CORRELATION_TIMESPAN, n.get().span(), "timespan '" + v + "' is not a number"
                    + " followed by s, m, h or d", other.matches() ? "pySigma's units w, M, y are not in the spec;"
                    + " write the span in days, e.g. 14d for 2w" : "examples: 30s, 15m, 1h, 7d");
            return Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            amount = -1;
        }
        if (amount <= 0 || amount > 366L * 24 * 3600) {
            f.diags().report(Code.CORRELATION_TIMESPAN, n.get().span(), "timespan '" + v + "' must be positive and"
                    + " at most a year");
            return Optional.empty();
        }
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (d.compareTo(Duration.ofDays(366)) > 0) {
            f.diags().report(Code.CORRELATION_TIMESPAN, n.get().span(), "timespan '" + v + "' is longer than a year");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static Optional<Correlation.Threshold> threshold(Fields f, YamlNode.Mapping m,
                                                             Optional<Correlation.Type> type) {
        List<Correlation.Comparison> comparisons = new ArrayList<>();
        Optional<String> field = Optional.empty();
        Optional<Integer> percentile = Optional.empty();
        for (YamlNode.Entry e : m.entries()) {
            String k = e.key().value();
            if (k.equals("percentile")) {
                // detc: which percentile value_percentile measures (1-100, default 50, the median the spec hints at).
                if (e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT
                        && Integer.parseInt(s.value()) >= 1 && Integer.parseInt(s.value()) <= 100) {
                    percentile = Optional.of(Integer.parseInt(s.value()));
                } else {
                    f.diags().report(Code.CORRELATION_CONDITION, e.value().span(), "'percentile' takes a whole number"
                            + " from 1 to 100");
                }
                if (type.isPresent() && type.get() != Correlation.Type.VALUE_PERCENTILE) {
                    f.diags().report(Code.CORRELATION_CONDITION, e.key().span(), "'percentile' belongs to"
                            + " value_percentile only");
                }
                continue;
            }
            if (k.equals("field")) {
                field = e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING
                        ? Optional.of(s.value()) : Optional.empty();
                if (field.isEmpty()) {
                    f.wrongType("field", e.value(), "a field name");
                }
                continue;
            }
            Correlation.Op op;
            try {
                op = Correlation.Op.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                f.diags().report(Code.CORRELATION_CONDITION, e.key().span(), "unknown condition operator '" + k + "'",
                        "use gt, gte, lt, lte, eq or neq");
                continue;
            }
            if (!(e.value() instanceof YamlNode.Scalar s) || !(s.type() == YamlNode.ScalarType.INT
                    || s.type() == YamlNode.ScalarType.FLOAT)) {
                f.diags().report(Code.CORRELATION_CONDITION, e.value().span(), "'" + k + "' needs a number");
                continue;
            }
            comparisons.add(new Correlation.Comparison(op, new BigDecimal(s.value().replace("_", ""))));
        }
        if (comparisons.isEmpty()) {
            f.diags().report(Code.CORRELATION_CONDITION, m.span(), "condition needs a comparison such as gte: 10");
        } else if (comparisons.size() > 2 || comparisons.size() == 2 && !isRange(comparisons)) {
            f.diags().report(Code.CORRELATION_CONDITION, m.span(), "condition has one comparison, or two that form a"
                    + " range (a lower bound gt/gte and an upper bound lt/lte)");
        }
        if (type.isPresent() && type.get().needsField() && field.isEmpty() && m.get("field").isEmpty()) {
            f.diags().report(Code.CORRELATION_MISSING, m.span(), type.get().spelling() + " needs 'field' in its condition");
        }
        if (type.isPresent() && !type.get().needsField() && m.get("field").isPresent()) {
            f.diags().report(Code.CORRELATION_CONDITION, m.entry("field").get().key().span(), type.get().spelling()
                    + " takes no 'field'");
        }
        return comparisons.isEmpty() ? Optional.empty()
                : Optional.of(new Correlation.Threshold(comparisons, field, percentile, m.span()));
    }

    private static boolean isRange(List<Correlation.Comparison> cs) {
        boolean lower = cs.stream().anyMatch(c -> c.op() == Correlation.Op.GT || c.op() == Correlation.Op.GTE);
        boolean upper = cs.stream().anyMatch(c -> c.op() == Correlation.Op.LT || c.op() == Correlation.Op.LTE);
        return lower && upper;
    }

    private static List<Correlation.Alias> aliases(Fields f) {
        List<Correlation.Alias> out = new ArrayList<>();
        f.mapping("aliases").ifPresent(m -> {
            for (YamlNode.Entry alias : m.entries()) {
                if (!(alias.value() instanceof YamlNode.Mapping perRule)) {
                    f.diags().report(Code.CORRELATION_ALIAS, alias.value().span(), "alias '" + alias.key().value()
                            + "' must map rule names to field names");
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (YamlNode.Entry e : perRule.entries()) {
                    if (e.value() instanceof YamlNode.Scalar s && s.isString()) {
                        fields.put(e.key().value(), s.value());
                    } else {
                        f.diags().report(Code.CORRELATION_ALIAS, e.value().span(), "alias field must be a field name");
                    }
                }
                out.add(new Correlation.Alias(alias.key().value(), fields, alias.key().span()));
            }
        });
        return out;
    }

    private static Optional<Boolean> generate(Fields f) {
        Optional<YamlNode> n = f.map().get("generate");
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOL) {
            return Optional.of(Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT)));
        }
        f.wrongType("generate", n.get(), "true or false");
        return Optional.empty();
    }
}
