package io.detc.backend.sql;

import io.detc.ir.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DuckDB (2.0, embedded). Documents are {@code JSON}; a key is read with {@code json_extract(node, '$."key"')}
 * (SQL NULL when missing or not an object), arrays are flattened with {@code json_tree} keeping the rows whose path
 * from the array has no object step. Regular expressions are DuckDB's RE2, the engine the evaluator's RE2/J ports,
 * so they run unchanged (flags become an inline {@code (?ims)} group). Case folding, addresses, decimal keys and time
 * parts are SQL macros ({@link #prelude()}), each proven equal to {@link SqlFunctions} by the engine tests.
 *
 * <p>The connection must not auto-load extensions (no network here, and a missing function would otherwise cost
 * seconds before failing): {@code autoload_known_extensions=false}, {@code autoinstall_known_extensions=false}.
 */
public final class DuckDbDialect implements SqlDialect {
    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    /** What {@code new BigDecimal(s)} reads (ASCII digits). */
    static final String DECIMAL = "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

    private final SqlEscaper escaper = new SqlEscaper("chr", true, false);

    private DuckDbDialect() {
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public SqlEscaper escaper() {
        return escaper;
    }

    @Override
    public String jsonColumnType() {
        return "JSON";
    }

    @Override
    public String textColumnType() {
        return "VARCHAR";
    }

    @Override
    public String requirements() {
        return "DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey,"
                + " detc_timepart) created once per database (SqlBackend.prelude(\"duckdb\"))";
    }

    @Override
    public String child(String objectNode, String key) {
        if (key.isEmpty()) {
            // DuckDB's path syntax has no empty key ($."" is an error): pick it from the object's members.
            return "(SELECT je.value FROM json_each(" + objectNode + ") AS je WHERE json_type(" + objectNode
                    + ") = 'OBJECT' AND je.key = '')";
        }
        return "json_extract(" + objectNode + ", " + escaper.literal(escaper.jsonKeyPath(key)) + ")";
    }

    @Override
    public Flat flatten(String node, String alias) {
        // Rows of json_tree whose full key has no '.' were reached from the node through array indexes only.
        return new Flat("json_tree(" + node + ") AS " + alias,
                alias + ".type <> 'ARRAY' AND NOT contains(" + alias + ".fullkey, '.')", alias, node);
    }

    @Override
    public Optional<SqlLists> lists() {
        return Optional.of(DuckDbLists.INSTANCE);
    }

    /** A node of DuckDB's JSON type as a value. */
    static Value json(String node) {
        return new JsonValue(node);
    }

    @Override
    public String node(Flat row) {
        return row.alias() + ".value";
    }

    @Override
    public Value value(Flat row) {
        return new JsonValue(row.alias() + ".value");
    }

    @Override
    public List<String> unionColumns(Flat row) {
        return List.of(row.alias() + ".value AS v");
    }

    @Override
    public Value unionValue(String alias) {
        return new JsonValue(alias + ".v");
    }

    @Override
    public Flat strings(String document, String alias) {
        return new Flat("json_tree(" + document + ") AS " + alias, alias + ".type = 'VARCHAR'", alias, document);
    }

    @Override
    public Value stringValue(Flat row) {
        return new SqlDialect.StringValue(row.alias() + ".value ->> '$'");
    }

    /** A JSON node of DuckDB's JSON type. */
    private record JsonValue(String v) implements Value {
        @Override
        public String is(Kind kind) {
            return switch (kind) {
                case STRING -> "json_type(" + v + ") = 'VARCHAR'";
                case NUMBER -> "json_type(" + v + ") IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE')";
                case TRUE -> "(json_type(" + v + ") = 'BOOLEAN' AND (" + v + " ->> '$') = 'true')";
                case FALSE -> "(json_type(" + v + ") = 'BOOLEAN' AND (" + v + " ->> '$') = 'false')";
                case NULL -> "json_type(" + v + ") = 'NULL'";
                case OBJECT -> "json_type(" + v + ") = 'OBJECT'";
            };
        }

        @Override
        public String string() {
            return "(" + v + " ->> '$')";
        }

        @Override
        public String number() {
            return "(" + v + " ->> '$')";
        }

        @Override
        public String node() {
            return v;
        }
    }

    @Override
    public String text(Value v) {
        if (v instanceof JsonValue j) {
            // ->> gives strings unquoted, booleans as true/false and numbers as stored; null, objects: none.
            return "CASE WHEN json_type(" + j.v() + ") NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN " + j.v() + " ->> '$'"
                    + " END";
        }
        return SqlDialect.super.text(v);
    }

    @Override
    public Regex regex(String text, String pattern, Set<Matcher.RegexFlag> flags) {
        return Regex.exact("regexp_matches(" + text + ", " + escaper.literal(inlineFlags(flags) + pattern) + ")");
    }

    /** RE2's inline flag group for the rule's flags ({@code i} case folding, {@code m} multi-line, {@code s}). */
    static String inlineFlags(Set<Matcher.RegexFlag> flags) {
        StringBuilder f = new StringBuilder();
        if (flags.contains(Matcher.RegexFlag.IGNORE_CASE)) {
            f.append('i');
        }
        if (flags.contains(Matcher.RegexFlag.MULTILINE)) {
            f.append('m');
        }
        if (flags.contains(Matcher.RegexFlag.DOTALL)) {
            f.append('s');
        }
        return f.length() == 0 ? "" : "(?" + f + ")";
    }

    @Override
    public String isIntegerText(String numberText) {
        return "regexp_full_match(" + numberText + ", '-?[0-9]+')";
    }

    @Override
    public String doubleLiteral(double d) {
        return "CAST('" + d + "' AS DOUBLE)";
    }

    /**
     * A DuckDB macro is expanded inline, so a parameter used n times is computed n times; these macros bind each
     * costly value once with {@code list_transform([value], lambda x: ...)[1]} (a one-element list), which keeps
     * per-row work to one regex match per helper call.
     */
    @Override
    public List<String> prelude() {
        List<String> out = new ArrayList<>(DuckDbLists.prelude());
        // ASCII text (as many bytes as characters) folds with lower(); other text through the whole map.
        out.add("CREATE OR REPLACE MACRO detc_fold(s) AS CASE WHEN strlen(s) = length(s) THEN lower(s)"
                + " ELSE translate(s, " + foldFrom() + ", " + foldTo() + ") END");
        out.add("CREATE OR REPLACE MACRO detc_ip4(s) AS CASE WHEN regexp_full_match(s, "
                + escaper.literal(SqlIp.V4) + ") THEN array_to_string(list_transform(string_split(s, '.'),"
                + " lambda o: format('{:02x}', TRY_CAST(o AS INTEGER))), '') END");
        // IPv6: the IPv4 tail becomes two groups, '::' becomes the missing zero groups, every group four digits.
        out.add("CREATE OR REPLACE MACRO detc_ip6_groups(h) AS CASE WHEN h = '' THEN []::VARCHAR[]"
                + " ELSE string_split(h, ':') END");
        out.add("CREATE OR REPLACE MACRO detc_ip6_hex(g) AS array_to_string(list_transform(g,"
                + " lambda x: lpad(lower(x), 4, '0')), '')");
        out.add("CREATE OR REPLACE MACRO detc_ip6_join(hg, tg) AS detc_ip6_hex(list_concat(hg,"
                + " list_transform(range(8 - len(hg) - len(tg)), lambda x: '0'), tg))");
        out.add("CREATE OR REPLACE MACRO detc_ip6_expand(t) AS CASE WHEN contains(t, '::') THEN"
                + " list_transform([[detc_ip6_groups(split_part(t, '::', 1)),"
                + " detc_ip6_groups(split_part(t, '::', 2))]],"
                + " lambda g: detc_ip6_join(g[1], g[2]))[1] ELSE detc_ip6_hex(string_split(t, ':')) END");
        out.add("CREATE OR REPLACE MACRO detc_ip6_tail(s) AS CASE WHEN contains(s, '.') THEN"
                + " list_transform([detc_ip4(regexp_extract(s, '[^:]*$'))], lambda h: regexp_replace(s, '[^:]*$', '')"
                + " || substr(h, 1, 4) || ':' || substr(h, 5, 4))[1] ELSE s END");
        out.add("CREATE OR REPLACE MACRO detc_ip6(s) AS CASE WHEN regexp_full_match(s, "
                + escaper.literal(SqlIp.V6) + ") THEN list_transform([detc_ip6_tail(s)],"
                + " lambda t: detc_ip6_expand(t))[1] END");
        out.add("CREATE OR REPLACE MACRO detc_ip(s) AS CASE WHEN contains(s, ':') THEN detc_ip6(s)"
                + " ELSE detc_ip4(s) END");
        // Decimal keys: sign, integer digits, fraction digits, exponent as BigDecimal reads them.
        out.add("CREATE OR REPLACE MACRO detc_numkey_of(neg, ip, fp, ex) AS CASE"
                + " WHEN ex IS NULL OR ex < -2147483648 OR ex > 2147483647"
                + " OR length(fp) - ex < -2147483648 OR length(fp) - ex > 2147483647 THEN NULL"
                + " ELSE list_transform([[rtrim(ltrim(ip || fp, '0'), '0'),"
                + " CAST(length(ip) + ex - (length(ip || fp) - length(ltrim(ip || fp, '0'))) AS VARCHAR)]],"
                + " lambda k: CASE WHEN k[1] = '' THEN '2'"
                + " WHEN neg THEN '1' || lpad(CAST(" + SqlFunctions.EXPONENT_OFFSET + " - CAST(k[2] AS BIGINT)"
                + " AS VARCHAR), " + SqlFunctions.EXPONENT_WIDTH + ", '0') || translate(k[1], '0123456789',"
                + " '9876543210') || '~'"
                + " ELSE '3' || lpad(CAST(CAST(k[2] AS BIGINT) + " + SqlFunctions.EXPONENT_OFFSET + " AS VARCHAR), "
                + SqlFunctions.EXPONENT_WIDTH + ", '0') || k[1] END)[1] END");
        out.add("CREATE OR REPLACE MACRO detc_numkey(s) AS CASE WHEN regexp_full_match(s,"
                + " '-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?') THEN list_transform([regexp_extract(s,"
                + " '^(-?)([0-9]+)(?:\\.([0-9]+))?(?:[eE]([+-]?)0*([0-9]*))?$', ['neg', 'ip', 'fp', 'es', 'ed'])],"
                + " lambda m: detc_numkey_of(m.neg = '-', m.ip, m.fp, CASE WHEN NOT contains(lower(s), 'e') THEN"
                + " 0::BIGINT WHEN length(m.ed) > 10 THEN NULL ELSE CAST(m.es || '0' || m.ed AS BIGINT) END))[1] END");
        // Time parts: the grammar as one regex, then range checks and calendar arithmetic on its groups.
        String y = "CAST(p.y AS INTEGER)";
        String mo = "CAST(p.mo AS INTEGER)";
        String d = "CAST(p.d AS INTEGER)";
        out.add("CREATE OR REPLACE MACRO detc_timepart(s, unit) AS CASE WHEN regexp_full_match(s, "
                + escaper.literal(SqlTime.PATTERN) + ") THEN list_transform([regexp_extract(s, "
                + escaper.literal("^" + SqlTime.PATTERN + "$")
                + ", ['y', 'mo', 'd', 'h', 'mi', 'sec', 'zh', 'zm'])], lambda p: CASE"
                + " WHEN " + mo + " NOT BETWEEN 1 AND 12 OR " + d + " < 1 OR " + d + " > " + SqlTime.daysIn(y, mo)
                + " OR p.h <> '' AND (CAST(p.h AS INTEGER) > 23 OR CAST(p.mi AS INTEGER) > 59)"
                + " OR p.sec <> '' AND CAST(p.sec AS INTEGER) > 60"
                + " OR p.zh <> '' AND CAST(p.zh AS INTEGER) > 23 OR p.zm <> '' AND CAST(p.zm AS INTEGER) > 59"
                + " THEN NULL"
                + " WHEN unit = 'year' THEN " + y + " WHEN unit = 'month' THEN " + mo + " WHEN unit = 'day' THEN " + d
                + " WHEN unit = 'week' THEN CAST(week(make_date(" + y + ", " + mo + ", " + d + ")) AS INTEGER)"
                + " WHEN p.h = '' THEN NULL WHEN unit = 'hour' THEN CAST(p.h AS INTEGER)"
                + " WHEN unit = 'minute' THEN CAST(p.mi AS INTEGER) END)[1] END");
        return out;
    }

    @Override
    public String inNetwork(String text, io.detc.value.Cidr net, String hexLow, String hexHigh) {
        // detc_ip once per value, bound to ip.
        return "list_transform([detc_ip(" + text + ")], lambda ip: "
                + SqlDialect.super.inNetwork("x", net, hexLow, hexHigh).replace("detc_ip(x)", "ip") + ")[1]";
    }

    @Override
    public String intDiv(String a, String b) {
        return "(" + a + ") // " + b;
    }

    @Override
    public String rowOrder(Flat row) {
        return row.alias() + ".id";
    }

    @Override
    public String orderKey(int first, List<String> rowOrders) {
        List<String> all = new ArrayList<>();
        all.add(first + "::BIGINT");
        all.addAll(rowOrders);
        return "[" + String.join(", ", all) + "]";
    }

    @Override
    public String decimal(String text) {
        String t = "trim(" + text + ", " + escaper.literal("\0" + SqlDialect.trimChars()) + ")";
        return "CASE WHEN regexp_full_match(" + t + ", " + escaper.literal(DECIMAL) + ") THEN TRY_CAST(" + t
                + " AS DOUBLE) END";
    }

    private String foldFrom() {
        StringBuilder b = new StringBuilder();
        for (int[] e : SqlFunctions.foldMap()) {
            b.appendCodePoint(e[0]);
        }
        return escaper.literal(b.toString());
    }

    private String foldTo() {
        StringBuilder b = new StringBuilder();
        for (int[] e : SqlFunctions.foldMap()) {
            b.appendCodePoint(e[1]);
        }
        return escaper.literal(b.toString());
    }
}
