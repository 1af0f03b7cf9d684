-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000151 Brute force followed by a successful sign-in (approximated)
-- testdata/rules/correlation_chain.yml:15:1: warning[W402]: sql (sqlite) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Three failed Okta sign-ins in 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_chain.yml:15:1: warning[W402]: sql (sqlite) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Three failed Okta sign-ins in 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_chain.yml:1:1: warning[W402]: sql (sqlite) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Brute force followed by a successful sign-in
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_chain.yml:1:1: warning[W402]: sql (sqlite) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Brute force followed by a successful sign-in
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (sqlite): Brute force followed by a successful sign-in [7d2f0c1a-5b3e-4c8d-9a6f-000000000151]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
WITH d1_hits AS (
SELECT 'okta_chain_failure' AS rname, 0 AS cls, e.seq AS k1, 7 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."alternateId"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."alternateId"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.alternateId"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.alternateId"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n4 WHERE (e.doc -> '$."outcome"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'failure')
)
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
SELECT pt.*, (count(*) OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) AS m
FROM d1_valid AS pt
),
d1_sats AS (
SELECT q.*, CASE WHEN q.m >= 3 THEN 1 ELSE 0 END AS sat
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
),
d2_hits AS (
SELECT 'okta_many_failures' AS rname, 1 AS cls, 2 AS k1, a.point AS k2, 0 AS k3, COALESCE(max(a.wend), max(a.ns)) AS ns, a.g1 AS g1, CAST(NULL AS TEXT) AS val, CAST(NULL AS TEXT) AS file, CAST(NULL AS BIGINT) AS line
FROM d1_alerts AS a
GROUP BY a.point, a.g1
UNION ALL
SELECT 'okta_chain_success' AS rname, 0 AS cls, e.seq AS k1, 8 AS k2, 1 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."alternateId"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."alternateId"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.alternateId"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.alternateId"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n4 WHERE (e.doc -> '$."outcome"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'success')
)
),
d2_valid AS (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) / 1800000000000 AS b
FROM d2_hits AS h
WHERE h.g1 IS NOT NULL
),
d2_events AS (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d2_hits AS h WHERE h.cls = 0
UNION ALL
SELECT 1 AS cls, 2 AS k1, a.point AS k2, a.file, a.line, a.ns FROM d1_alerts AS a
),
d2_points AS (
SELECT pt.*, (CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_many_failures') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 1800000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_many_failures') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_chain_success') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 1800000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_chain_success') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END) AS m
FROM d2_valid AS pt
),
d2_sats AS (
SELECT q.*, CASE WHEN (q.m >= 2) AND EXISTS (SELECT 1 FROM d2_valid AS t1, d2_valid AS t2 WHERE t1.g1 = q.g1 AND t1.b BETWEEN q.b - 1 AND q.b AND t1.ns >= q.ns - 1800000000000 AND t1.o <= q.o AND t1.rname = 'okta_many_failures' AND t2.g1 = q.g1 AND t2.b BETWEEN q.b - 1 AND q.b AND t2.ns >= q.ns - 1800000000000 AND t2.o <= q.o AND t2.rname = 'okta_chain_success' AND t1.o < t2.o) THEN 1 ELSE 0 END AS sat
FROM d2_points AS q
),
d2_marks AS (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_ns
FROM d2_sats AS r
),
d2_fired AS (
SELECT f.* FROM d2_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 1800000000000)
),
d2_alerts AS (
SELECT f.o AS point, f.g1 AS g1, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d2_fired AS f JOIN d2_valid AS h ON h.g1 = f.g1 AND h.b BETWEEN f.b - 1 AND f.b AND h.ns >= f.ns - 1800000000000 AND h.o <= f.o JOIN d2_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d2_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000152 Three failed Okta sign-ins in 10 minutes (approximated)
-- testdata/rules/correlation_chain.yml:15:1: warning[W402]: sql (sqlite) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Three failed Okta sign-ins in 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_chain.yml:15:1: warning[W402]: sql (sqlite) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Three failed Okta sign-ins in 10 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (sqlite): Three failed Okta sign-ins in 10 minutes [7d2f0c1a-5b3e-4c8d-9a6f-000000000152]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
WITH d1_hits AS (
SELECT 'okta_chain_failure' AS rname, 0 AS cls, e.seq AS k1, 7 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."alternateId"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."alternateId"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.alternateId"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.alternateId"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n4 WHERE (e.doc -> '$."outcome"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'failure')
)
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
SELECT pt.*, (count(*) OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) AS m
FROM d1_valid AS pt
),
d1_sats AS (
SELECT q.*, CASE WHEN q.m >= 3 THEN 1 ELSE 0 END AS sat
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

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000153 Okta failed sign-in (chain) (exact)
-- detc sql (sqlite): Okta failed sign-in (chain) [7d2f0c1a-5b3e-4c8d-9a6f-000000000153]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n4 WHERE (e.doc -> '$."outcome"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'failure')
)
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000154 Okta successful sign-in (chain) (exact)
-- detc sql (sqlite): Okta successful sign-in (chain) [7d2f0c1a-5b3e-4c8d-9a6f-000000000154]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n4 WHERE (e.doc -> '$."outcome"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'success')
)
ORDER BY seq;
