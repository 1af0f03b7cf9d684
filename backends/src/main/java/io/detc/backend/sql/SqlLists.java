package io.detc.backend.sql;

/**
 * A dialect's lists of JSON nodes with lambdas over them, an alternative to {@link SqlDialect#flatten}'s FROM items
 * for the values of a field. Where a dialect has them (DuckDB), a test over a field's values is one scalar
 * expression per row ({@code len(list_filter(values, lambda x: test)) > 0}) instead of a correlated
 * {@code EXISTS (SELECT 1 FROM json_tree(...) ...)}: the engine then runs it vectorised over whole batches of rows
 * rather than decorrelating a subquery and filtering its rows a few at a time (measured in BENCHMARKS.md).
 *
 * <p>Lambdas cannot hold subqueries, so {@link SqlPaths} uses lists only where the tests inside are plain
 * expressions; keyword searches, field references and {@code |element} groups keep the FROM-item form.
 */
public interface SqlLists {
    /**
     * The list of nodes reached from {@code node} through arrays only, exactly the rows {@link SqlDialect#flatten}
     * gives (order aside): the node itself when it is not an array, array elements flattened at any depth; empty
     * for SQL NULL and for an empty array.
     */
    String flat(String node);

    /** The concatenation of {@code body} (a list) over every element {@code var} of {@code list}. */
    String flatMap(String list, String var, String body);

    /** {@code list} when {@code condition} holds, else the empty list. */
    String when(String condition, String list);

    /** {@code body} (a list) with {@code var} bound to the value of {@code expression}, computed once. */
    String bind(String expression, String var, String body);

    /** Lists concatenated. */
    String concat(java.util.List<String> lists);

    /** Some element {@code var} of {@code list} passes {@code test} (TRUE, not NULL); FALSE for an empty list. */
    String any(String list, String var, String test);

    /** The value of the element {@code var}. */
    SqlDialect.Value value(String var);
}
