package io.detc.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The export formats detc reads, how each is recognised, and its time field. The routing table is data here,
 * mirrored in {@code docs/event-sources.md}.
 *
 * <p>Recognition looks at a few top-level keys, exactly as written (key case is never normalised, see the README):
 * <ul>
 *   <li>Okta System Log {@code LogEvent}: textual {@code eventType} and {@code published}, plus {@code uuid} or
 *       {@code actor} → {@code okta/okta}.</li>
 *   <li>Entra diagnostic-settings record: textual {@code category} naming an Entra category (value compared
 *       case-insensitively) → one {@code azure/*} service, see {@link #ENTRA_CATEGORIES}.</li>
 *   <li>Azure activity-log record: an activity category ({@code Administrative}, {@code Security}, {@code Policy},
 *       …), an ARM {@code resourceId} ({@code /subscriptions/…} or {@code /providers/…}) and an
 *       {@code operationName} → {@code azure/activitylogs}. The resource id matters because {@code Policy} and
 *       {@code Security} are also plausible words in other records.</li>
 * </ul>
 */
public final class Formats {
    public static final LogSourceKey OKTA = new LogSourceKey("okta", "okta");
    public static final LogSourceKey ENTRA_SIGNIN = azure("signinlogs");
    public static final LogSourceKey ENTRA_SIGNIN_NONINTERACTIVE = azure("signinlogs_noninteractive");
    public static final LogSourceKey ENTRA_SIGNIN_SERVICEPRINCIPAL = azure("signinlogs_serviceprincipal");
    public static final LogSourceKey ENTRA_SIGNIN_MANAGEDIDENTITY = azure("signinlogs_managedidentity");
    public static final LogSourceKey ENTRA_AUDIT = azure("auditlogs");
    public static final LogSourceKey ENTRA_RISK = azure("riskdetection");
    public static final LogSourceKey ENTRA_GRAPH_ACTIVITY = azure("graphactivitylogs");
    public static final LogSourceKey AZURE_ACTIVITY = azure("activitylogs");

    /** Entra diagnostic categories (as Microsoft spells them) and the source each routes to. */
    public static final Map<String, LogSourceKey> ENTRA_CATEGORIES = Map.ofEntries(
            Map.entry("SignInLogs", ENTRA_SIGNIN),
            Map.entry("NonInteractiveUserSignInLogs", ENTRA_SIGNIN_NONINTERACTIVE),
            Map.entry("ServicePrincipalSignInLogs", ENTRA_SIGNIN_SERVICEPRINCIPAL),
            Map.entry("ManagedIdentitySignInLogs", ENTRA_SIGNIN_MANAGEDIDENTITY),
            Map.entry("AuditLogs", ENTRA_AUDIT),
            Map.entry("MicrosoftGraphActivityLogs", ENTRA_GRAPH_ACTIVITY),
            Map.entry("UserRiskEvents", ENTRA_RISK),
            Map.entry("ServicePrincipalRiskEvents", ENTRA_RISK),
            Map.entry("RiskyUsers", ENTRA_RISK),
            Map.entry("RiskyServicePrincipals", ENTRA_RISK));

    /** Azure activity-log categories (lower case). */
    public static final Set<String> ACTIVITY_CATEGORIES = Set.of("administrative", "security", "servicehealth",
            "alert", "recommendation", "policy", "autoscale", "resourcehealth");

    private static final Set<String> OKTA_KEYS = Set.of("uuid", "published", "eventType", "version", "severity",
            "legacyEventType", "displayMessage", "actor", "client", "device", "outcome", "target", "transaction",
            "debugContext", "authenticationContext", "securityContext", "request", "insertionTimestamp");
    /** The Azure Monitor common schema for resource logs; {@code Level} is the older spelling of {@code level}. */
    private static final Set<String> AZURE_KEYS = Set.of("time", "resourceId", "operationName", "operationVersion",
            "category", "tenantId", "resultType", "resultSignature", "resultDescription", "durationMs",
            "callerIpAddress", "correlationId", "identity", "Level", "level", "location", "properties");

    private static final List<LogSourceKey> KNOWN = List.of(OKTA, ENTRA_SIGNIN, ENTRA_SIGNIN_NONINTERACTIVE,
            ENTRA_SIGNIN_SERVICEPRINCIPAL, ENTRA_SIGNIN_MANAGEDIDENTITY, ENTRA_AUDIT, ENTRA_RISK,
            ENTRA_GRAPH_ACTIVITY, AZURE_ACTIVITY);
    private static final Map<String, Optional<LogSourceKey>> BY_CATEGORY = new HashMap<>();

    private static final Optional<String> PUBLISHED = Optional.of("published");
    private static final Optional<String> TIME = Optional.of("time");

    static {
        // Exact spellings first (no allocation per event), lower case as the fallback.
        ENTRA_CATEGORIES.forEach((c, k) -> {
            BY_CATEGORY.put(c, Optional.of(k));
            BY_CATEGORY.put(c.toLowerCase(Locale.ROOT), Optional.of(k));
        });
    }

    private Formats() {
    }

    /** Every source detc routes events to, in a stable order. */
    public static List<LogSourceKey> known() {
        return KNOWN;
    }

    /** The log source of one event by its export format; empty when it matches none. */
    public static Optional<LogSourceKey> detect(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Optional.empty();
        }
        JsonNode category = event.get("category");
        if (category != null && category.isTextual()) {
            String c = category.textValue();
            Optional<LogSourceKey> k = BY_CATEGORY.get(c);
            if (k == null) {
                k = BY_CATEGORY.getOrDefault(c.toLowerCase(Locale.ROOT), Optional.empty());
            }
            if (k.isPresent()) {
                return k;
            }
            return isActivity(event, c) ? Optional.of(AZURE_ACTIVITY) : Optional.empty();
        }
        if (isText(event.get("eventType")) && isText(event.get("published"))
                && (event.has("uuid") || event.has("actor"))) {
            return Optional.of(OKTA);
        }
        return Optional.empty();
    }

    /** The top-level key holding the event time for a source; empty for sources detc does not know. */
    public static Optional<String> timeField(LogSourceKey source) {
        if (source.equals(OKTA)) {
            return PUBLISHED;
        }
        return KNOWN.contains(source) ? TIME : Optional.empty();
    }

    /**
     * The documented top-level keys of a source's export shape (empty for unknown sources). Resolved rule fields
     * should start with one of them; anything else is absent from every real event.
     */
    public static Set<String> topLevelKeys(LogSourceKey source) {
        if (source.equals(OKTA)) {
            return OKTA_KEYS;
        }
        return KNOWN.contains(source) ? AZURE_KEYS : Set.of();
    }

    /**
     * The records of a batch envelope, or null when {@code event} is a single record: an Event Hub message
     * {@code {"records": [...]}} or an Okta event-hook delivery ({@code eventType: com.okta.event_hook},
     * {@code data.events: [...]}).
     */
    static JsonNode batch(JsonNode event) {
        if (event.size() == 1) {
            JsonNode records = event.get("records");
            if (records != null && records.isArray()) {
                return records;
            }
        }
        JsonNode type = event.get("eventType");
        if (type != null && "com.okta.event_hook".equals(type.textValue())) {
            JsonNode events = event.path("data").path("events");
            return events.isArray() ? events : null;
        }
        return null;
    }

    /** Why an object matched no format, as specific as the keys allow. */
    static String whyUnknown(JsonNode event) {
        JsonNode category = event.get("category");
        if (category != null && category.isTextual()) {
            String c = category.textValue();
            String id = event.path("resourceId").asText("");
            if (ACTIVITY_CATEGORIES.contains(c.toLowerCase(Locale.ROOT))) {
                return "category '" + c + "' is an Azure activity-log category, but resourceId '" + clip(id)
                        + "' is not an ARM resource id (/subscriptions/... or /providers/...)"
                        + (event.has("operationName") ? "" : ", and there is no operationName");
            }
            return "category '" + clip(c) + "' is not an Entra or Azure activity category detc reads (known: "
                    + String.join(", ", new java.util.TreeSet<>(ENTRA_CATEGORIES.keySet())) + ")";
        }
        if (isText(event.get("Type")) && event.has("TimeGenerated")) {
            return "looks like a Log Analytics (Sentinel) row of table '" + clip(event.get("Type").textValue())
                    + "'; detc reads the diagnostic-settings export (time, category, properties)";
        }
        String folded = foldedMatch(event);
        if (folded != null) {
            return folded;
        }
        if (isText(event.get("eventType"))) {
            return "has 'eventType' but not the rest of an Okta LogEvent ('published' and 'uuid' or 'actor')";
        }
        return "neither an Okta System Log event (eventType, published) nor an Entra or Azure diagnostic record"
                + " (category, time, properties)";
    }

    private static boolean isActivity(JsonNode event, String category) {
        if (!ACTIVITY_CATEGORIES.contains(category.toLowerCase(Locale.ROOT)) || !event.has("operationName")) {
            return false;
        }
        JsonNode id = event.get("resourceId");
        if (id == null || !id.isTextual()) {
            return false;
        }
        String s = id.textValue();
        return s.regionMatches(true, 0, "/subscriptions/", 0, 15) || s.regionMatches(true, 0, "/providers/", 0, 11);
    }

    /** A message about a key written in another case than a format needs ({@code eventtype}), or null. */
    private static String foldedMatch(JsonNode event) {
        for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            for (String wanted : List.of("eventType", "published", "category")) {
                if (!k.equals(wanted) && k.equalsIgnoreCase(wanted)) {
                    return "key '" + k + "' differs only in case from the export's '" + wanted + "'; detc matches"
                            + " keys exactly (normalise the fixture, not the rules)";
                }
            }
        }
        return null;
    }

    private static boolean isText(JsonNode n) {
        return n != null && n.isTextual();
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static LogSourceKey azure(String service) {
        return new LogSourceKey("azure", service);
    }
}
