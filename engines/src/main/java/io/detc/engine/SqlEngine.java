package io.detc.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.Compilation;
import io.detc.backend.sql.SqlBackend;
import io.detc.backend.sql.SqlTables;
import io.detc.event.Event;
import io.detc.event.EventProblem;
import io.detc.event.EventReader;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Correlation;
import io.detc.rule.SigmaRule;
import io.detc.run.AlertJson;
import io.detc.run.EventInput;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An SQL engine reached through JDBC: loads the events into one table per log source (the columns of
 * {@link SqlTables}), runs each rule's query from {@link SqlBackend}, and turns the rows into alerts. The queries are
 * the backend's output exactly as {@code detc compile} prints it; this class adds only the loading and the alert
 * bookkeeping the evaluator also does (order, {@code generate}).
 *
 * <p>Not thread-safe: one run at a time per engine. With {@code -Ddetc.engine.trace=true} every query's time goes
 * to stderr (for finding slow rules).
 */
public abstract class SqlEngine implements Engine {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1000;
    private static final boolean TRACE = Boolean.getBoolean("detc.engine.trace");

    protected final SqlBackend backend;
    protected final Connection connection;
    private final List<Pipeline> pipelines;
    private final Set<String> tables = new LinkedHashSet<>();

    protected SqlEngine(SqlBackend backend, Connection connection) {
        this.backend = backend;
        this.connection = connection;
        this.pipelines = backend.defaultPipelines();
    }

    /** Creates the helper functions of the dialect ({@link SqlBackend#prelude()}); call once per database. */
    protected void prelude() {
        try (Statement st = connection.createStatement()) {
            for (String sql : backend.prelude()) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(name() + ": cannot create the detc helper functions: " + e.getMessage(), e);
        }
    }

    public SqlBackend backend() {
        return backend;
    }

    @Override
    public EngineResult execute(Compilation compilation, List<EventInput> inputs) {
        try {
            return executeSql(compilation, inputs);
        } catch (SQLException e) {
            throw new IllegalStateException(name() + ": " + e.getMessage(), e);
        }
    }

    private EngineResult executeSql(Compilation compilation, List<EventInput> inputs) throws SQLException {
        dropTables();
        long t0 = System.nanoTime();
        Loaded loaded = load(inputs);
        allEventsView();
        long t1 = System.nanoTime();
        if (TRACE) {
            System.err.println(name() + " load " + loaded.events + " events " + (t1 - t0) / 1_000_000 + " ms");
        }
        EnginePlan plan = EnginePlan.of(backend, compilation, pipelines);
        List<Single> singles = new ArrayList<>();
        for (EnginePlan.Step<SigmaRule> step : plan.rules()) {
            SigmaRule rule = step.document();
            for (LogSourceKey s : SqlBackend.sources(rule)) {
                ensureTable(backend.table(s, pipelines));
            }
            long q0 = System.nanoTime();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(step.text())) {
                while (rs.next()) {
                    singles.add(new Single(rs.getLong(1), step.index(), rule, rs.getString(2), rs.getLong(3)));
                }
                if (TRACE) {
                    System.err.println(name() + " " + rule.key() + " " + (System.nanoTime() - q0) / 1_000_000 + " ms, "
                            + step.text().length() + " chars");
                }
            } catch (SQLException e) {
                throw new SQLException("rule " + rule.key() + ": " + e.getMessage() + "\n" + step.text(), e);
            }
        }
        singles.sort(Comparator.comparingLong(Single::seq).thenComparingInt(Single::ruleIndex));
        List<String> alerts = new ArrayList<>();
        for (Single s : singles) {
            alerts.add(EnginePlan.singleAlert(s.rule(), s.file(), s.line()));
        }
        List<CorrelationRows.Fired> fired = new ArrayList<>();
        for (EnginePlan.Step<Correlation> step : plan.correlations()) {
            Correlation c = step.document();
            for (io.detc.rule.RuleRef r : c.rules()) {
                if (plan.links().resolve(r.target()).orElse(null) instanceof SigmaRule rule) {
                    for (LogSourceKey s : SqlBackend.sources(rule)) {
                        ensureTable(backend.table(s, pipelines));
                    }
                }
            }
            long q0 = System.nanoTime();
            fired.addAll(CorrelationRows.read(connection, c, step.text()));
            if (TRACE) {
                System.err.println(name() + " " + c.key() + " " + (System.nanoTime() - q0) / 1_000_000 + " ms, "
                        + step.text().length() + " chars (correlation)");
            }
        }
        fired.sort(Comparator.comparing((CorrelationRows.Fired f) -> f.alert().window().orElseThrow().end())
                .thenComparing(f -> f.alert().source().key()).thenComparingLong(CorrelationRows.Fired::point));
        for (CorrelationRows.Fired f : fired) {
            alerts.add(AlertJson.line(f.alert()));
        }
        long t2 = System.nanoTime();
        return new EngineResult(alerts, plan.unsupported(), loaded.problems, loaded.notLoaded, loaded.events, t1 - t0,
                t2 - t1);
    }

    private record Single(long seq, int ruleIndex, SigmaRule rule, String file, long line) {
    }

    /** What loading saw. */
    private static final class Loaded {
        final List<EventProblem> problems = new ArrayList<>();
        final List<String> notLoaded = new ArrayList<>();
        long events;
    }

    /** Where the rows of one table go while loading. */
    protected interface Sink extends AutoCloseable {
        void add(long seq, Event e, String doc) throws SQLException;

        /** Writes what is pending and releases the sink. */
        @Override
        void close() throws SQLException;
    }

    /** A sink that inserts rows in batches through a prepared statement; engines with a faster path override. */
    protected Sink sink(String table) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table
                + " (seq, file, line, time, ns, doc) VALUES (?, ?, ?, " + timeParameter() + ", ?, "
                + backend.dialect().jsonParameter() + ")");
        return new Sink() {
            private int pending;

            @Override
            public void add(long seq, Event e, String doc) throws SQLException {
                bind(ps, seq, e, doc);
                ps.addBatch();
                if (++pending >= BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }

            @Override
            public void close() throws SQLException {
                if (pending > 0) {
                    ps.executeBatch();
                }
                ps.close();
            }
        };
    }

    /** Reads every input in order (the evaluator's reader) and writes the events to their tables. */
    private Loaded load(List<EventInput> inputs) throws SQLException {
        Loaded out = new Loaded();
        Map<LogSourceKey, String> tableOf = new HashMap<>();
        Map<String, Sink> sinks = new LinkedHashMap<>();
        long[] seq = {0};
        EventReader reader = new EventReader();
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (EventInput in : inputs) {
                SQLException[] failure = {null};
                reader.read(in.path(), in.shown(), in.forced(), (Event e) -> {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        out.events++;
                        String table = tableOf.computeIfAbsent(e.source(), s -> backend.table(s, pipelines));
                        String doc = JSON.writeValueAsString(e.json());
                        Optional<String> why = storable(doc);
                        if (why.isPresent()) {
                            out.notLoaded.add(e.where() + ": " + why.get());
                            seq[0]++;
                            return;
                        }
                        Sink sink = sinks.get(table);
                        if (sink == null) {
                            ensureTable(table);
                            sink = sink(table);
                            sinks.put(table, sink);
                        }
                        sink.add(seq[0]++, e, doc);
                    } catch (SQLException ex) {
                        failure[0] = ex;
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }, out.problems::add);
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            for (Sink sink : sinks.values()) {
                sink.close();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(auto);
        }
        return out;
    }

    /** Why this engine cannot store a document as it is, or empty. */
    protected Optional<String> storable(String json) {
        return Optional.empty();
    }

    /** The parameter expression of the time column ({@code CAST(? AS TIMESTAMPTZ)}). */
    protected String timeParameter() {
        return "CAST(? AS " + SqlTables.timeType(backend.dialect()) + ")";
    }

    protected static void bind(PreparedStatement ps, long seq, Event e, String doc) throws SQLException {
        ps.setLong(1, seq);
        ps.setString(2, e.file());
        ps.setLong(3, e.line());
        if (e.time().isPresent()) {
            Instant t = e.time().get();
            ps.setString(4, t.toString());
            Long ns = nanos(t);
            if (ns == null) {
                ps.setNull(5, java.sql.Types.BIGINT);
            } else {
                ps.setLong(5, ns);
            }
        } else {
            ps.setNull(4, java.sql.Types.VARCHAR);
            ps.setNull(5, java.sql.Types.BIGINT);
        }
        ps.setString(6, doc);
    }

    /** Nanoseconds since the epoch, or null outside 1677-2262 (the range of a signed 64-bit count). */
    protected static Long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private void ensureTable(String table) throws SQLException {
        if (tables.add(table)) {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE " + table + " (" + SqlTables.columns(backend.dialect()) + ")");
            }
        }
    }

    /** The view over every loaded table's times ({@link SqlTables#ALL_EVENTS}), for silence's horizon. */
    private void allEventsView() throws SQLException {
        List<String> selects = new ArrayList<>();
        for (String t : tables) {
            selects.add("SELECT ns FROM " + t);
        }
        if (selects.isEmpty()) {
            selects.add("SELECT CAST(NULL AS BIGINT) AS ns WHERE 1 = 0");
        }
        try (Statement st = connection.createStatement()) {
            st.execute("DROP VIEW IF EXISTS " + SqlTables.ALL_EVENTS);
            st.execute("CREATE VIEW " + SqlTables.ALL_EVENTS + " AS " + String.join(" UNION ALL ", selects));
        }
    }

    private void dropTables() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP VIEW IF EXISTS " + SqlTables.ALL_EVENTS);
            for (String t : tables) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
        }
        tables.clear();
    }

    @Override
    public void close() {
        try {
            dropTables();
            connection.close();
        } catch (SQLException e) {
            // closing an in-memory database cannot lose anything
        }
    }
}
