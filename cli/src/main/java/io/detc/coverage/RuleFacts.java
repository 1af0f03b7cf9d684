package io.detc.coverage;

import io.detc.rule.Document;
import java.util.List;
import java.util.Map;

/**
 * What one rule (or correlation) needs from the logs and what it covers, read from its IR and metadata.
 *
 * @param document the rule
 * @param idp {@code okta}, {@code entra} or the product when neither
 * @param behaviour the AN0496 behaviour from {@code telemetry.behaviour}, or {@code unspecified}
 * @param logsources the detc log sources it reads ({@code okta/okta}, {@code azure/auditlogs}, ...)
 * @param eventTypes event types it can fire on (alternatives: one present is enough), as written in the rule
 * @param fields every field it reads, as the rule names them
 * @param licences licence and feature prerequisites from {@code telemetry.licences}
 * @param techniques ATT&CK technique ids from the tags ({@code T1528}, {@code T1550.001})
 * @param analytics analytics named by {@code detection.*} tags ({@code an0496})
 * @param targets per target: the table, index or sourcetype, and the fidelity label with its reasons
 */
public record RuleFacts(Document document, String idp, String behaviour, List<String> logsources,
                        List<String> eventTypes, List<String> fields, List<String> licences, List<String> techniques,
                        List<String> analytics, Map<String, TargetFacts> targets) {
    public RuleFacts {
        logsources = List.copyOf(logsources);
        eventTypes = List.copyOf(eventTypes);
        fields = List.copyOf(fields);
        licences = List.copyOf(licences);
        techniques = List.copyOf(techniques);
        analytics = List.copyOf(analytics);
        targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
    }

    /** One target's view of the rule. */
    public record TargetFacts(String table, String fidelity, List<String> reasons) {
        public TargetFacts {
            reasons = List.copyOf(reasons);
        }
    }
}
