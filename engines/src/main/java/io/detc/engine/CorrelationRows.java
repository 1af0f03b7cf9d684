package io.detc.engine;

import io.detc.correlate.Alert;
import io.detc.correlate.EventRef;
import io.detc.rule.Correlation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A correlation query's rows back into alerts: the rows of one alert share its {@code point}, carry its group
 * values and window, and one event each (io.detc.backend.sql.SqlCorrelations names the columns). Events come back
 * in the evaluator's order (time, file, line), without repeats.
 */
final class CorrelationRows {
    private CorrelationRows() {
    }

    /** A correlation alert and its place among its correlation's firings. */
    record Fired(Alert alert, long point) {
    }

    /** Runs one correlation query: one row per event of each alert (see SqlCorrelations for the columns). */
    static List<Fired> read(Connection connection, Correlation c, String sql) throws SQLException {
        int groups = c.groupBy().size();
        Map<Long, List<EventRef>> events = new LinkedHashMap<>();
        Map<Long, Map<String, String>> groupOf = new HashMap<>();
        Map<Long, Alert.Window> windows = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long point = rs.getLong(1);
                if (!groupOf.containsKey(point)) {
                    Map<String, String> g = new LinkedHashMap<>();
                    for (int i = 0; i < groups; i++) {
                        g.put(c.groupBy().get(i), rs.getString(2 + i));
                    }
                    groupOf.put(point, g);
                    long ws = rs.getLong(2 + groups);
                    boolean hasWindow = !rs.wasNull();
                    long we = rs.getLong(3 + groups);
                    if (hasWindow) {
                        windows.put(point, new Alert.Window(instant(ws), instant(we)));
                    }
                }
                events.computeIfAbsent(point, k -> new ArrayList<>()).add(new EventRef(rs.getString(4 + groups),
                        rs.getLong(5 + groups), instant(rs.getLong(6 + groups))));
            }
        } catch (SQLException e) {
            throw new SQLException("correlation " + c.key() + ": " + e.getMessage() + "\n" + sql, e);
        }
        List<Fired> out = new ArrayList<>();
        for (Map.Entry<Long, List<EventRef>> e : events.entrySet()) {
            List<EventRef> refs = e.getValue().stream().sorted(Comparator.comparing(EventRef::time)
                    .thenComparing(EventRef::file).thenComparingLong(EventRef::line)).distinct().toList();
            Alert.Window w = windows.getOrDefault(e.getKey(), new Alert.Window(refs.get(0).time(),
                    refs.stream().map(EventRef::time).max(Comparator.naturalOrder()).orElseThrow()));
            out.add(new Fired(new Alert(c, refs, Optional.of(groupOf.get(e.getKey())), Optional.of(w)),
                    e.getKey()));
        }
        return out;
    }

    private static Instant instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }
}
