-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000181 Median Graph response above 2 MB for one app within 10 minutes (approximated)
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (duckdb) approximates: value_percentile adds and compares the values as doubles, not exact decimals
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (duckdb) approximates: value_percentile reads numbers with ASCII digits only (Java's BigDecimal also reads other Unicode digits)
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (duckdb) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (duckdb) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (duckdb): Median Graph response above 2 MB for one app within 10 minutes [7d2f0c1a-5b3e-4c8d-9a6f-000000000181]
-- fidelity: approximated (value_percentile adds and compares the values as doubles, not exact decimals; value_percentile reads numbers with ASCII digits only (Java's BigDecimal also reads other Unicode digits); event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
WITH d1_hits AS MATERIALIZED (
SELECT 'graph_get_for_percentile' AS rname, 0 AS cls, e.seq AS k1, 19 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END FROM (SELECT [0::BIGINT, n1.id, n2.id] AS k, n2.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n1, json_tree(json_extract(n1.value, '$."appId"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT [0::BIGINT, n3.id] AS k, n3.value AS v FROM json_tree(json_extract(e.doc, '$."properties.appId"')) AS n3 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, (SELECT CASE WHEN json_type(v8.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v8.v ->> '$' END FROM (SELECT [0::BIGINT, n5.id, n6.id] AS k, n6.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n5, json_tree(json_extract(n5.value, '$."responseSizeBytes"')) AS n6 WHERE n5.type <> 'ARRAY' AND NOT contains(n5.fullkey, '.') AND n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') UNION ALL SELECT [0::BIGINT, n7.id] AS k, n7.value AS v FROM json_tree(json_extract(e.doc, '$."properties.responseSizeBytes"')) AS n7 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.')) AS v8 WHERE CASE WHEN json_type(v8.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v8.v ->> '$' END IS NOT NULL ORDER BY v8.k LIMIT 1) AS val, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE e.ns IS NOT NULL AND len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."requestMethod"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.requestMethod"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) = 'get' THEN TRUE ELSE FALSE END)) > 0
),
d1_valid AS MATERIALIZED (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) // 600000000000 AS b
FROM d1_hits AS h
WHERE h.g1 IS NOT NULL
),
d1_reach AS MATERIALIZED (
SELECT v.*, v.b AS jb FROM d1_valid AS v
UNION ALL
SELECT v.*, v.b + 1 AS jb FROM d1_valid AS v
),
d1_events AS MATERIALIZED (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d1_hits AS h WHERE h.cls = 0
),
d1_points AS MATERIALIZED (
SELECT pt.*, (SELECT s.x FROM (SELECT CASE WHEN regexp_full_match(trim(h.val, (chr(0) || chr(1) || chr(2) || chr(3) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20) || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27) || chr(28) || chr(29) || chr(30) || chr(31) || ' ')), '[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(trim(h.val, (chr(0) || chr(1) || chr(2) || chr(3) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20) || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27) || chr(28) || chr(29) || chr(30) || chr(31) || ' ')) AS DOUBLE) END AS x, row_number() OVER (ORDER BY CASE WHEN regexp_full_match(trim(h.val, (chr(0) || chr(1) || chr(2) || chr(3) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20) || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27) || chr(28) || chr(29) || chr(30) || chr(31) || ' ')), '[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(trim(h.val, (chr(0) || chr(1) || chr(2) || chr(3) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20) || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27) || chr(28) || chr(29) || chr(30) || chr(31) || ' ')) AS DOUBLE) END) AS rn, count(*) OVER () AS n FROM d1_reach AS h WHERE h.g1 = pt.g1 AND h.jb = pt.b AND h.ns >= pt.ns - 600000000000 AND h.o <= pt.o AND CASE WHEN regexp_full_match(trim(h.val, (chr(0) || chr(1) || chr(2) || chr(3) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20) || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27) || chr(28) || chr(29) || chr(30) || chr(31) || ' ')), '[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(trim(h.val, (chr(0) || chr(1) || chr(2) || chr(3) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20) || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27) || chr(28) || chr(29) || chr(30) || chr(31) || ' ')) AS DOUBLE) END IS NOT NULL) AS s WHERE s.rn = greatest(1, least(s.n, CAST(ceil(CAST('0.5' AS DOUBLE) * s.n) AS BIGINT)))) AS m
FROM d1_valid AS pt
),
d1_sats AS MATERIALIZED (
SELECT q.*, CASE WHEN q.m > 2000000 THEN 1 ELSE 0 END AS sat
FROM d1_points AS q
),
d1_marks AS MATERIALIZED (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_ns
FROM d1_sats AS r
),
d1_fired AS MATERIALIZED (
SELECT f.* FROM d1_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 600000000000)
),
d1_alerts AS MATERIALIZED (
SELECT f.o AS point, f.g1 AS g1, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_fired AS f JOIN d1_reach AS h ON h.g1 = f.g1 AND h.jb = f.b AND h.ns >= f.ns - 600000000000 AND h.o <= f.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000182 Graph GET request (percentile) (exact)
-- detc sql (duckdb): Graph GET request (percentile) [7d2f0c1a-5b3e-4c8d-9a6f-000000000182]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."requestMethod"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.requestMethod"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) = 'get' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
