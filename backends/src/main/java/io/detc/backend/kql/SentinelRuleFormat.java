package io.detc.backend.kql;

import io.detc.Compilation;
import io.detc.backend.kql.SentinelSchema.Connector;
import io.detc.backend.kql.SentinelSchema.Table;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.SigmaRule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A Microsoft Sentinel scheduled analytic rule in the YAML form of the Azure-Sentinel repository (Solutions/*
 * /Analytic Rules/*.yaml): id, name, description, severity, requiredDataConnectors, queryFrequency, queryPeriod,
 * triggerOperator, triggerThreshold, tactics, relevantTechniques, query, entityMappings, version, kind.
 *
 * <ul>
 *   <li>{@code id} is the rule's UUID, or a name-based UUID of its key when it has none (stable across runs).</li>
 *   <li>severity from {@code level} (critical is High, Sentinel's highest); tactics and techniques from the
 *       {@code attack.*} tags.</li>
 *   <li>A rule runs every hour over the last hour. A correlation looks back an hour plus its timespan, so a window
 *       that straddles two runs is seen whole (twice the timespan for absence, whose window extends after the
 *       anchor); one alert may then be raised by two runs.</li>
 *   <li>Entities: an Account for the user column, an IP for the address column of the table, where the query's
 *       rows have them (for a correlation: the group-by fields that are such columns).</li>
 * </ul>
 * All text is written as YAML double-quoted scalars, except the query, a literal block scalar that keeps it exactly.
 */
final class SentinelRuleFormat {
    /** Sigma ATT&CK tactic tags to Sentinel tactic names. */
    private static final Map<String, String> TACTICS = new LinkedHashMap<>();

    static {
        TACTICS.put("reconnaissance", "Reconnaissance");
        TACTICS.put("resource-development", "ResourceDevelopment");
        TACTICS.put("initial-access", "InitialAccess");
        TACTICS.put("execution", "Execution");
        TACTICS.put("persistence", "Persistence");
        TACTICS.put("privilege-escalation", "PrivilegeEscalation");
        TACTICS.put("defense-evasion", "DefenseEvasion");
        TACTICS.put("credential-access", "CredentialAccess");
        TACTICS.put("discovery", "Discovery");
        TACTICS.put("lateral-movement", "LateralMovement");
        TACTICS.put("collection", "Collection");
        TACTICS.put("exfiltration", "Exfiltration");
        TACTICS.put("command-and-control", "CommandAndControl");
        TACTICS.put("impact", "Impact");
    }

    /** Columns that identify an account, and the Account identifier they fill. */
    private static final List<String> ACCOUNT_COLUMNS = List.of("UserPrincipalName", "OriginalActorAlternateId",
            "actor_alternateId_s", "Caller");
    /** Columns that hold the client address. */
    private static final List<String> IP_COLUMNS = List.of("IPAddress", "IpAddress", "SrcIpAddr", "client_ipAddress_s",
            "CallerIpAddress");

    private SentinelRuleFormat() {
    }

    static String render(Document d, String query, List<Table> tables, List<Pipeline> pipelines,
                         Compilation compilation) {
        StringBuilder b = new StringBuilder();
        b.append("id: ").append(id(d)).append('\n');
        b.append("name: ").append(quote(d.meta().title())).append('\n');
        b.append("description: ").append(quote(d.meta().description().orElse(d.meta().title()))).append('\n');
        b.append("severity: ").append(severity(d.meta().level())).append('\n');
        b.append("requiredDataConnectors:\n");
        Map<String, Set<String>> connectors = new LinkedHashMap<>();
        for (Table t : tables) {
            Optional<Connector> c = t.connector();
            c.ifPresent(x -> connectors.computeIfAbsent(x.connectorId(), k -> new LinkedHashSet<>())
                    .addAll(x.dataTypes()));
        }
        if (connectors.isEmpty()) {
            b.setLength(b.length() - 1);
            b.append(" []\n");
        }
        connectors.forEach((id, types) -> {
            b.append("  - connectorId: ").append(id).append('\n');
            b.append("    dataTypes:\n");
            types.forEach(t -> b.append("      - ").append(t).append('\n'));
        });
        Duration period = Duration.ofHours(1);
        if (d instanceof Correlation c) {
            Duration span = c.timespan().orElse(Duration.ZERO);
            period = period.plus(c.expression().isPresent() ? span.multipliedBy(2) : span);
        }
        b.append("queryFrequency: 1h\n");
        b.append("queryPeriod: ").append(KqlCorrelationBodies.timespan(period)).append('\n');
        b.append("triggerOperator: gt\n");
        b.append("triggerThreshold: 0\n");
        List<String> tactics = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        for (String tag : d.meta().tags()) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (!t.startsWith("attack.")) {
                continue;
            }
            String rest = t.substring("attack.".length());
            if (TACTICS.containsKey(rest) && !tactics.contains(TACTICS.get(rest))) {
                tactics.add(TACTICS.get(rest));
            } else if (rest.matches("t[0-9]{4}(\\.[0-9]{3})?")) {
                String tech = rest.toUpperCase(Locale.ROOT);
                if (!techniques.contains(tech)) {
                    techniques.add(tech);
                }
            }
        }
        list(b, "tactics", tactics);
        list(b, "relevantTechniques", techniques);
        b.append("query: |\n");
        for (String line : query.split("\n", -1)) {
            if (!line.isEmpty()) {
                b.append("  ").append(line);
            }
            b.append('\n');
        }
        while (b.charAt(b.length() - 1) == '\n' && b.charAt(b.length() - 2) == '\n') {
            b.setLength(b.length() - 1);
        }
        List<String[]> entities = entities(d, tables, pipelines, compilation);
        if (entities.isEmpty()) {
            b.append("entityMappings: []\n");
        } else {
            b.append("entityMappings:\n");
            for (String[] e : entities) {
                b.append("  - entityType: ").append(e[0]).append('\n');
                b.append("    fieldMappings:\n");
                b.append("      - identifier: ").append(e[1]).append('\n');
                b.append("        columnName: ").append(quote(e[2])).append('\n');
            }
        }
        b.append("version: 1.0.0\n");
        b.append("kind: Scheduled\n");
        return b.toString();
    }

    private static void list(StringBuilder b, String key, List<String> items) {
        if (items.isEmpty()) {
            b.append(key).append(": []\n");
            return;
        }
        b.append(key).append(":\n");
        items.forEach(i -> b.append("  - ").append(i).append('\n'));
    }

    /** {entityType, identifier, column} for the account and address columns the output rows carry. */
    private static List<String[]> entities(Document d, List<Table> tables, List<Pipeline> pipelines,
                                           Compilation compilation) {
        List<String[]> out = new ArrayList<>();
        if (d instanceof SigmaRule) {
            for (String col : ACCOUNT_COLUMNS) {
                if (tables.stream().anyMatch(t -> t.column(col).isPresent())) {
                    out.add(new String[] {"Account", "FullName", col});
                    break;
                }
            }
            for (String col : IP_COLUMNS) {
                if (tables.stream().anyMatch(t -> t.column(col).isPresent())) {
                    out.add(new String[] {"IP", "Address", col});
                    break;
                }
            }
            return out;
        }
        Correlation c = (Correlation) d;
        // A group-by field is an entity when, for a rule it correlates, the pipelines map it to such a column.
        List<SigmaRule> rules = new ArrayList<>();
        collectRules(c, compilation, rules, new LinkedHashSet<>());
        boolean account = false;
        boolean ip = false;
        for (String g : c.groupBy()) {
            for (SigmaRule r : rules) {
                String field = aliased(c, g, r);
                List<String> names = PipelineApplier.field(pipelines, r.logsource(), field);
                if (!account && names.stream().anyMatch(ACCOUNT_COLUMNS::contains)) {
                    out.add(new String[] {"Account", "FullName", g});
                    account = true;
                    break;
                }
                if (!ip && names.stream().anyMatch(IP_COLUMNS::contains)) {
                    out.add(new String[] {"IP", "Address", g});
                    ip = true;
                    break;
                }
            }
        }
        return out;
    }

    private static String aliased(Correlation c, String field, SigmaRule r) {
        for (Correlation.Alias a : c.aliases()) {
            if (a.name().equals(field)) {
                for (Map.Entry<String, String> e : a.fields().entrySet()) {
                    if (r.meta().name().map(e.getKey()::equals).orElse(false)
                            || r.meta().id().map(e.getKey()::equals).orElse(false)) {
                        return e.getValue();
                    }
                }
            }
        }
        return field;
    }

    private static void collectRules(Correlation c, Compilation compilation, List<SigmaRule> out,
                                     Set<Correlation> seen) {
        if (!seen.add(c)) {
            return;
        }
        for (var ref : c.rules()) {
            for (Document d : compilation.documents()) {
                boolean named = d.meta().id().map(ref.target()::equals).orElse(false)
                        || d.meta().name().map(ref.target()::equals).orElse(false);
                if (!named) {
                    continue;
                }
                if (d instanceof SigmaRule r) {
                    out.add(r);
                } else if (d instanceof Correlation inner) {
                    collectRules(inner, compilation, out, seen);
                }
            }
        }
    }

    private static String id(Document d) {
        Optional<String> id = d.meta().id().filter(s -> s.matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
        return id.orElseGet(() -> UUID.nameUUIDFromBytes(("detc:" + d.key()).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    private static String severity(Optional<String> level) {
        return switch (level.orElse("medium")) {
            case "informational" -> "Informational";
            case "low" -> "Low";
            case "high", "critical" -> "High";
            default -> "Medium";
        };
    }

    /** A YAML double-quoted scalar holding exactly {@code s}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == '"' || cp == '\\') {
                b.append('\\').append((char) cp);
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                for (int k = i; k < i + n; k++) {
                    b.append(String.format("\\u%04x", (int) s.charAt(k)));
                }
            } else {
                b.append(s, i, i + n);
            }
            i += n;
        }
        return b.append('"').toString();
    }
}
