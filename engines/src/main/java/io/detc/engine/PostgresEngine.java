package io.detc.engine;

import io.detc.backend.sql.SqlBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL: a server given by JDBC URL, or one started from zonky's embedded binaries (PostgreSQL 14 from Maven
 * Central, extracted under the temp folder; it refuses no root user and needs no apt). Each engine works in its own
 * schema, so several can share a server; the helper functions of the dialect are created there. The database must
 * be UTF8 (checked). A document holding the NUL character cannot be stored (PostgreSQL text cannot hold it): such
 * events are listed in {@link EngineResult#notLoaded()}.
 */
public final class PostgresEngine extends SqlEngine {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final String schema;

    private PostgresEngine(Connection c, String schema) {
        super(SqlBackend.forDialect("postgres").orElseThrow(), c);
        this.schema = schema;
        prelude();
    }

    /** An engine on the embedded server (started once per JVM). */
    public static PostgresEngine embedded() {
        try {
            return on(Embedded.server().getPostgresDatabase().getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the embedded server (started if needed), for tests of {@link #connect}. */
    static String embeddedUrl() {
        return Embedded.server().getJdbcUrl("postgres", "postgres");
    }

    /** An engine on a server given by URL ({@code jdbc:postgresql://host/db?user=...}). */
    public static PostgresEngine connect(String url) {
        try {
            return on(DriverManager.getConnection(url));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }

    private static PostgresEngine on(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW server_encoding")) {
                rs.next();
                if (!rs.getString(1).equalsIgnoreCase("UTF8")) {
                    throw new SQLException("the database encoding is " + rs.getString(1) + "; detc needs UTF8");
                }
            }
            String schema = "detc_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
            st.execute("SET search_path TO " + schema);
            st.execute("SET TimeZone = 'UTC'");
            return new PostgresEngine(c, schema);
        }
    }

    @Override
    protected Optional<String> storable(String json) {
        return json.contains("\\u0000") ? Optional.of("PostgreSQL text cannot hold the NUL character (U+0000)")
                : Optional.empty();
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // the schema goes with the server anyway
        }
        super.close();
    }

    /** The embedded server, started on first use and stopped when the JVM exits. */
    private static final class Embedded {
        private static EmbeddedPostgres server;

        static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                            .start();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
                }
                EmbeddedPostgres s = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // the process is exiting
                    }
                }));
            }
            return server;
        }
    }
}
