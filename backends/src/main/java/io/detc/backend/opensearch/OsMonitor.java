package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.rule.Document;
import io.detc.rule.Meta;
import java.time.Duration;
import java.util.List;

/**
 * OpenSearch Alerting monitors (the {@code monitor} format): a query-level monitor for a rule (runs every five
 * minutes over the five minutes before the run, triggers when anything matches) and a bucket-level monitor for a
 * correlation ({@link OsCorrelation#monitor}: the same measures and {@link OsScripts#CONDITION} as the query's
 * bucket_selector). The test node runs every monitor's search (painless included); the trigger conditions need the
 * Alerting plugin, which the test node does not load, so only their shape is checked.
 */
final class OsMonitor {
    static final Duration RULE_PERIOD = Duration.ofMinutes(5);

    private OsMonitor() {
    }

    static ObjectNode base(String name, String type, Duration period) {
        ObjectNode m = Bool.F.objectNode();
        m.put("type", "monitor");
        m.put("monitor_type", type);
        m.put("name", name);
        m.put("enabled", true);
        ObjectNode p = m.putObject("schedule").putObject("period");
        p.put("interval", Math.max(1, period.toMinutes()));
        p.put("unit", "MINUTES");
        return m;
    }

    /** The run's look-back: the time field within the period before the run's end. */
    static ObjectNode lastPeriod(String timeField, Duration period) {
        ObjectNode q = Bool.F.objectNode();
        ObjectNode r = q.putObject("range").putObject(timeField);
        r.put("gt", "{{period_end}}||-" + Math.max(1, period.toMinutes()) + "m");
        r.put("lte", "{{period_end}}");
        r.put("format", "epoch_millis");
        return q;
    }

    /** Sigma level to Alerting severity (1 highest). */
    static String severity(Meta meta) {
        String level = meta.level().orElse("medium").toLowerCase(java.util.Locale.ROOT);
        return switch (level) {
            case "critical" -> "1";
            case "high" -> "2";
            case "medium" -> "3";
            case "low" -> "4";
            default -> "5";
        };
    }

    static ObjectNode rule(Document rule, String index, String timeField, ObjectNode query) {
        ObjectNode m = base(rule.meta().title(), "query_level_monitor", RULE_PERIOD);
        ObjectNode search = m.putArray("inputs").addObject().putObject("search");
        search.putArray("indices").add(index);
        ObjectNode body = search.putObject("query");
        body.put("size", 0);
        body.set("query", timeField == null ? query : Bool.and(List.of(query, lastPeriod(timeField, RULE_PERIOD))));
        ObjectNode trigger = m.putArray("triggers").addObject().putObject("query_level_trigger");
        trigger.put("name", rule.meta().title());
        trigger.put("severity", severity(rule.meta()));
        ObjectNode script = trigger.putObject("condition").putObject("script");
        script.put("source", "ctx.results[0].hits.total.value > 0");
        script.put("lang", "painless");
        trigger.putArray("actions");
        return m;
    }
}
