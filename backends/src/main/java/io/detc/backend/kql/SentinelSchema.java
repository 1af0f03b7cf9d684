package io.detc.backend.kql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Microsoft Sentinel tables the KQL backend knows, read from {@code kql/sentinel-tables.yml}: for each table its
 * columns with their Kusto types, which string columns hold JSON, which paths inside a column's value are arrays,
 * the event-time column and the Sentinel data connector. The backend checks every column a rule uses against it;
 * the tests hand the same schema to Microsoft's KQL analyser.
 *
 * <p>Invariants: immutable; table and column names are case-sensitive (as in Kusto); column order is file order.
 */
public final class SentinelSchema {
    /** The resource the shipped schema is read from. */
    public static final String RESOURCE = "/kql/sentinel-tables.yml";

    private final Map<String, Table> tables;
    private final Set<String> system;

    private SentinelSchema(Map<String, Table> tables, Set<String> system) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.system = Set.copyOf(system);
    }

    /** Kusto scalar types a column can have. */
    public enum Type {
        STRING, LONG, INT, REAL, BOOL, DATETIME, DYNAMIC, GUID;

        /** The type's name in Kusto. */
        public String kusto() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String s) {
            return switch (s) {
                case "boolean" -> BOOL;
                case "double" -> REAL;
                default -> valueOf(s.toUpperCase(Locale.ROOT));
            };
        }
    }

    /**
     * One column. {@code json} marks a string column holding JSON text (read through parse_json); {@code arrays}
     * are the paths inside the (parsed) value that hold arrays, relative to the column ({@code ""} is the value
     * itself).
     */
    public record Column(String name, Type type, boolean json, Set<String> arrays) {
        public Column {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            arrays = Set.copyOf(arrays);
        }

        /** Whether the value has structure to walk into: a dynamic column or a string holding JSON. */
        public boolean structured() {
            return type == Type.DYNAMIC || json;
        }
    }

    /** A Sentinel data connector, for {@code requiredDataConnectors}. */
    public record Connector(String connectorId, List<String> dataTypes) {
        public Connector {
            dataTypes = List.copyOf(dataTypes);
        }
    }

    /** One table: name, columns by name (file order), event-time column and connector. */
    public record Table(String name, Map<String, Column> columns, String time, Optional<Connector> connector) {
        public Table {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public Optional<Column> column(String name) {
            return Optional.ofNullable(columns.get(name));
        }
    }

    /** The shipped schema (read once). */
    public static SentinelSchema shipped() {
        return Shipped.INSTANCE;
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Map<String, Table> tables() {
        return tables;
    }

    /** Columns Log Analytics adds to every row (not part of the event): keyword search skips them. */
    public boolean isSystem(String column) {
        return system.contains(column);
    }

    /**
     * The schema as tools/kql-check reads it: {@code {"database": "detc", "tables": {"T": [{"name", "type"}]}}}
     * (a JSON column is a string to Kusto).
     */
    public String toCheckerJson() {
        StringBuilder b = new StringBuilder("{\"database\": \"detc\", \"tables\": {");
        boolean firstTable = true;
        for (Table t : tables.values()) {
            b.append(firstTable ? "\n  " : ",\n  ").append(json(t.name())).append(": [");
            firstTable = false;
            boolean firstColumn = true;
            for (Column c : t.columns().values()) {
                b.append(firstColumn ? "" : ", ").append("{\"name\": ").append(json(c.name())).append(", \"type\": ")
                        .append(json(c.type().kusto())).append('}');
                firstColumn = false;
            }
            b.append(']');
        }
        return b.append("\n}}\n").toString();
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Reads a schema document (the format of {@code kql/sentinel-tables.yml}); a malformed one throws. */
    public static SentinelSchema parse(String yaml) {
        Object root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        Map<String, Object> top = map(root, "schema");
        Set<String> system = new LinkedHashSet<>(strings(top.getOrDefault("system", List.of()), "system"));
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(top.get("tables"), "tables").entrySet()) {
            Map<String, Object> t = map(e.getValue(), e.getKey());
            Map<String, Column> columns = new LinkedHashMap<>();
            for (Map.Entry<String, Object> c : map(t.get("columns"), e.getKey() + ".columns").entrySet()) {
                columns.put(c.getKey(), column(c.getKey(), c.getValue()));
            }
            String time = String.valueOf(t.getOrDefault("time", "TimeGenerated"));
            Optional<Connector> connector = Optional.ofNullable(t.get("connector")).map(x -> {
                Map<String, Object> m = map(x, e.getKey() + ".connector");
                return new Connector(String.valueOf(m.get("connectorId")), strings(m.get("dataTypes"), "dataTypes"));
            });
            if (!columns.containsKey(time)) {
                throw new IllegalStateException("table " + e.getKey() + ": time column " + time + " is not a column");
            }
            tables.put(e.getKey(), new Table(e.getKey(), columns, time, connector));
        }
        return new SentinelSchema(tables, system);
    }

    private static Column column(String name, Object spec) {
        if (spec instanceof String s) {
            return new Column(name, Type.parse(s), false, Set.of());
        }
        Map<String, Object> m = map(spec, name);
        boolean json = Boolean.TRUE.equals(m.get("json"));
        Type type = Type.parse(String.valueOf(m.get("type")));
        if (json && type != Type.STRING) {
            throw new IllegalStateException("column " + name + ": only a string column can hold JSON");
        }
        List<String> arrays = strings(m.getOrDefault("arrays", List.of()), name + ".arrays");
        if (!arrays.isEmpty() && type != Type.DYNAMIC && !json) {
            throw new IllegalStateException("column " + name + ": arrays need a dynamic or JSON column");
        }
        return new Column(name, type, json, new LinkedHashSet<>(arrays));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException(what + " must be a mapping");
        }
        return (Map<String, Object>) o;
    }

    private static List<String> strings(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalStateException(what + " must be a list");
        }
        List<String> out = new ArrayList<>();
        l.forEach(x -> out.add(x == null ? "" : String.valueOf(x)));
        return out;
    }

    private static final class Shipped {
        static final SentinelSchema INSTANCE = load();

        private static SentinelSchema load() {
            try (InputStream in = SentinelSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
