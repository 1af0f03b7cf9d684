/**
 * SQL over JSON documents: target {@code sql}, one generator with dialect hooks ({@link
 * io.detc.backend.sql.SqlDialect}, Calcite's {@code SqlDialect} as the model) for DuckDB (the default, registered in
 * {@code Backends}), PostgreSQL and SQLite ({@link io.detc.backend.sql.SqlBackend#forDialect}). The engines module
 * runs every query for real and proves it equal to the evaluator, alert for alert.
 *
 * <h2>Data model</h2>
 * One table per log source ({@code events_<product>_<service>}, or a pipeline's {@code query_table}) with one JSON
 * document per row: {@code seq, file, line, time, ns, doc} ({@link io.detc.backend.sql.SqlTables}). Fields are read
 * through each dialect's JSON access, so a missing key is SQL NULL and never an error; paths cross arrays at any
 * depth ("any element") and follow the evaluator's flat-key rule ({@link io.detc.backend.sql.SqlPaths}). Queries
 * read no files and rely on no row order without {@code ORDER BY}, so a distributed dialect can be added. A dialect
 * with lists ({@link io.detc.backend.sql.SqlLists}; DuckDB) reads a field's values as one list per row and tests
 * them with a lambda instead of a correlated subquery per field: several times faster on DuckDB (BENCHMARKS.md).
 *
 * <h2>Files</h2>
 * {@code SqlBackend} (the query frame per rule), {@code SqlPredicates} (IR to conditions), {@code SqlPaths} (field
 * paths, as rows or lists), {@code SqlCorrelations} (the correlation shapes) with {@code SqlCorrelationParts},
 * {@code SqlCorrelationConditions} and {@code SqlCorrelationOrder}, {@code SqlRegex} (RE2 to PostgreSQL ARE:
 * {@code SqlRegexParser}, {@code SqlRegexNode}, {@code SqlRegexAre}), one {@code *Dialect} per engine and
 * {@code DuckDbLists}, {@code SqlEscaper}, {@code SqlFunctions} (the helpers' reference definitions).
 *
 * <h2>Helper functions</h2>
 * Where a dialect lacks a primitive, the queries call a helper with one reference definition in
 * {@link io.detc.backend.sql.SqlFunctions}: {@code detc_fold} (Java's per-code-point case rule), {@code detc_ip}
 * (strict address text as hex), {@code detc_numkey} (an order-preserving key of a decimal, so numbers compare
 * exactly at any size), {@code detc_timepart} (a timestamp's part in its own offset). DuckDB gets them as SQL macros
 * and PostgreSQL as SQL functions ({@link io.detc.backend.sql.SqlBackend#prelude()}); SQLite gets Java functions
 * registered through its JDBC driver, with {@code regexp} (RE2/J), which every SQLite query's header says.
 *
 * <h2>Fidelity per feature (E401 unsupported, W402 approximated; everything else exact)</h2>
 * <table>
 *   <caption>What each dialect can express</caption>
 *   <tr><th>feature</th><th>DuckDB</th><th>PostgreSQL</th><th>SQLite</th></tr>
 *   <tr><td>fields, dotted paths, flat keys, arrays at any depth, |element, exists, null, keywords</td>
 *       <td>exact ({@code json_extract}, lists flattened by {@code detc_flat} up to 8 nested arrays, deeper is
 *       an error; {@code json_tree} for keywords; the empty key through {@code json_each})</td>
 *       <td>exact ({@code ->}, {@code detc_flatten})</td>
 *       <td>exact ({@code ->}, {@code json_tree}); a key holding NUL: E401</td></tr>
 *   <tr><td>strings: equality, wildcards ({@code ?} one code point, {@code *} any run), case folding</td>
 *       <td>exact ({@code detc_fold}, LIKE ESCAPE)</td><td>exact (same)</td>
 *       <td>exact ({@code detc_fold}, GLOB; REGEXP when a value holds NUL)</td></tr>
 *   <tr><td>rule values holding NUL (utf16 without base64)</td><td>exact</td><td>E401 (text cannot hold NUL;
 *       events holding NUL cannot be stored)</td><td>exact</td></tr>
 *   <tr><td>string tests on JSON numbers with a fraction or exponent (the text Java prints, 1.0E21)</td>
 *       <td>W402 when the pattern could match such a text</td><td>W402 (also digit-only patterns: jsonb prints
 *       1e3 as 1000)</td><td>W402 (the stored text: exact for documents Jackson wrote)</td></tr>
 *   <tr><td>regular expressions</td><td>exact (DuckDB's RE2)</td><td>translated to ARE
 *       ({@link io.detc.backend.sql.SqlRegex}); W402 for {@code i} and {@code \b}; E401 for Unicode and POSIX classes,
 *       flags after the start, negated shorthands in brackets</td><td>exact (RE2/J)</td></tr>
 *   <tr><td>cidr, IPv4 and IPv6, IPv4-mapped addresses</td><td>exact (hex ranges)</td>
 *       <td>exact ({@code inet}, cast only after detc's strict address grammar)</td><td>exact (hex ranges)</td></tr>
 *   <tr><td>numbers (equality, lt/lte/gt/gte; decimal strings)</td><td colspan="3">exact; W402 when the rule's
 *       number has more digits than a double (fractional JSON numbers compare as doubles, as in the
 *       evaluator)</td></tr>
 *   <tr><td>booleans, time parts, fieldref</td><td colspan="3">exact (fieldref: W402, it compares number
 *       texts)</td></tr>
 *   <tr><td>|expand placeholders without a pipeline</td><td colspan="3">E401 (the evaluator does not run them
 *       either)</td></tr>
 *   <tr><td>correlations: event_count, value_count, temporal, temporal_ordered, absence, silence, chains,
 *       aliases, generate</td><td colspan="3">exact windows and firings ({@link io.detc.backend.sql.SqlCorrelations}),
 *       with W402: event times are 64-bit nanoseconds (1677-2262), group-by values that are fractional numbers
 *       print as the engine prints them</td></tr>
 *   <tr><td>value_sum, value_avg, value_percentile</td><td>W402: doubles</td><td>exact numeric sums and
 *       percentiles; W402: averages at PostgreSQL's precision</td><td>W402: doubles</td></tr>
 * </table>
 */
package io.detc.backend.sql;
