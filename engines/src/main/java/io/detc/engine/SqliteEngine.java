package io.detc.engine;

import com.google.re2j.Pattern;
import io.detc.backend.sql.SqlBackend;
import io.detc.backend.sql.SqlFunctions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.Function;

/**
 * SQLite embedded in this JVM, in memory, with the functions the SQLite dialect's queries call registered through
 * the JDBC driver: {@code regexp} (so {@code x REGEXP p} is RE2/J's unanchored search, the evaluator's engine),
 * {@code detc_fold}, {@code detc_ip}, {@code detc_numkey} and {@code detc_timepart} ({@link SqlFunctions}). All are
 * deterministic; NULL in gives NULL out.
 */
public final class SqliteEngine extends SqlEngine {
    public SqliteEngine() {
        super(SqlBackend.forDialect("sqlite").orElseThrow(), connect());
    }

    private static Connection connect() {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
            register(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start SQLite: " + e.getMessage(), e);
        }
    }

    /** Registers the dialect's functions on a connection. */
    public static void register(Connection c) throws SQLException {
        Map<String, Pattern> cache = new ConcurrentHashMap<>();
        Function.create(c, "regexp", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String pattern = value_text(0);
                String text = value_text(1);
                if (pattern == null || text == null) {
                    result();
                    return;
                }
                Pattern p = cache.computeIfAbsent(pattern, Pattern::compile);
                result(p.matcher(text).find() ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
        Function.create(c, "detc_fold", text(SqlFunctions::fold), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "detc_ip", text(SqlFunctions::ip), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "detc_numkey", text(SqlFunctions::numkey), 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, "detc_timepart", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                Integer part = SqlFunctions.timepart(value_text(0), value_text(1));
                if (part == null) {
                    result();
                } else {
                    result(part);
                }
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    private static Function text(java.util.function.UnaryOperator<String> f) {
        return new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String out = f.apply(value_text(0));
                if (out == null) {
                    result();
                } else {
                    result(out);
                }
            }
        };
    }

    @Override
    public String name() {
        return "sqlite";
    }
}
