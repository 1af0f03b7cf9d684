-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000181 Median Graph response above 2 MB for one app within 10 minutes (approximated)
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (sqlite) approximates: value_percentile adds and compares the values as doubles, not exact decimals
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (sqlite) approximates: value_percentile reads numbers with ASCII digits only (Java's BigDecimal also reads other Unicode digits)
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (sqlite) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_value_percentile.yml:1:1: warning[W402]: sql (sqlite) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Median Graph response above 2 MB for one app within 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (sqlite): Median Graph response above 2 MB for one app within 10 minutes [7d2f0c1a-5b3e-4c8d-9a6f-000000000181]
-- fidelity: approximated (value_percentile adds and compares the values as doubles, not exact decimals; value_percentile reads numbers with ASCII digits only (Java's BigDecimal also reads other Unicode digits); event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
WITH d1_hits AS (
SELECT 'graph_get_for_percentile' AS rname, 0 AS cls, e.seq AS k1, 19 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."appId"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."properties"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."appId"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."properties.appId"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."properties.appId"')) AS n3 WHERE (e.doc -> '$."properties"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, (SELECT CASE WHEN v8.t = 'text' THEN v8.s WHEN v8.t = 'true' THEN 'true' WHEN v8.t = 'false' THEN 'false' WHEN v8.t IN ('integer', 'real') THEN v8.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n5.id) || printf('%012d', n6.id)) AS k, n6.type AS t, n6.atom AS s, CASE WHEN n6.type IN ('integer', 'real') THEN ((CASE WHEN n5.type = 'object' THEN n5.value END -> '$."responseSizeBytes"') -> n6.fullkey) WHEN n6.type = 'object' THEN n6.value END AS j FROM json_tree((e.doc -> '$."properties"')) AS n5, json_tree((CASE WHEN n5.type = 'object' THEN n5.value END -> '$."responseSizeBytes"')) AS n6 WHERE n5.type <> 'array' AND instr(n5.fullkey, '.') = 0 AND n6.type <> 'array' AND instr(n6.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n7.id)) AS k, n7.type AS t, n7.atom AS s, CASE WHEN n7.type IN ('integer', 'real') THEN ((e.doc -> '$."properties.responseSizeBytes"') -> n7.fullkey) WHEN n7.type = 'object' THEN n7.value END AS j FROM json_tree((e.doc -> '$."properties.responseSizeBytes"')) AS n7 WHERE (e.doc -> '$."properties"') IS NULL AND n7.type <> 'array' AND instr(n7.fullkey, '.') = 0) AS v8 WHERE CASE WHEN v8.t = 'text' THEN v8.s WHEN v8.t = 'true' THEN 'true' WHEN v8.t = 'false' THEN 'false' WHEN v8.t IN ('integer', 'real') THEN v8.j END IS NOT NULL ORDER BY v8.k LIMIT 1) AS val, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM (SELECT n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."requestMethod"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."properties"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."requestMethod"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."properties.requestMethod"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."properties.requestMethod"')) AS n3 WHERE (e.doc -> '$."properties"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE detc_fold(CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END) = 'get')
),
d1_valid AS (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) / 600000000000 AS b
FROM d1_hits AS h
WHERE h.g1 IS NOT NULL
),
d1_events AS (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d1_hits AS h WHERE h.cls = 0
),
d1_points AS (
SELECT pt.*, (SELECT s.x FROM (SELECT CASE WHEN trim(h.val, (char(1) || char(2) || char(3) || char(4) || char(5) || char(6) || char(7) || char(8) || char(9) || char(10) || char(11) || char(12) || char(13) || char(14) || char(15) || char(16) || char(17) || char(18) || char(19) || char(20) || char(21) || char(22) || char(23) || char(24) || char(25) || char(26) || char(27) || char(28) || char(29) || char(30) || char(31) || ' ')) REGEXP '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN CAST(trim(h.val, (char(1) || char(2) || char(3) || char(4) || char(5) || char(6) || char(7) || char(8) || char(9) || char(10) || char(11) || char(12) || char(13) || char(14) || char(15) || char(16) || char(17) || char(18) || char(19) || char(20) || char(21) || char(22) || char(23) || char(24) || char(25) || char(26) || char(27) || char(28) || char(29) || char(30) || char(31) || ' ')) AS REAL) END AS x, row_number() OVER (ORDER BY CASE WHEN trim(h.val, (char(1) || char(2) || char(3) || char(4) || char(5) || char(6) || char(7) || char(8) || char(9) || char(10) || char(11) || char(12) || char(13) || char(14) || char(15) || char(16) || char(17) || char(18) || char(19) || char(20) || char(21) || char(22) || char(23) || char(24) || char(25) || char(26) || char(27) || char(28) || char(29) || char(30) || char(31) || ' ')) REGEXP '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN CAST(trim(h.val, (char(1) || char(2) || char(3) || char(4) || char(5) || char(6) || char(7) || char(8) || char(9) || char(10) || char(11) || char(12) || char(13) || char(14) || char(15) || char(16) || char(17) || char(18) || char(19) || char(20) || char(21) || char(22) || char(23) || char(24) || char(25) || char(26) || char(27) || char(28) || char(29) || char(30) || char(31) || ' ')) AS REAL) END) AS rn, count(*) OVER () AS n FROM d1_valid AS h WHERE h.g1 = pt.g1 AND h.b BETWEEN pt.b - 1 AND pt.b AND h.ns >= pt.ns - 600000000000 AND h.o <= pt.o AND CASE WHEN trim(h.val, (char(1) || char(2) || char(3) || char(4) || char(5) || char(6) || char(7) || char(8) || char(9) || char(10) || char(11) || char(12) || char(13) || char(14) || char(15) || char(16) || char(17) || char(18) || char(19) || char(20) || char(21) || char(22) || char(23) || char(24) || char(25) || char(26) || char(27) || char(28) || char(29) || char(30) || char(31) || ' ')) REGEXP '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN CAST(trim(h.val, (char(1) || char(2) || char(3) || char(4) || char(5) || char(6) || char(7) || char(8) || char(9) || char(10) || char(11) || char(12) || char(13) || char(14) || char(15) || char(16) || char(17) || char(18) || char(19) || char(20) || char(21) || char(22) || char(23) || char(24) || char(25) || char(26) || char(27) || char(28) || char(29) || char(30) || char(31) || ' ')) AS REAL) END IS NOT NULL) AS s WHERE s.rn = max(1, min(s.n, CAST(ceil(CAST('0.5' AS REAL) * s.n) AS BIGINT)))) AS m
FROM d1_valid AS pt
),
d1_sats AS (
SELECT q.*, CASE WHEN q.m > 2000000 THEN 1 ELSE 0 END AS sat
FROM d1_points AS q
),
d1_marks AS (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_ns
FROM d1_sats AS r
),
d1_fired AS (
SELECT f.* FROM d1_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 600000000000)
),
d1_alerts AS (
SELECT f.o AS point, f.g1 AS g1, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_fired AS f JOIN d1_valid AS h ON h.g1 = f.g1 AND h.b BETWEEN f.b - 1 AND f.b AND h.ns >= f.ns - 600000000000 AND h.o <= f.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000182 Graph GET request (percentile) (exact)
-- detc sql (sqlite): Graph GET request (percentile) [7d2f0c1a-5b3e-4c8d-9a6f-000000000182]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."requestMethod"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."properties"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."requestMethod"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."properties.requestMethod"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."properties.requestMethod"')) AS n3 WHERE (e.doc -> '$."properties"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE detc_fold(CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END) = 'get')
ORDER BY seq;
