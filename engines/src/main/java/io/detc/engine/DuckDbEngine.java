package io.detc.engine;

import io.detc.backend.sql.SqlBackend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * DuckDB embedded in this JVM, in memory. Extension auto-loading and auto-installing are off: nothing is fetched
 * from the network, and an unknown function fails at once instead of after a download attempt
 * (../shared/research/engines.md, section 1). The session time zone is UTC.
 */
public final class DuckDbEngine extends SqlEngine {
    public DuckDbEngine() {
        super(SqlBackend.forDialect("duckdb").orElseThrow(), connect());
        prelude();
    }

    private static Connection connect() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties p = new Properties();
            p.setProperty("autoinstall_known_extensions", "false");
            p.setProperty("autoload_known_extensions", "false");
            Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
            try (Statement st = c.createStatement()) {
                st.execute("SET TimeZone = 'UTC'");
            }
            return c;
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    /** DuckDB's appender: rows go straight into the table's columns, far faster than batched inserts. */
    @Override
    protected Sink sink(String table) throws SQLException {
        org.duckdb.DuckDBAppender a = connection.unwrap(org.duckdb.DuckDBConnection.class).createAppender(table);
        return new Sink() {
            @Override
            public void add(long seq, io.detc.event.Event e, String doc) throws SQLException {
                a.beginRow().append(seq).append(e.file()).append(e.line());
                if (e.time().isPresent()) {
                    a.append(java.time.OffsetDateTime.ofInstant(e.time().get(), java.time.ZoneOffset.UTC));
                    Long ns = nanos(e.time().get());
                    if (ns == null) {
                        a.appendNull();
                    } else {
                        a.append(ns.longValue());
                    }
                } else {
                    a.appendNull().appendNull();
                }
                a.append(doc).endRow();
            }

            @Override
            public void close() throws SQLException {
                a.close();
            }
        };
    }
}
