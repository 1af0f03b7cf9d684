package io.detc.backend.sql;

import java.util.List;

/**
 * DuckDB's {@link SqlLists}: {@code JSON[]} lists, {@code list_filter}/{@code list_transform} lambdas, and the
 * {@code detc_flat} macros ({@link #prelude()}) that flatten arrays. A macro cannot call itself, so flattening goes
 * {@value #DEPTH} arrays deep; an array nested deeper inside one field stops the query with an error
 * (never a silent miss). The evaluator reads such events (Jackson allows 1000 levels); no log format detc knows
 * nests arrays like that.
 */
final class DuckDbLists implements SqlLists {
    static final DuckDbLists INSTANCE = new DuckDbLists();

    /**
     * How many arrays inside arrays {@code detc_flat} unrolls. The macro is pasted wherever a field is read, so each
     * level costs planning time in every query: a three-field rule planned in about 25 ms with 8 levels and 90 ms
     * with 16 (on three events, where planning is all there is).
     */
    static final int DEPTH = 8;

    private DuckDbLists() {
    }

    @Override
    public String flat(String node) {
        return "detc_flat(" + node + ")";
    }

    @Override
    public String flatMap(String list, String var, String body) {
        return "flatten(list_transform(" + list + ", lambda " + var + ": " + body + "))";
    }

    @Override
    public String when(String condition, String list) {
        return "CASE WHEN " + condition + " THEN " + list + " ELSE []::JSON[] END";
    }

    @Override
    public String bind(String expression, String var, String body) {
        return "list_transform([" + expression + "], lambda " + var + ": " + body + ")[1]";
    }

    @Override
    public String concat(List<String> lists) {
        return lists.size() == 1 ? lists.get(0) : "list_concat(" + String.join(", ", lists) + ")";
    }

    /**
     * The test sits in a CASE condition: DuckDB evaluates a condition's AND and OR left to right on the rows still
     * undecided (as a WHERE clause does), while a plain boolean lambda body computes both sides for every element,
     * and a cast guarded by the left side (a number test after "is a number") would fail on a string.
     */
    @Override
    public String any(String list, String var, String test) {
        return "len(list_filter(" + list + ", lambda " + var + ": CASE WHEN " + test + " THEN TRUE ELSE FALSE END)) > 0";
    }

    @Override
    public SqlDialect.Value value(String var) {
        return DuckDbDialect.json(var);
    }

    /**
     * The flattening macros. {@code detc_flat(j)} binds its argument once (a macro parameter is pasted wherever it
     * is used). {@code detc_flat_array(a)} gathers the nodes {@code k} array steps below {@code a} in one path each
     * ({@code $[*][*]...}, k wildcards), going one level deeper while the last level had any, and keeps the ones
     * that are not arrays. One lambda in all: DuckDB binds a lambda's body again for every lambda around it, so a
     * lambda per level made paths with several keys take seconds to plan.
     */
    static List<String> prelude() {
        String levels = "CASE WHEN len(" + level(DEPTH + 1) + ") = 0 THEN " + level(DEPTH) + " ELSE error('detc:"
                + " arrays nested more than " + DEPTH + " deep inside one field')::JSON[] END";
        for (int k = DEPTH - 1; k >= 1; k--) {
            levels = "CASE WHEN len(" + level(k + 1) + ") = 0 THEN " + level(k) + " ELSE list_concat(" + level(k)
                    + ", " + levels + ") END";
        }
        return List.of("CREATE OR REPLACE MACRO detc_flat_array(a) AS list_filter(" + levels
                        + ", lambda detc_e: json_type(detc_e) <> 'ARRAY')",
                "CREATE OR REPLACE MACRO detc_flat(j) AS list_transform([j], lambda detc_n: CASE WHEN detc_n IS NULL"
                        + " THEN []::JSON[] WHEN json_type(detc_n) = 'ARRAY' THEN detc_flat_array(detc_n)"
                        + " ELSE [detc_n] END)[1]");
    }

    /** The nodes {@code k} array steps below {@code a}. */
    private static String level(int k) {
        return "json_extract(a, '$" + "[*]".repeat(k) + "')";
    }
}
