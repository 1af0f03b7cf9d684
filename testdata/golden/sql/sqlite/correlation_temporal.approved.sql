-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000121 MFA factor reset and API token created by one actor within 30 minutes (approximated)
-- testdata/rules/correlation_temporal.yml:1:1: warning[W402]: sql (sqlite) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: MFA factor reset and API token created by one actor within 30 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_temporal.yml:1:1: warning[W402]: sql (sqlite) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: MFA factor reset and API token created by one actor within 30 minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (sqlite): MFA factor reset and API token created by one actor within 30 minutes [7d2f0c1a-5b3e-4c8d-9a6f-000000000121]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
WITH d1_hits AS (
SELECT 'okta_mfa_deactivated' AS rname, 0 AS cls, e.seq AS k1, 12 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.id"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.id"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.mfa.factor.deactivate')
UNION ALL
SELECT 'okta_api_token_created' AS rname, 0 AS cls, e.seq AS k1, 13 AS k2, 1 AS k3, e.ns, (SELECT CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END FROM (SELECT (printf('%05d', 0) || printf('%012d', n1.id) || printf('%012d', n2.id)) AS k, n2.type AS t, n2.atom AS s, CASE WHEN n2.type IN ('integer', 'real') THEN ((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"') -> n2.fullkey) WHEN n2.type = 'object' THEN n2.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n1, json_tree((CASE WHEN n1.type = 'object' THEN n1.value END -> '$."id"')) AS n2 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 UNION ALL SELECT (printf('%05d', 0) || printf('%012d', n3.id)) AS k, n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.id"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor.id"')) AS n3 WHERE (e.doc -> '$."actor"') IS NULL AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0) AS v4 WHERE CASE WHEN v4.t = 'text' THEN v4.s WHEN v4.t = 'true' THEN 'true' WHEN v4.t = 'false' THEN 'false' WHEN v4.t IN ('integer', 'real') THEN v4.j END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'system.api_token.create')
),
d1_valid AS (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) / 1800000000000 AS b
FROM d1_hits AS h
WHERE h.g1 IS NOT NULL
),
d1_events AS (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d1_hits AS h WHERE h.cls = 0
),
d1_points AS (
SELECT pt.*, (CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_mfa_deactivated') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 1800000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_mfa_deactivated') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_api_token_created') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 1800000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_api_token_created') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END) AS m
FROM d1_valid AS pt
),
d1_sats AS (
SELECT q.*, CASE WHEN q.m >= 2 THEN 1 ELSE 0 END AS sat
FROM d1_points AS q
),
d1_marks AS (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_ns
FROM d1_sats AS r
),
d1_fired AS (
SELECT f.* FROM d1_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 1800000000000)
),
d1_alerts AS (
SELECT f.o AS point, f.g1 AS g1, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_fired AS f JOIN d1_valid AS h ON h.g1 = f.g1 AND h.b BETWEEN f.b - 1 AND f.b AND h.ns >= f.ns - 1800000000000 AND h.o <= f.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000122 Okta MFA factor deactivated (exact)
-- detc sql (sqlite): Okta MFA factor deactivated [7d2f0c1a-5b3e-4c8d-9a6f-000000000122]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.mfa.factor.deactivate')
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000123 Okta API token created (exact)
-- detc sql (sqlite): Okta API token created [7d2f0c1a-5b3e-4c8d-9a6f-000000000123]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'system.api_token.create')
ORDER BY seq;
