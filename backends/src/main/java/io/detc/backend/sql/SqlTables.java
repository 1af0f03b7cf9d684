package io.detc.backend.sql;

import io.detc.event.Formats;
import io.detc.event.LogSourceKey;
import io.detc.rule.LogSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event tables: one per log source, named {@code events_<product>_<service>} unless a pipeline sets
 * {@code query_table}, with the columns
 * <pre>
 *   seq  BIGINT   input order over every file and table (ties nothing: each event has its own)
 *   file TEXT     the events file as given
 *   line BIGINT   1-based line (events of one batch envelope share it)
 *   time          the event time (TIMESTAMPTZ, text in SQLite), NULL when the event has none
 *   ns   BIGINT   the event time as nanoseconds since 1970-01-01T00:00Z, NULL when none (correlation windows)
 *   doc  JSON     the event as one JSON document (jsonb in PostgreSQL, text in SQLite)
 * </pre>
 * A rule reads the tables of every log source its logsource names: the detc sources ({@link Formats#known()}) it
 * matches, or, when it names both product and service, that pair even if detc does not know it (a source forced
 * with {@code --source}). As in the evaluator, a logsource with a category matches no detc source. Silence
 * correlations also read the view {@link #ALL_EVENTS}.
 */
public final class SqlTables {
    /**
     * The view over every event table's {@code ns} ({@code SELECT ns FROM events_a UNION ALL SELECT ns FROM ...}) that
     * {@code silence} reads for the newest event time of the whole input. Whoever loads the tables keeps it.
     */
    public static final String ALL_EVENTS = "detc_all_events";

    private SqlTables() {
    }

    /** The column list of an event table in {@code d}. */
    public static String columns(SqlDialect d) {
        return "seq " + d.bigintColumnType() + " NOT NULL, file " + d.textColumnType() + " NOT NULL, line "
                + d.bigintColumnType() + " NOT NULL, time " + timeType(d) + ", ns " + d.bigintColumnType()
                + ", doc " + d.jsonColumnType() + " NOT NULL";
    }

    /** The SQL type of the {@code time} column. */
    public static String timeType(SqlDialect d) {
        return d instanceof SqliteDialect ? "TEXT" : d instanceof PostgresDialect ? "timestamptz" : "TIMESTAMPTZ";
    }

    /** The default table of a log source. */
    public static String defaultTable(LogSourceKey source) {
        return "events_" + source.product() + "_" + source.service();
    }

    /** The log sources a rule's logsource covers, in detc's order. */
    public static List<LogSourceKey> sources(LogSource ls) {
        List<LogSourceKey> out = new ArrayList<>();
        if (ls.category().isPresent()) {
            return out;
        }
        for (LogSourceKey k : Formats.known()) {
            if (k.matches(ls)) {
                out.add(k);
            }
        }
        if (out.isEmpty() && ls.product().isPresent() && ls.service().isPresent()) {
            Optional<LogSourceKey> own = LogSourceKey.parse(ls.product().get() + "/" + ls.service().get());
            own.ifPresent(out::add);
        }
        return out;
    }

    /** The logsource a pipeline sees for events of {@code source} (the evaluator applies mappings per event source). */
    static LogSource of(LogSourceKey source) {
        return new LogSource(Optional.empty(), Optional.of(source.product()), Optional.of(source.service()),
                Optional.empty(), Map.of());
    }
}
