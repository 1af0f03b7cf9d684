package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.backend.sql.SqlEscaper;
import io.detc.value.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hostile string of testdata/strings/nasty.txt through each dialect's one escaper, executed for real:
 * {@code SELECT <literal>} returns exactly the string; the string as a LIKE (GLOB in SQLite) pattern with no
 * wildcards matches itself and nothing longer; as a JSON key path it reads exactly that key. A string a dialect
 * cannot hold (NUL in PostgreSQL) must be refused by the escaper, never altered.
 */
class EscapingTest {
    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void literalsRoundTrip(String engine) throws SQLException {
        SqlEngine e = SharedEngines.get(engine);
        SqlEscaper esc = e.backend().dialect().escaper();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (String s : Nasty.strings()) {
            if (!esc.canHold(s)) {
                assertEquals("postgres", engine, "only PostgreSQL refuses a nasty string: " + s);
                assertTrue(s.indexOf('\0') >= 0, "PostgreSQL refuses only NUL: " + s);
                refused++;
                continue;
            }
            String got = one(e, "SELECT " + esc.literal(s));
            if (!s.equals(got)) {
                failures.add(esc.literal(s) + " gave " + got);
            }
            String like = esc.literal(esc.pattern(Text.literal(s)));
            String match = engine.equals("sqlite") ? e.backend().dialect().like(esc.literal(s), like,
                    esc.pattern(Text.literal(s))) : esc.literal(s) + " LIKE " + like + " ESCAPE '\\'";
            if (!truth(e, match)) {
                failures.add("pattern " + like + " does not match its own text");
            }
            String longer = engine.equals("sqlite") ? e.backend().dialect().like(esc.literal(s + "x"), like,
                    esc.pattern(Text.literal(s))) : esc.literal(s + "x") + " LIKE " + like + " ESCAPE '\\'";
            if (truth(e, longer)) {
                failures.add("pattern " + like + " matches a longer text");
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(engine.equals("postgres") ? 1 : 0, refused);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void jsonKeysReadExactlyTheirKey(String engine) throws Exception {
        SqlEngine e = SharedEngines.get(engine);
        SqlEscaper esc = e.backend().dialect().escaper();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> failures = new ArrayList<>();
        for (String s : Nasty.strings()) {
            if (!esc.canHold(s)) {
                continue;
            }
            if (e.backend().dialect().keyProblem(s).isPresent()) {
                assertEquals("sqlite", engine, "only SQLite refuses a key: " + s);
                assertTrue(s.indexOf('\0') >= 0, "SQLite refuses only NUL in a key: " + s);
                continue;
            }
            // The key holds 1; a decoy key that a sloppy path would read holds 2.
            String doc = json.writeValueAsString(java.util.Map.of(s, 1, s + "x", 2, "a", 3));
            String node = e.backend().dialect().child(jsonLiteral(e, esc, doc), s);
            String got = one(e, "SELECT CAST(" + node + " AS " + e.backend().dialect().textColumnType() + ")");
            if (!"1".equals(got)) {
                failures.add("key " + esc.literal(s) + " read " + got);
            }
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void controlCharactersAreNeverRaw(String engine) {
        SqlEscaper esc = SharedEngines.get(engine).backend().dialect().escaper();
        for (String s : Nasty.strings()) {
            if (esc.canHold(s)) {
                String lit = esc.literal(s);
                assertFalse(lit.chars().anyMatch(c -> c < 0x20 || c == 0x202e || c == 0x202c), lit);
            }
        }
    }

    private static String jsonLiteral(SqlEngine e, SqlEscaper esc, String doc) {
        String t = e.backend().dialect().jsonColumnType();
        return "CAST(" + esc.literal(doc) + " AS " + t + ")";
    }

    private static String one(SqlEngine e, String sql) throws SQLException {
        try (Statement st = e.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean truth(SqlEngine e, String condition) throws SQLException {
        String v = one(e, "SELECT CASE WHEN " + condition + " THEN 1 ELSE 0 END");
        return "1".equals(v);
    }
}
