-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000131 Sign-in, MFA reset, then API token, in that order within an hour (approximated)
-- testdata/rules/correlation_temporal_ordered.yml:1:1: warning[W402]: sql (sqlite) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Sign-in, MFA reset, then API token, in that order within an hour
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_temporal_ordered.yml:1:1: warning[W402]: sql (sqlite) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Sign-in, MFA reset, then API token, in that order within an hour
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (sqlite): Sign-in, MFA reset, then API token, in that order within an hour [7d2f0c1a-5b3e-4c8d-9a6f-000000000131]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
WITH d1_hits AS (
SELECT 'okta_signin_for_order' AS rname, 0 AS cls, e.seq AS k1, 14 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.id"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.id"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
UNION ALL
SELECT 'okta_mfa_for_order' AS rname, 0 AS cls, e.seq AS k1, 15 AS k2, 1 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.id"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.id"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.mfa.factor.deactivate')
UNION ALL
SELECT 'okta_token_for_order' AS rname, 0 AS cls, e.seq AS k1, 16 AS k2, 2 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.id"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.id"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'system.api_token.create')
),
d1_valid AS (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) / 3600000000000 AS b
FROM d1_hits AS h
WHERE h.g1 IS NOT NULL
),
d1_events AS (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d1_hits AS h WHERE h.cls = 0
),
d1_points AS (
SELECT pt.*, (CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_signin_for_order') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 3600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_signin_for_order') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_mfa_for_order') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 3600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_mfa_for_order') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_token_for_order') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 3600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_token_for_order') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END) AS m
FROM d1_valid AS pt
),
d1_sats AS (
SELECT q.*, CASE WHEN (q.m >= 3) AND EXISTS (SELECT 1 FROM d1_valid AS t1, d1_valid AS t2, d1_valid AS t3 WHERE t1.g1 = q.g1 AND t1.b BETWEEN q.b - 1 AND q.b AND t1.ns >= q.ns - 3600000000000 AND t1.o <= q.o AND t1.rname = 'okta_signin_for_order' AND t2.g1 = q.g1 AND t2.b BETWEEN q.b - 1 AND q.b AND t2.ns >= q.ns - 3600000000000 AND t2.o <= q.o AND t2.rname = 'okta_mfa_for_order' AND t1.o < t2.o AND t3.g1 = q.g1 AND t3.b BETWEEN q.b - 1 AND q.b AND t3.ns >= q.ns - 3600000000000 AND t3.o <= q.o AND t3.rname = 'okta_token_for_order' AND t2.o < t3.o) THEN 1 ELSE 0 END AS sat
FROM d1_points AS q
),
d1_marks AS (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_ns
FROM d1_sats AS r
),
d1_fired AS (
SELECT f.* FROM d1_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 3600000000000)
),
d1_alerts AS (
SELECT f.o AS point, f.g1 AS g1, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_fired AS f JOIN d1_valid AS h ON h.g1 = f.g1 AND h.b BETWEEN f.b - 1 AND f.b AND h.ns >= f.ns - 3600000000000 AND h.o <= f.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000132 Okta sign-in (exact)
-- detc sql (sqlite): Okta sign-in [7d2f0c1a-5b3e-4c8d-9a6f-000000000132]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000133 Okta MFA reset (exact)
-- detc sql (sqlite): Okta MFA reset [7d2f0c1a-5b3e-4c8d-9a6f-000000000133]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.mfa.factor.deactivate')
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000134 Okta API token (exact)
-- detc sql (sqlite): Okta API token [7d2f0c1a-5b3e-4c8d-9a6f-000000000134]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'system.api_token.create')
ORDER BY seq;
