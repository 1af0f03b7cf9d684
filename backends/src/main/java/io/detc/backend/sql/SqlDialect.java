package io.detc.backend.sql;

import io.detc.ir.Matcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one SQL engine spells the few things the generator needs, as small hooks with ANSI defaults (Calcite's
 * {@code SqlDialect}: a dialect overrides only what differs, and everything else is rendered once by
 * {@link SqlPredicates}). An absent {@code Optional} means "this dialect cannot express it": the backend reports
 * E401 at the rule's span.
 *
 * <p>The data model every dialect shares: one table per log source ({@link SqlTables}), one JSON document per row,
 * fields read through the dialect's JSON access so a missing key is SQL {@code NULL}, never an error. A JSON
 * <em>node</em> is an SQL expression of the dialect's JSON type; walking a path takes {@link #child} steps and
 * {@link #flatten}s the arrays met on the way (at any depth), exactly as the evaluator's path walk does.
 *
 * <p>Nothing here may assume one machine: no files read by path inside SQL, no reliance on row order without
 * {@code ORDER BY}, no session state besides the helper functions of {@link #prelude()}.
 */
public interface SqlDialect {
    /** {@code duckdb}, {@code postgres}, {@code sqlite}: the value of {@code --dialect}. */
    String name();

    /** The one escaper of this dialect. */
    SqlEscaper escaper();

    /** The SQL type of the {@code doc} column. */
    String jsonColumnType();

    /** The SQL type of text columns. */
    default String textColumnType() {
        return "TEXT";
    }

    /** The SQL type of 64-bit integer columns. */
    default String bigintColumnType() {
        return "BIGINT";
    }

    /** The JSON value of a document column read from a text parameter (for loading): {@code CAST(? AS JSON)}. */
    default String jsonParameter() {
        return "CAST(? AS " + jsonColumnType() + ")";
    }

    /** A comment line. */
    default String comment(String text) {
        return "-- " + text.replace('\n', ' ').replace('\r', ' ');
    }

    /** The helper functions the queries call, as statements to run once per database (empty: none). */
    default List<String> prelude() {
        return List.of();
    }

    /** One line for each query's header saying what the queries need besides the tables. */
    String requirements();

    // ------------------------------------------------------------------------------------------------ JSON access

    /** Why this dialect cannot read the object key {@code key}, or empty (besides what the escaper refuses). */
    default Optional<String> keyProblem(String key) {
        return Optional.empty();
    }

    /**
     * The node at {@code key} of {@code objectNode}; SQL NULL when the node is missing, or is not an object. A JSON
     * null value is a node (not SQL NULL), so {@code IS NOT NULL} is "the key is present".
     */
    String child(String objectNode, String key);

    /**
     * A FROM item (named {@code alias}) with one row per node reached from {@code node} through arrays only: the
     * node itself when it is not an array, every element of an array, arrays inside arrays flattened. Objects,
     * scalars and JSON null are rows; an empty array gives none; SQL NULL gives none.
     */
    Flat flatten(String node, String alias);

    /** The dialect's lists of nodes, used for field values where present ({@link SqlLists}); empty: none. */
    default Optional<SqlLists> lists() {
        return Optional.empty();
    }

    /** A flattened row: the FROM item and the condition that keeps its non-array rows. */
    record Flat(String from, String where, String alias, String source) {
    }

    /** The node of a flattened row, for further {@link #child} steps and as the root of an {@code |element} group. */
    String node(Flat row);

    /** The value of a flattened row, read in place. */
    Value value(Flat row);

    /** Select items carrying a flattened row out of a {@code UNION ALL} of routes, read by {@link #unionValue}. */
    List<String> unionColumns(Flat row);

    /** The value of a row of a routes union aliased {@code alias}. */
    Value unionValue(String alias);

    /** A FROM item with one row per string value anywhere in the document (keys are not values), and its filter. */
    Flat strings(String document, String alias);

    /** The value of a {@link #strings} row: always a string. */
    Value stringValue(Flat row);

    /** One JSON value seen by a test: its kind and its text. Every method returns an SQL expression. */
    interface Value {
        /** An SQL condition: the value is of this kind. */
        String is(Kind kind);

        /** The text of a string value (meaningless for other kinds). */
        String string();

        /** The JSON text of a number value as stored (integers exactly as written). */
        String number();

        /** The node (for objects). */
        String node();
    }

    /** A value known to be a string: a keyword search's rows. */
    record StringValue(String text) implements Value {
        @Override
        public String is(Kind kind) {
            return kind == Kind.STRING ? "TRUE" : "FALSE";
        }

        @Override
        public String string() {
            return text;
        }

        @Override
        public String number() {
            return "NULL";
        }

        @Override
        public String node() {
            return "NULL";
        }
    }

    /** The kinds of a JSON value. */
    enum Kind { STRING, NUMBER, TRUE, FALSE, NULL, OBJECT }

    /**
     * The text string tests see (docs/semantics.md, "Coercion to text"): strings themselves, booleans as
     * {@code true}/{@code false}, numbers as stored; NULL for null and objects.
     */
    default String text(Value v) {
        return "CASE WHEN " + v.is(Kind.STRING) + " THEN " + v.string()
                + " WHEN " + v.is(Kind.TRUE) + " THEN 'true' WHEN " + v.is(Kind.FALSE) + " THEN 'false'"
                + " WHEN " + v.is(Kind.NUMBER) + " THEN " + v.number() + " END";
    }

    // ------------------------------------------------------------------------------------------------ text tests

    /** Folds case exactly as the evaluator compares (per code point, {@link SqlFunctions#fold(int)}). */
    default String fold(String text) {
        return "detc_fold(" + text + ")";
    }

    /** {@code text} matches the escaped wildcard pattern literal (from {@link SqlEscaper#pattern}). */
    default String like(String text, String patternLiteral, String rawPattern) {
        return text + " LIKE " + patternLiteral + " ESCAPE '\\'";
    }

    /** {@code text} starts with {@code prefix} (both expressions, code point exact). */
    default String startsWith(String text, String prefix) {
        return "starts_with(" + text + ", " + prefix + ")";
    }

    default String endsWith(String text, String suffix) {
        return "ends_with(" + text + ", " + suffix + ")";
    }

    default String contains(String text, String part) {
        return "strpos(" + text + ", " + part + ") > 0";
    }

    /**
     * An unanchored RE2 search of {@code text}, or empty with the reason when this dialect cannot run the pattern
     * exactly ({@link Regex} reports approximations through {@code notes}).
     */
    Regex regex(String text, String pattern, Set<Matcher.RegexFlag> flags);

    /** A regex test, or why there is none, and what it changes when approximated. */
    record Regex(Optional<String> sql, Optional<String> unsupported, Optional<String> approximated) {
        static Regex exact(String sql) {
            return new Regex(Optional.of(sql), Optional.empty(), Optional.empty());
        }

        static Regex approximated(String sql, String why) {
            return new Regex(Optional.of(sql), Optional.empty(), Optional.of(why));
        }

        static Regex unsupported(String why) {
            return new Regex(Optional.empty(), Optional.of(why), Optional.empty());
        }
    }

    /** The {@link SqlFunctions#numkey} of a text, or NULL. */
    default String numkey(String text) {
        return "detc_numkey(" + text + ")";
    }

    /** A text compared with a {@link SqlFunctions#numkey} literal: byte order. */
    default String keyCompare(String key, String op, String keyLiteral) {
        return key + " " + op + " " + keyLiteral;
    }

    /** The number text of a JSON number that is not an integer, as a double. */
    default String toDouble(String numberText) {
        return "CAST(" + numberText + " AS DOUBLE)";
    }

    /** A double literal that reads back as exactly {@code d}. */
    default String doubleLiteral(double d) {
        return "CAST('" + d + "' AS DOUBLE)";
    }

    /** An SQL condition: the JSON number text is an integer literal ({@code -?[0-9]+}). */
    String isIntegerText(String numberText);

    /** {@link SqlFunctions#timepart} of a text, or NULL. */
    default String timepart(String text, Matcher.TimeUnit unit) {
        return "detc_timepart(" + text + ", '" + unit.name().toLowerCase(java.util.Locale.ROOT) + "')";
    }

    /**
     * The string {@code text} is an address inside the network: {@code hexLow}/{@code hexHigh} are the first and last
     * address of the network as lower-case hex of 8 (IPv4) or 32 (IPv6) digits.
     */
    default String inNetwork(String text, io.detc.value.Cidr net, String hexLow, String hexHigh) {
        String ip = "detc_ip(" + text + ")";
        if (!net.isIpv6()) {
            // IPv4 text, or an IPv4-mapped IPv6 address (::ffff:a.b.c.d), which is its IPv4 host.
            String mapped = "00000000000000000000ffff";
            return "CASE length(" + ip + ") WHEN 8 THEN " + ip + " BETWEEN '" + hexLow + "' AND '" + hexHigh
                    + "' WHEN 32 THEN " + ip + " BETWEEN '" + mapped + hexLow + "' AND '" + mapped + hexHigh
                    + "' ELSE FALSE END";
        }
        return "(length(" + ip + ") = 32 AND " + ip + " BETWEEN '" + hexLow + "' AND '" + hexHigh + "')";
    }

    // ------------------------------------------------------------------------------------------------ correlations

    /** The document-order position of a flattened row among its siblings (an order key part). */
    String rowOrder(Flat row);

    /**
     * An order key: {@code first} (a small integer, the index of the field's native name) then the row orders of
     * every step, compared lexicographically (document order across routes, since each object takes one route).
     */
    String orderKey(int first, List<String> rowOrders);

    /**
     * A correlation's numeric field value as the evaluator reads it ({@code new BigDecimal(text.trim())}, blank and
     * non-numbers NULL), as this dialect's number type.
     */
    String decimal(String text);

    /** The keyword that makes a common table expression computed once ({@code MATERIALIZED }), or "". */
    default String materialized() {
        return "MATERIALIZED ";
    }

    /**
     * Whether window joins go through the {@code reach} expression (every hit once per bucket its windows can reach,
     * joined on bucket equality: hash joins), or compare buckets with BETWEEN (fewer expressions, nested loops).
     */
    default boolean bucketJoins() {
        return true;
    }

    /** Integer division of two integers, truncating towards zero. */
    default String intDiv(String a, String b) {
        return "(" + a + ") / " + b;
    }

    default String greatest(String a, String b) {
        return "greatest(" + a + ", " + b + ")";
    }

    default String least(String a, String b) {
        return "least(" + a + ", " + b + ")";
    }

    /** A double-precision literal. */
    default String doubleConstant(double d) {
        return doubleLiteral(d);
    }

    /** The SQL type of numbers for sums and averages. */
    default String sumType() {
        return "DOUBLE";
    }

    /** TRUE and FALSE as conditions. */
    default String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /** Java's {@code String.trim()} set besides NUL: every character from U+0001 to U+0020. */
    static String trimChars() {
        StringBuilder b = new StringBuilder();
        for (int c = 1; c <= 0x20; c++) {
            b.append((char) c);
        }
        return b.toString();
    }

    /** All dialects, by name. */
    static Optional<SqlDialect> byName(String name) {
        return switch (name) {
            case "duckdb" -> Optional.of(DuckDbDialect.INSTANCE);
            case "postgres", "postgresql" -> Optional.of(PostgresDialect.INSTANCE);
            case "sqlite" -> Optional.of(SqliteDialect.INSTANCE);
            default -> Optional.empty();
        };
    }

    /** The names {@link #byName} knows (canonical spellings). */
    List<String> NAMES = List.of("duckdb", "postgres", "sqlite");
}
