/**
 * OpenSearch query DSL (2.x): the lowered IR rendered as a native {@code bool} tree of {@code term}, {@code wildcard},
 * {@code regexp}, {@code range} and {@code exists} queries, never a {@code query_string}; event_count correlations as
 * {@code terms} + {@code date_histogram} aggregations; the {@code monitor} format as OpenSearch Alerting monitors.
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
 *   <li>approximated (W402): exists and null ({@code exists} is false for null, [] and {}), numbers (doubles; loose
 *       string parsing), cidr (zone ids accepted; IPv4 inside IPv6 networks holding ::ffff:0:0/96), keywords
 *       (copy_to is per field, not per value), event_count (fixed windows), monitors (look-back per run).</li>
 *   <li>unsupported (E401): fieldref and time parts (they need scripts; painless is not in a plain node),
 *       {@code |element} (needs a nested mapping), regexes with word boundaries, inline flags, inner anchors,
 *       Unicode classes or case-insensitive non-ASCII letters, correlation types other than event_count gte/gt,
 *       rules whose log source has no index (E404).</li>
 * </ul>
 * Indexing differences no query can fix (pinned in the tests): OpenSearch merges a flat key {@code "a.b"} with the
 * nested path a.b (detc: nested wins), and cannot index an array mixing strings and objects.
 */
package io.detc.backend.opensearch;
