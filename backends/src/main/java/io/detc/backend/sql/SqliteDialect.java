package io.detc.backend.sql;

import io.detc.ir.Matcher;
import java.util.List;
import java.util.Set;

/**
 * SQLite (3.38 and later, for {@code ->}; the tests run 3.54 through xerial's JDBC driver). Documents are JSON text;
 * a key is {@code node -> '$."key"'}, arrays are flattened with {@code json_tree} keeping the rows whose path from
 * the array has no object step. SQLite has no regular expressions, no Unicode case folding and no address type:
 * the queries call {@code regexp} (through the {@code REGEXP} operator), {@code detc_fold}, {@code detc_ip},
 * {@code detc_numkey} and {@code detc_timepart}, which the engine registers as Java functions through the JDBC
 * driver ({@code org.sqlite.Function}): {@link SqlFunctions} and RE2/J, the evaluator's own definitions. Every query
 * says so in its header.
 *
 * <p>SQLite's string functions stop at a NUL character (GLOB, LIKE, length, substr on text); the queries compare
 * bytes instead ({@code CAST(x AS BLOB)}, which keeps NULs; UTF-8 byte prefixes and substrings are code point
 * prefixes and substrings) and fall back from GLOB to the regular expression when a value holds a NUL.
 */
public final class SqliteDialect implements SqlDialect {
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private final SqlEscaper escaper = new SqlEscaper("char", true, true);

    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public SqlEscaper escaper() {
        return escaper;
    }

    @Override
    public String jsonColumnType() {
        return "TEXT";
    }

    @Override
    public String bigintColumnType() {
        return "INTEGER";
    }

    @Override
    public String jsonParameter() {
        return "?";
    }

    @Override
    public String requirements() {
        return "SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function):"
                + " regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart"
                + " (io.detc.backend.sql.SqlFunctions)";
    }

    @Override
    public java.util.Optional<String> keyProblem(String key) {
        return key.indexOf('\0') >= 0 ? java.util.Optional.of("SQLite reads JSON paths as C strings, so a key"
                + " cannot hold the NUL character (U+0000)") : java.util.Optional.empty();
    }

    @Override
    public String child(String objectNode, String key) {
        return "(" + objectNode + " -> " + escaper.literal(escaper.jsonKeyPath(key)) + ")";
    }

    @Override
    public Flat flatten(String node, String alias) {
        return new Flat("json_tree(" + node + ") AS " + alias,
                alias + ".type <> 'array' AND instr(" + alias + ".fullkey, '.') = 0", alias, node);
    }

    @Override
    public String node(Flat row) {
        // json_tree gives objects as JSON text and scalars as SQL values: only objects are walked further.
        return "CASE WHEN " + row.alias() + ".type = 'object' THEN " + row.alias() + ".value END";
    }

    @Override
    public Value value(Flat row) {
        String a = row.alias();
        return new TreeValue(a + ".type", a + ".atom", "(" + row.source() + " -> " + a + ".fullkey)", node(row));
    }

    @Override
    public List<String> unionColumns(Flat row) {
        String a = row.alias();
        return List.of(a + ".type AS t", a + ".atom AS s",
                "CASE WHEN " + a + ".type IN ('integer', 'real') THEN (" + row.source() + " -> " + a + ".fullkey)"
                        + " WHEN " + a + ".type = 'object' THEN " + a + ".value END AS j");
    }

    @Override
    public Value unionValue(String alias) {
        return new TreeValue(alias + ".t", alias + ".s", alias + ".j", alias + ".j");
    }

    @Override
    public Flat strings(String document, String alias) {
        return new Flat("json_tree(" + document + ") AS " + alias, alias + ".type = 'text'", alias, document);
    }

    @Override
    public Value stringValue(Flat row) {
        return new StringValue(row.alias() + ".atom");
    }

    /** A json_tree row: its type name, its SQL value, its number text and its object text. */
    private record TreeValue(String type, String atom, String number, String node) implements Value {
        @Override
        public String is(Kind kind) {
            return switch (kind) {
                case STRING -> type + " = 'text'";
                case NUMBER -> type + " IN ('integer', 'real')";
                case TRUE -> type + " = 'true'";
                case FALSE -> type + " = 'false'";
                case NULL -> type + " = 'null'";
                case OBJECT -> type + " = 'object'";
            };
        }

        @Override
        public String string() {
            return atom;
        }

        @Override
        public String number() {
            return number;
        }

        @Override
        public String node() {
            return node;
        }
    }

    @Override
    public String like(String text, String patternLiteral, String rawPattern) {
        // GLOB stops at a NUL in the value or the pattern; the regular expression sees the whole text.
        String regex = escaper.literal(globRegex(rawPattern));
        if (rawPattern.indexOf('\0') >= 0) {
            return "(" + text + " REGEXP " + regex + ")";
        }
        return "CASE WHEN instr(CAST(" + text + " AS BLOB), X'00') > 0 THEN " + text + " REGEXP " + regex
                + " ELSE " + text + " GLOB " + patternLiteral + " END";
    }

    /** An anchored RE2 pattern meaning the same as a GLOB pattern from {@link SqlEscaper#pattern}. */
    static String globRegex(String glob) {
        StringBuilder b = new StringBuilder("(?s)^");
        for (int i = 0; i < glob.length(); ) {
            int cp = glob.codePointAt(i);
            if (cp == '[') {
                int close = glob.indexOf(']', i + 1);
                cp = glob.codePointAt(i + 1);
                i = close + 1;
                quote(b, cp);
                continue;
            }
            i += Character.charCount(cp);
            if (cp == '*') {
                b.append(".*");
            } else if (cp == '?') {
                b.append('.');
            } else {
                quote(b, cp);
            }
        }
        return b.append('$').toString();
    }

    private static void quote(StringBuilder b, int cp) {
        if ("\\.+*?()|[]{}^$".indexOf(cp) >= 0) {
            b.append('\\');
        }
        b.appendCodePoint(cp);
    }

    private static String blob(String x) {
        return "CAST(" + x + " AS BLOB)";
    }

    @Override
    public String startsWith(String text, String prefix) {
        return "substr(" + blob(text) + ", 1, length(" + blob(prefix) + ")) = " + blob(prefix);
    }

    @Override
    public String endsWith(String text, String suffix) {
        return "(length(" + blob(text) + ") >= length(" + blob(suffix) + ") AND substr(" + blob(text) + ", length("
                + blob(text) + ") - length(" + blob(suffix) + ") + 1) = " + blob(suffix) + ")";
    }

    @Override
    public String contains(String text, String part) {
        return "instr(" + blob(text) + ", " + blob(part) + ") > 0";
    }

    @Override
    public Regex regex(String text, String pattern, Set<Matcher.RegexFlag> flags) {
        return Regex.exact("(" + text + " REGEXP " + escaper.literal(DuckDbDialect.inlineFlags(flags) + pattern)
                + ")");
    }

    @Override
    public String toDouble(String numberText) {
        return "CAST(" + numberText + " AS REAL)";
    }

    @Override
    public String doubleLiteral(double d) {
        return "CAST('" + d + "' AS REAL)";
    }

    @Override
    public String isIntegerText(String numberText) {
        return "NOT (" + numberText + " GLOB '*[.eE]*')";
    }

    @Override
    public String rowOrder(Flat row) {
        return "printf('%012d', " + row.alias() + ".id)";
    }

    @Override
    public String orderKey(int first, List<String> rowOrders) {
        StringBuilder b = new StringBuilder("(printf('%05d', " + first + ")");
        for (String r : rowOrders) {
            b.append(" || ").append(r);
        }
        return b.append(")").toString();
    }

    @Override
    public String decimal(String text) {
        // SQLite cannot hold NUL in these functions' text; the other trimmed characters are the same as Java's.
        String t = "trim(" + text + ", " + escaper.literal(SqlDialect.trimChars()) + ")";
        return "CASE WHEN " + t + " REGEXP " + escaper.literal("^" + DuckDbDialect.DECIMAL + "$") + " THEN CAST("
                + t + " AS REAL) END";
    }

    /**
     * None: SQLite computes a common table expression used more than once only once anyway, and nested materialised
     * expressions hit its limit on nested subqueries.
     */
    @Override
    public String materialized() {
        return "";
    }

    /** SQLite copies a common table expression into every place that reads it: fewer copies, fewer levels. */
    @Override
    public boolean bucketJoins() {
        return false;
    }

    @Override
    public String greatest(String a, String b) {
        return "max(" + a + ", " + b + ")";
    }

    @Override
    public String least(String a, String b) {
        return "min(" + a + ", " + b + ")";
    }

    @Override
    public String sumType() {
        return "REAL";
    }
}
