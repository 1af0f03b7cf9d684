/**
 * Splunk SPL: rules and correlations as Splunk searches that mean what docs/semantics.md says a rule means.
 *
 * <h2>What each feature becomes</h2>
 * <table>
 *   <caption>Sigma feature to SPL</caption>
 *   <tr><td>plain value, contains, startswith, endswith, {@code *}</td><td>search {@code field="v*"} (the
 *       search command compares field values whole, case-insensitively, {@code *} any run; any value of a
 *       multivalue field) when every character is one JSON writers never escape; otherwise a wider search
 *       prefilter plus {@code | where isnotnull(mvfind(field, "(?is)\A...\z"))}</td><td>exact</td></tr>
 *   <tr><td>{@code ?}, an escaped {@code \*}, {@code cased}, control characters</td><td>{@code mvfind} with a
 *       PCRE pattern ({@code .} is one character; never widened to {@code *})</td><td>exact</td></tr>
 *   <tr><td>a pattern that matches the text {@code null} (e.g. a lone {@code *})</td><td>the same, leaving that
 *       text out: it is how Splunk sees a JSON null</td><td>W402 (a string "null" is left out too)</td></tr>
 *   <tr><td>{@code re} (i, m, s)</td><td>{@code mvfind} with the pattern rewritten so PCRE reads it as RE2
 *       ({@link io.detc.backend.spl.SplRegex})</td><td>exact; {@code \S} inside a class W402</td></tr>
 *   <tr><td>{@code cidr}</td><td>{@code mvfilter(cidrmatch(...))} (IPv4 and IPv6, Splunk 8.x and later), an
 *       IPv4 network also as its {@code ::ffff:0:0/96} mapping</td><td>exact</td></tr>
 *   <tr><td>numbers, {@code lt}...{@code gte}</td><td>{@code mvfilter(match(v, number) AND tonumber(v) op n)},
 *       plus the literal text for equality</td><td>exact</td></tr>
 *   <tr><td>booleans</td><td>search {@code field="true"}</td><td>exact</td></tr>
 *   <tr><td>{@code null}</td><td>no value other than the text {@code null} (for a field mapped to several
 *       paths: on every path)</td><td>W402</td></tr>
 *   <tr><td>{@code exists}</td><td>{@code isnotnull(field)}</td><td>W402 (objects, [] and {} are not fields)</td></tr>
 *   <tr><td>{@code fieldref}</td><td>shared value of two multivalue fields; prefix/suffix/contains for
 *       single-valued fields only (E401 otherwise)</td><td>W402 (null text, lower())</td></tr>
 *   <tr><td>time parts</td><td>the digits of a value that is wholly a timestamp of Sigma's grammar</td>
 *       <td>exact; week W402</td></tr>
 *   <tr><td>keywords</td><td>{@code match(_raw, ...)}: a JSON string token, not a key</td><td>W402</td></tr>
 *   <tr><td>{@code |element}</td><td>{@code eval el=mvappend(spath(_raw, p), spath(_raw, p{}), ...)}: the JSON
 *       text of each element; {@code mvfilter} over the objects among them with {@code spath(el, "path")}</td>
 *       <td>exact</td></tr>
 *   <tr><td>{@code not}, {@code neq}</td><td>search {@code NOT} (true on a missing field); in where every test
 *       is TRUE or FALSE, never NULL, so {@code NOT} is plain negation</td><td>exact</td></tr>
 *   <tr><td>event_count, temporal, temporal_ordered, absence</td><td>{@code streamstats} with explicit
 *       {@code _time} comparisons (see {@link io.detc.backend.spl.SplStages})</td><td>exact</td></tr>
 *   <tr><td>value_count, value_sum, value_avg, value_percentile</td><td>{@code streamstats time_window}</td>
 *       <td>W402 (window boundary; percentile rank)</td></tr>
 *   <tr><td>silence</td><td>gaps by {@code streamstats}; the end against {@code info_max_time}</td><td>W402</td></tr>
 * </table>
 *
 * <h2>What is assumed of Splunk (documented, not checked per rule)</h2>
 * <ul>
 *   <li>Events are the exports' JSON, extracted at search time with {@code KV_MODE=json} (the add-ons' setting):
 *       field names are the dotted paths with {@code {}} after arrays, arrays are multivalue fields, numbers and
 *       booleans are their JSON text, a JSON null is the text {@code null}, {@code ""} is an empty value. Events
 *       longer than {@code [kv] maxchars} (10240 by default) are extracted only up to that length.</li>
 *   <li>PCRE in UTF-8 mode; {@code cidrmatch} parses addresses as RFC 4291 and dotted quads.</li>
 *   <li>Case folding: the search command and PCRE's {@code (?i)} fold ASCII as Sigma does; a few characters
 *       without a simple Unicode case folding (U+0130, U+0131) compare differently in event data.</li>
 *   <li>{@code _time} is a double: timestamps closer than about a microsecond are not told apart.</li>
 *   <li>Numbers beyond 2^53 compare as doubles ({@code tonumber}).</li>
 * </ul>
 */
package io.detc.backend.spl;
