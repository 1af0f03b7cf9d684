package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.backend.sql.SqlFunctions;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each dialect's helper functions ({@code detc_fold}, {@code detc_ip}, {@code detc_numkey}, {@code detc_timepart},
 * and the correlation value reader) equal their reference definitions in {@link SqlFunctions} on hostile inputs and
 * on seeded random ones. DuckDB's are SQL macros and PostgreSQL's SQL functions, so this is what proves them;
 * SQLite's are those very Java methods, so this proves their registration (and how NUL crosses the driver).
 */
class HelperFunctionsTest {
    private static final long SEED = 20261126L;

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void foldIsJavasPerCodePointFold(String engine) throws SQLException {
        List<String> inputs = new ArrayList<>(List.of("", "ABC", "Straße", "ẞß", "KELVIN K", "ſ", "İı", "ΣσςΆ",
                "Ǆǅǆ", "𐐀𐐨", "ᾈᾀ", "ﬀ", "µΜμ", "Ⅻ", "Ⓐ"));
        StringBuilder all = new StringBuilder();
        for (int cp = 0x20; cp < 0x20000; cp++) {
            if (Character.isDefined(cp) && !Character.isSurrogate((char) Math.min(cp, 0xFFFF))
                    && SqlFunctions.fold(cp) != cp) {
                all.appendCodePoint(cp);
            }
        }
        inputs.add(all.toString());
        inputs.addAll(Nasty.strings());
        Random r = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                int cp = r.nextInt(4) == 0 ? r.nextInt(0x2FFFF) : r.nextInt(0x250);
                if (Character.isValidCodePoint(cp) && (cp < 0xD800 || cp > 0xDFFF)) {
                    b.appendCodePoint(cp);
                }
            }
            inputs.add(b.toString());
        }
        check(engine, "SELECT detc_fold(?)", inputs, SqlFunctions::fold);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void addressesAreReadAsTheEvaluatorReadsThem(String engine) throws SQLException {
        List<String> inputs = new ArrayList<>(List.of("10.1.2.3", "0.0.0.0", "255.255.255.255", "256.1.1.1",
                "010.1.2.3", "10.1.2", "10.1.2.3.4", "10.1.2.3 ", " 10.1.2.3", "10.1.2.3/8", "1.2.3.04", "::",
                "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9",
                "1::2::3", ":::", "1:2:3:4:5:6::7:8", "::ffff:10.1.2.3", "::FFFF:10.1.2.3", "::ffff:010.1.2.3",
                "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:1.2.3.4", "1::1.2.3.4", "1:2:3:4:5::1.2.3.4", "fe80::1%eth0",
                "[::1]", "12345::", "2001:DB8::A", "2001:db8:0:0:0:0:0:1", "1.2.3.4::", "::1.2.3.4", ":1:2",
                "1:2:", "g::1", "", "a", "1", "::ffff:1.2.3", "1:2:3:4:5:6:7:8:1.2.3.4", "0:0:0:0:0:0:0:0"));
        Random r = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            inputs.add(randomAddress(r));
        }
        for (String net : List.of("10.0.0.0/8", "0.0.0.0/0", "0.0.0.0/8", "192.168.1.0/24", "10.1.2.3/32", "::/0",
                "::1/128", "2001:db8::/32", "::ffff:0:0/96", "fe80::/10", "ffff::/16")) {
            io.detc.value.Cidr c = io.detc.value.Cidrs.parse(net).orElseThrow();
            String low = io.detc.value.Cidrs.format(c);
            SqlEngine e = SharedEngines.get(engine);
            String test = e.backend().dialect().inNetwork("x.t", c, hex(c, false), hex(c, true));
            check(engine, "SELECT CASE WHEN " + test + " THEN 'in' ELSE 'out' END FROM (SELECT CAST(? AS "
                    + e.backend().dialect().textColumnType() + ") AS t) AS x", inputs,
                    s -> io.detc.value.Cidrs.contains(c, s) ? "in" : "out");
            assertEquals(net.contains(":") ? 32 : 8, hex(c, false).length(), low);
        }
        if (!engine.equals("postgres")) {
            check(engine, "SELECT detc_ip(?)", inputs, SqlFunctions::ip);
        }
    }

    /** The first or last address of a network as hex, as the backend writes it. */
    private static String hex(io.detc.value.Cidr c, boolean last) {
        java.math.BigInteger host = java.math.BigInteger.ONE.shiftLeft(c.bits() - c.prefix())
                .subtract(java.math.BigInteger.ONE);
        java.math.BigInteger v = last ? c.network().or(host) : c.network();
        String h = v.toString(16);
        return "0".repeat(c.bits() / 4 - h.length()) + h;
    }

    private static String randomAddress(Random r) {
        if (r.nextBoolean()) {
            return r.nextInt(300) + "." + r.nextInt(256) + "." + (r.nextInt(10) == 0 ? "0" : "") + r.nextInt(256)
                    + "." + r.nextInt(256);
        }
        List<String> g = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            g.add(Integer.toHexString(r.nextInt(4) == 0 ? 0 : r.nextInt(0x10000)));
        }
        String full = String.join(":", g);
        switch (r.nextInt(5)) {
            case 0:
                return full.toUpperCase();
            case 1:
                return full.replaceFirst("(^|:)0(:0)+(:|$)", "::");
            case 2:
                return String.join(":", g.subList(0, 6)) + ":" + r.nextInt(256) + "." + r.nextInt(256) + ".1.2";
            case 3:
                return String.join(":", g.subList(0, r.nextInt(4))) + "::" + String.join(":", g.subList(5, 8));
            default:
                return full.substring(0, Math.max(0, full.length() - r.nextInt(3)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void decimalKeysAreExact(String engine) throws SQLException {
        List<String> inputs = new ArrayList<>(List.of("0", "-0", "00", "0.0", "-0.000", "1", "01", "10", "1.0",
                "1.50", "-1", "-1.5", "1e3", "1E3", "1e+3", "1e-3", "1e0000000000000003", "1e2147483647",
                "1e2147483648", "1e-2147483648", "1.5e-2147483647", "0e99999999999", "12345678901234567890123456789",
                "-98765432109876543210.0123456789", "1.", ".5", "+5", " 5", "5 ", "0x10", "1e", "1e+", "--1", "1..2",
                "4624", "04624", "4624.0", "99999999999999999999e-20", "NaN", "Infinity", "", "1_000"));
        Random r = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            BigDecimal d = new BigDecimal(new java.math.BigInteger(r.nextInt(90) + 1, r), r.nextInt(40) - 20);
            String s = r.nextBoolean() ? d.toPlainString() : d.toString();
            inputs.add(r.nextInt(3) == 0 ? s.replace("E", "e") : s);
        }
        check(engine, "SELECT detc_numkey(?)", inputs, SqlFunctions::numkey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void correlationValuesAreNumbersWhereBigDecimalReadsThem(String engine) throws SQLException {
        List<String> inputs = new ArrayList<>(List.of("1", " 2 ", "\t3\n", "+4", "-5", ".5", "5.", "1e3", "1E+3",
                "1e-3", "0x10", "", " ", "1 2", "1,5", "NaN", "Infinity", "1e", "--1", "+.5e2", "12345678901234567890",
                "\u00a05", "1_0"));
        SqlEngine e = SharedEngines.get(engine);
        check(engine, "SELECT CASE WHEN " + e.backend().dialect().decimal("x.t") + " IS NULL THEN 'none' ELSE"
                + " 'number' END FROM (SELECT CAST(? AS " + e.backend().dialect().textColumnType() + ") AS t) AS x",
                inputs, s -> {
                    try {
                        if (s.isBlank()) {
                            return "none";
                        }
                        new BigDecimal(s.trim());
                        return "number";
                    } catch (NumberFormatException x) {
                        return "none";
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
    void timePartsAreReadInTheirOwnOffset(String engine) throws SQLException {
        List<String> stamps = new ArrayList<>(List.of("2021-01-01", "2021-01-01T23:59:59Z", "2020-12-31T00:00:00",
                "2024-02-29T10:00:00.123+05:30", "2023-02-29T10:00:00Z", "2021-01-04 12:30", "2021-01-04t12:30:60",
                "2021-01-04T24:00:00Z", "2021-01-04T12:60:00Z", "2021-01-04T12:30:61Z", "2021-01-04T12:30:00+24:00",
                "2021-01-04T12:30:00+0530", "2021-01-04T12:30:00+05", "2021-01-04T12:30:00+05:", "2021-01-04T12",
                "2021-01-04T12:3", "20210104T123000Z", "2021-13-01", "2021-00-10", "0000-01-01", "9999-12-31",
                "2021-01-04T12:30:00,5z", "2021-01-04T12:30:00.Z", "1609459200", "2021-01-04T12:30:00Z ",
                "2004-12-31", "2005-01-02", "2008-12-29", "2010-01-03", "2015-12-31", "2016-01-03", "1900-02-29",
                "2000-02-29", "2026-05-04T09:00:00.1234567Z", ""));
        Random r = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            stamps.add(String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", r.nextInt(10000), r.nextInt(14),
                    r.nextInt(33), r.nextInt(25), r.nextInt(61), r.nextInt(62)));
        }
        for (String unit : List.of("minute", "hour", "day", "week", "month", "year")) {
            check(engine, "SELECT detc_timepart(?, '" + unit + "')", stamps, s -> {
                Integer p = SqlFunctions.timepart(s, unit);
                return p == null ? null : p.toString();
            });
        }
    }

    /**
     * Evaluates {@code sql} (an expression over the parameter, written {@code ?}) on every input at once: the inputs
     * go into a table and one query reads them all, so each engine plans the expression once.
     */
    private static void check(String engine, String sql, List<String> inputs, Function<String, String> reference)
            throws SQLException {
        SqlEngine e = SharedEngines.get(engine);
        String text = e.backend().dialect().textColumnType();
        List<String> kept = inputs.stream().filter(s -> e.backend().dialect().escaper().canHold(s)).toList();
        try (java.sql.Statement st = e.connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS detc_test_inputs");
            st.execute("CREATE TABLE detc_test_inputs (i INTEGER, t " + text + ")");
        }
        try (PreparedStatement ps = e.connection.prepareStatement("INSERT INTO detc_test_inputs VALUES (?, ?)")) {
            for (int i = 0; i < kept.size(); i++) {
                ps.setInt(1, i);
                ps.setString(2, kept.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // "SELECT f(?) ..." becomes "SELECT i, f(t) FROM detc_test_inputs" (the FROM of a check, if any, aliased x).
        String expr = sql.startsWith("SELECT ") ? sql.substring(7) : sql;
        String query;
        int from = expr.indexOf(" FROM (SELECT CAST(? AS ");
        if (from >= 0) {
            query = "SELECT x.i, " + expr.substring(0, from) + " FROM (SELECT i, t FROM detc_test_inputs) AS x"
                    + " ORDER BY x.i";
        } else {
            query = "SELECT i, " + expr.replace("?", "t") + " FROM detc_test_inputs ORDER BY i";
        }
        List<String> failures = new ArrayList<>();
        try (java.sql.Statement st = e.connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                String s = kept.get(rs.getInt(1));
                String got = rs.getString(2);
                String want = reference.apply(s);
                if (!Objects.equals(want, got)) {
                    failures.add("'" + s + "': want " + want + ", got " + got);
                }
            }
        }
        assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures, failures.size()
                + " differences in " + engine + " for " + sql);
    }
}
