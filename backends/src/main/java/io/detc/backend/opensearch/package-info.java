/**
 * OpenSearch query DSL (2.x): the lowered IR rendered as a native {@code bool} tree of {@code term}, {@code wildcard},
 * {@code regexp}, {@code range} and {@code exists} queries, never a {@code query_string}, with painless
 * {@code script} queries for fieldref and time parts; correlations as {@code terms} + {@code date_histogram}
 * aggregations with a painless {@code bucket_selector} where {@code min_doc_count} cannot say the condition; the
 * {@code monitor} format as OpenSearch Alerting monitors. Every painless source is a constant of {@link
 * io.detc.backend.opensearch.OsScripts}: rule values reach scripts only as {@code params}.
 * Place in the pipeline: after {@code io.detc.pipeline.PipelineApplier}, beside kql and spl.
 *
 * <p>The queries are written against detc's index mapping ({@link io.detc.backend.opensearch.OpenSearchMapping}):
 * every scalar a {@code keyword} holding its text, with {@code .num} (double) and {@code .ip} sub-fields, time fields
 * with a {@code .date} sub-field, and string values copied to {@code detc_keywords}. The {@code opensearch-elastic}
 * pipeline switches to the integrations' typed mapping (declared).
 *
 * <p>Fidelity, proven on an embedded OpenSearch 2.19 node against the evaluator (opensearch-it):
 * <ul>
 *   <li>exact: string equality, wildcards, contains/startswith/endswith, cased, booleans, neq/not (bool must_not
 *       matches documents without the field), all/1-of/them, filters, base64/utf16/windash variants, RE2 regexes
 *       Lucene can say (anchoring, {@code \d \w \s}, classes, {@code i} as explicit ASCII orbits, {@code s}, and
 *       {@code m} for anchors at the ends). Case-insensitive matching uses {@code case_insensitive} (ASCII-only in
 *       Lucene) where that is exact, and otherwise spells detc's case classes out in a regexp ({@code k} is
 *       {@code [kK\u212A]}, {@code i} is {@code [iIİı]}).</li>
 *       Time parts (a painless port of the evaluator's timestamp reader, in the timestamp's own offset).</li>
 *   <li>approximated (W402): exists and null ({@code exists} is false for null, [] and {}), numbers (doubles; loose
 *       string parsing), cidr (zone ids accepted; IPv4 inside IPv6 networks holding ::ffff:0:0/96), keywords
 *       (copy_to is per field, not per value), fieldref (the indexed text of numbers; case tables of the node's
 *       Java, none beyond the BMP), every correlation (fixed windows of the timespan aligned at the epoch; a
 *       multi-valued group-by field counts in each group), value_count ({@code cardinality}: exact up to 40000
 *       distinct values but for hash collisions), value_sum/avg/percentile (doubles of {@code .num}; percentiles
 *       by t-digest), temporal_ordered (millisecond ties), monitors (look-back per run).</li>
 *   <li>unsupported (E401): {@code |element} (needs a nested mapping), fieldref and time parts on a typed mapping,
 *       regexes with word boundaries, inline flags, inner anchors, Unicode classes or case-insensitive non-ASCII
 *       letters, silence and absence, temporal_ordered over more than two rules, correlations of correlations or
 *       whose rules differ in group-by fields or time fields, rules whose log source has no index (E404).</li>
 * </ul>
 * Indexing differences no query can fix (pinned in the tests): OpenSearch merges a flat key {@code "a.b"} with the
 * nested path a.b (detc: nested wins), and cannot index an array mixing strings and objects.
 */
package io.detc.backend.opensearch;
