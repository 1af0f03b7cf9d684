-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000191 Graph calls from the address of a PowerShell sign-in (approximated)
-- testdata/rules/correlation_aliases.yml:1:1: warning[W402]: sql (postgres) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Graph calls from the address of a PowerShell sign-in
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_aliases.yml:1:1: warning[W402]: sql (postgres) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Graph calls from the address of a PowerShell sign-in
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (postgres): Graph calls from the address of a PowerShell sign-in [7d2f0c1a-5b3e-4c8d-9a6f-000000000191]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
WITH d1_hits AS MATERIALIZED (
SELECT 'powershell_signin' AS rname, 0 AS cls, e.seq AS k1, 5 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END FROM (SELECT (ARRAY[0] || n1.o || n2.o) AS k, n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'ipAddress')) AS n2 UNION ALL SELECT (ARRAY[0] || n3.o) AS k, n3.v AS v FROM detc_flatten((e.doc -> 'properties.ipAddress')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, (SELECT CASE WHEN jsonb_typeof(v8.v) IN ('string', 'number', 'boolean') THEN v8.v #>> '{}' END FROM (SELECT (ARRAY[0] || n5.o || n6.o) AS k, n6.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n5, detc_flatten((n5.v -> 'appId')) AS n6 UNION ALL SELECT (ARRAY[0] || n7.o) AS k, n7.v AS v FROM detc_flatten((e.doc -> 'properties.appId')) AS n7 WHERE (e.doc -> 'properties') IS NULL) AS v8 WHERE CASE WHEN jsonb_typeof(v8.v) IN ('string', 'number', 'boolean') THEN v8.v #>> '{}' END IS NOT NULL ORDER BY v8.k LIMIT 1) AS g2, NULL AS val, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'appDisplayName')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.appDisplayName')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'azure active directory powershell')
UNION ALL
SELECT 'graph_call_for_alias' AS rname, 0 AS cls, e.seq AS k1, 6 AS k2, 1 AS k3, e.ns, (SELECT CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END FROM (SELECT (ARRAY[0] || n1.o || n2.o) AS k, n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'ipAddress')) AS n2 UNION ALL SELECT (ARRAY[0] || n3.o) AS k, n3.v AS v FROM detc_flatten((e.doc -> 'properties.ipAddress')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, (SELECT CASE WHEN jsonb_typeof(v8.v) IN ('string', 'number', 'boolean') THEN v8.v #>> '{}' END FROM (SELECT (ARRAY[0] || n5.o || n6.o) AS k, n6.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n5, detc_flatten((n5.v -> 'appId')) AS n6 UNION ALL SELECT (ARRAY[0] || n7.o) AS k, n7.v AS v FROM detc_flatten((e.doc -> 'properties.appId')) AS n7 WHERE (e.doc -> 'properties') IS NULL) AS v8 WHERE CASE WHEN jsonb_typeof(v8.v) IN ('string', 'number', 'boolean') THEN v8.v #>> '{}' END IS NOT NULL ORDER BY v8.k LIMIT 1) AS g2, NULL AS val, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE e.ns IS NOT NULL AND EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'requestMethod')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.requestMethod')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'get')
),
d1_valid AS MATERIALIZED (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) / 900000000000 AS b
FROM d1_hits AS h
WHERE h.g1 IS NOT NULL AND h.g2 IS NOT NULL
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
SELECT pt.*, (CASE WHEN (count(*) FILTER (WHERE pt.rname = 'powershell_signin') OVER (PARTITION BY pt.g1, pt.g2 ORDER BY pt.ns RANGE BETWEEN 900000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'powershell_signin') OVER (PARTITION BY pt.g1, pt.g2, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'graph_call_for_alias') OVER (PARTITION BY pt.g1, pt.g2 ORDER BY pt.ns RANGE BETWEEN 900000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'graph_call_for_alias') OVER (PARTITION BY pt.g1, pt.g2, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END) AS m
FROM d1_valid AS pt
),
d1_sats AS MATERIALIZED (
SELECT q.*, CASE WHEN (q.m >= 2) AND EXISTS (SELECT 1 FROM d1_reach AS t1, d1_reach AS t2 WHERE t1.g1 = q.g1 AND t1.g2 = q.g2 AND t1.jb = q.b AND t1.ns >= q.ns - 900000000000 AND t1.o <= q.o AND t1.rname = 'powershell_signin' AND t2.g1 = q.g1 AND t2.g2 = q.g2 AND t2.jb = q.b AND t2.ns >= q.ns - 900000000000 AND t2.o <= q.o AND t2.rname = 'graph_call_for_alias' AND t1.o < t2.o) THEN 1 ELSE 0 END AS sat
FROM d1_points AS q
),
d1_marks AS MATERIALIZED (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1, r.g2 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1, r.g2 ORDER BY r.o) AS prev_ns
FROM d1_sats AS r
),
d1_fired AS MATERIALIZED (
SELECT f.* FROM d1_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 900000000000)
),
d1_alerts AS MATERIALIZED (
SELECT f.o AS point, f.g1 AS g1, f.g2 AS g2, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_fired AS f JOIN d1_reach AS h ON h.g1 = f.g1 AND h.g2 = f.g2 AND h.jb = f.b AND h.ns >= f.ns - 900000000000 AND h.o <= f.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000192 Sign-in with Azure AD PowerShell (exact)
-- detc sql (postgres): Sign-in with Azure AD PowerShell [7d2f0c1a-5b3e-4c8d-9a6f-000000000192]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'appDisplayName')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.appDisplayName')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'azure active directory powershell')
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000193 Microsoft Graph call (exact)
-- detc sql (postgres): Microsoft Graph call [7d2f0c1a-5b3e-4c8d-9a6f-000000000193]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'requestMethod')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.requestMethod')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'get')
ORDER BY seq;
