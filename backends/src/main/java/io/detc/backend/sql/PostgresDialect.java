package io.detc.backend.sql;

import io.detc.ir.Matcher;
import io.detc.value.Cidr;
import io.detc.value.Cidrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL (14 and later; the tests run 14 through zonky's embedded binaries). Documents are {@code jsonb}; a key
 * is {@code node -> 'key'} (SQL NULL when missing or not an object), arrays are flattened by the recursive SQL
 * function {@code detc_flatten}. Networks use {@code inet}, cast only after the text matched detc's strict address
 * grammar (a bad cast would abort the whole query; PostgreSQL's own reader is laxer: {@code 010.0.0.1},
 * {@code 10.1.2.3/8}). Regular expressions are translated from RE2 to PostgreSQL's ARE ({@link SqlRegex}), or
 * rejected where the two differ. Text cannot hold NUL in PostgreSQL: a rule value with one is unsupported.
 * Text keys are compared {@code COLLATE "C"} (byte order), whatever the database collation.
 */
public final class PostgresDialect implements SqlDialect {
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private final SqlEscaper escaper = new SqlEscaper("chr", false, false);

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public SqlEscaper escaper() {
        return escaper;
    }

    @Override
    public String jsonColumnType() {
        return "jsonb";
    }

    @Override
    public String requirements() {
        return "PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey,"
                + " detc_timepart, detc_float8) created once per database (SqlBackend.prelude(\"postgres\"))";
    }

    @Override
    public String child(String objectNode, String key) {
        return "(" + objectNode + " -> " + escaper.literal(key) + ")";
    }

    @Override
    public Flat flatten(String node, String alias) {
        return new Flat("detc_flatten(" + node + ") AS " + alias, "", alias, node);
    }

    @Override
    public String node(Flat row) {
        return row.alias() + ".v";
    }

    @Override
    public Value value(Flat row) {
        return new JsonbValue(row.alias() + ".v");
    }

    @Override
    public List<String> unionColumns(Flat row) {
        return List.of(row.alias() + ".v AS v");
    }

    @Override
    public Value unionValue(String alias) {
        return new JsonbValue(alias + ".v");
    }

    @Override
    public Flat strings(String document, String alias) {
        // strict: lax mode would visit array elements twice. '**' visits every value of objects and arrays.
        return new Flat("jsonb_path_query(" + document + ", 'strict $.**') AS " + alias + "(v)",
                "jsonb_typeof(" + alias + ".v) = 'string'", alias, document);
    }

    @Override
    public Value stringValue(Flat row) {
        return new StringValue("(" + row.alias() + ".v #>> '{}')");
    }

    private record JsonbValue(String v) implements Value {
        @Override
        public String is(Kind kind) {
            return switch (kind) {
                case STRING -> "jsonb_typeof(" + v + ") = 'string'";
                case NUMBER -> "jsonb_typeof(" + v + ") = 'number'";
                case TRUE -> v + " = 'true'::jsonb";
                case FALSE -> v + " = 'false'::jsonb";
                case NULL -> "jsonb_typeof(" + v + ") = 'null'";
                case OBJECT -> "jsonb_typeof(" + v + ") = 'object'";
            };
        }

        @Override
        public String string() {
            return "(" + v + " #>> '{}')";
        }

        @Override
        public String number() {
            return "(" + v + " #>> '{}')";
        }

        @Override
        public String node() {
            return v;
        }
    }

    @Override
    public String text(Value v) {
        if (v instanceof JsonbValue j) {
            return "CASE WHEN jsonb_typeof(" + j.v() + ") IN ('string', 'number', 'boolean') THEN " + j.v()
                    + " #>> '{}' END";
        }
        return SqlDialect.super.text(v);
    }

    @Override
    public String endsWith(String text, String suffix) {
        return "right(" + text + ", length(" + suffix + ")) = " + suffix;
    }

    @Override
    public Regex regex(String text, String pattern, Set<Matcher.RegexFlag> flags) {
        return SqlRegex.postgres(text, pattern, flags, escaper);
    }

    @Override
    public String keyCompare(String key, String op, String keyLiteral) {
        return key + " COLLATE \"C\" " + op + " " + keyLiteral;
    }

    @Override
    public String toDouble(String numberText) {
        return "detc_float8(" + numberText + ")";
    }

    @Override
    public String doubleLiteral(double d) {
        return "CAST('" + d + "' AS float8)";
    }

    @Override
    public String isIntegerText(String numberText) {
        return "(" + numberText + " ~ '^-?[0-9]+$')";
    }

    @Override
    public String inNetwork(String text, Cidr net, String hexLow, String hexHigh) {
        String n = "'" + Cidrs.format(net) + "'::inet";
        String v4 = escaper.literal("^" + SqlIp.V4 + "$");
        String v6 = escaper.literal("^" + SqlIp.V6 + "$");
        String t = text;
        String v6test = net.isIpv6() ? "(" + t + ")::inet <<= " + n
                // an IPv4-mapped IPv6 address is its IPv4 host (Cidrs.contains)
                : "(" + t + ")::inet <<= '::ffff:0:0/96'::inet AND ('0.0.0.0'::inet + ((" + t + ")::inet"
                + " - '::ffff:0.0.0.0'::inet)) <<= " + n;
        String v4test = net.isIpv6() ? "FALSE" : "(" + t + ")::inet <<= " + n;
        return "CASE WHEN " + t + " ~ " + v4 + " THEN " + v4test + " WHEN " + t + " ~ " + v6 + " THEN " + v6test
                + " ELSE FALSE END";
    }

    @Override
    public List<String> prelude() {
        List<String> out = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (int[] e : SqlFunctions.foldMap()) {
            from.appendCodePoint(e[0]);
            to.appendCodePoint(e[1]);
        }
        out.add("CREATE OR REPLACE FUNCTION detc_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
                + " AS $$ SELECT CASE WHEN octet_length(s) = char_length(s) THEN lower(s COLLATE \"C\")"
                + " ELSE translate(s, " + escaper.literal(from.toString()) + ", " + escaper.literal(to.toString())
                + ") END $$");
        // Rows: every node reached through arrays only, with its position (element indexes from j) for order.
        // The common case, a node that is not an array, is itself; only arrays take the recursive walk.
        out.add("CREATE OR REPLACE FUNCTION detc_flatten(j jsonb) RETURNS TABLE(v jsonb, o int[]) LANGUAGE sql"
                + " IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT j, ARRAY[]::int[] WHERE jsonb_typeof(j) <> 'array'"
                + " UNION ALL (WITH RECURSIVE t(v, o) AS (SELECT j, ARRAY[]::int[]"
                + " UNION ALL SELECT e.v, t.o || e.i::int FROM t, jsonb_array_elements(CASE WHEN jsonb_typeof(t.v)"
                + " = 'array' THEN t.v ELSE '[]'::jsonb END) WITH ORDINALITY AS e(v, i))"
                + " SELECT t.v, t.o FROM t WHERE jsonb_typeof(j) = 'array' AND jsonb_typeof(t.v) <> 'array') $$");
        out.add("CREATE OR REPLACE FUNCTION detc_numeric(s text) RETURNS numeric LANGUAGE plpgsql IMMUTABLE STRICT"
                + " PARALLEL SAFE AS $$ BEGIN RETURN s::numeric; EXCEPTION WHEN others THEN RETURN NULL; END $$");
        out.add("CREATE OR REPLACE FUNCTION detc_float8(s text) RETURNS float8 LANGUAGE plpgsql IMMUTABLE STRICT"
                + " PARALLEL SAFE AS $$ BEGIN RETURN s::float8; EXCEPTION WHEN others THEN RETURN NULL; END $$");
        String digits = "rtrim(ltrim(ip || fp, '0'), '0')";
        String pos = "(length(ip) + ex - (length(ip || fp) - length(ltrim(ip || fp, '0'))))";
        out.add("CREATE OR REPLACE FUNCTION detc_numkey_of(neg boolean, ip text, fp text, ex bigint) RETURNS text"
                + " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE"
                + " WHEN ex IS NULL OR ex < -2147483648 OR ex > 2147483647"
                + " OR length(fp) - ex < -2147483648 OR length(fp) - ex > 2147483647 THEN NULL"
                + " WHEN " + digits + " = '' THEN '2'"
                + " WHEN neg THEN '1' || lpad((" + SqlFunctions.EXPONENT_OFFSET + " - " + pos + ")::text, "
                + SqlFunctions.EXPONENT_WIDTH + ", '0') || translate(" + digits + ", '0123456789', '9876543210')"
                + " || '~' ELSE '3' || lpad((" + pos + " + " + SqlFunctions.EXPONENT_OFFSET + ")::text, "
                + SqlFunctions.EXPONENT_WIDTH + ", '0') || " + digits + " END $$");
        out.add("CREATE OR REPLACE FUNCTION detc_numkey(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
                + " PARALLEL SAFE AS $$ SELECT CASE WHEN m IS NULL OR s !~ '^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$'"
                + " THEN NULL ELSE detc_numkey_of(m[1] = '-', m[2],"
                + " coalesce(m[3], ''), CASE WHEN m[4] IS NULL THEN 0 WHEN length(m[5]) > 10 THEN NULL"
                + " ELSE (m[4] || '0' || m[5])::bigint END) END"
                + " FROM (SELECT regexp_match(s, '^(-?)([0-9]+)(?:\\.([0-9]+))?(?:[eE]([+-]?)0*([0-9]*))?$') AS m) AS x"
                + " $$");
        java.util.function.BinaryOperator<String> div = (a, b) -> "div(" + a + ", " + b + ")";
        String y = "y";
        out.add("CREATE OR REPLACE FUNCTION detc_timepart_of(unit text, y int, mo int, d int, h int, mi int, sec int,"
                + " zh int, zm int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE"
                + " WHEN mo NOT BETWEEN 1 AND 12 OR d < 1 OR d > " + SqlTime.daysIn(y, "mo")
                + " OR h > 23 OR mi > 59 OR sec > 60 OR zh > 23 OR zm > 59 THEN NULL"
                + " WHEN unit = 'year' THEN y WHEN unit = 'month' THEN mo WHEN unit = 'day' THEN d"
                + " WHEN unit = 'week' THEN " + SqlTime.isoWeek(y, "mo", "d", div)
                + " WHEN unit = 'hour' THEN h WHEN unit = 'minute' THEN mi END $$");
        StringBuilder args = new StringBuilder();
        for (int g : SqlTime.GROUPS) {
            args.append(", m[").append(g).append("]::int");
        }
        out.add("CREATE OR REPLACE FUNCTION detc_timepart(s text, unit text) RETURNS int LANGUAGE sql IMMUTABLE"
                + " STRICT PARALLEL SAFE AS $$ SELECT CASE WHEN m IS NULL THEN NULL ELSE detc_timepart_of(unit"
                + args + ") END FROM (SELECT regexp_match(s, " + escaper.literal("^" + SqlTime.PATTERN + "$")
                + ") AS m) AS x $$");
        return out;
    }

    @Override
    public String rowOrder(Flat row) {
        return row.alias() + ".o";
    }

    @Override
    public String orderKey(int first, List<String> rowOrders) {
        StringBuilder b = new StringBuilder("(ARRAY[" + first + "]");
        for (String r : rowOrders) {
            b.append(" || ").append(r);
        }
        return b.append(")").toString();
    }

    @Override
    public String decimal(String text) {
        String t = "btrim(" + text + ", " + escaper.literal(SqlDialect.trimChars()) + ")";
        return "CASE WHEN " + t + " ~ " + escaper.literal("^" + DuckDbDialect.DECIMAL + "$") + " THEN detc_numeric("
                + t + ") END";
    }

    @Override
    public String sumType() {
        return "numeric";
    }
}
