-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000131 Sign-in, MFA reset, then API token, in that order within an hour (approximated)
-- testdata/rules/correlation_temporal_ordered.yml:1:1: warning[W402]: sql (duckdb) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Sign-in, MFA reset, then API token, in that order within an hour
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_temporal_ordered.yml:1:1: warning[W402]: sql (duckdb) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Sign-in, MFA reset, then API token, in that order within an hour
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (duckdb): Sign-in, MFA reset, then API token, in that order within an hour [7d2f0c1a-5b3e-4c8d-9a6f-000000000131]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
WITH d1_hits AS MATERIALIZED (
SELECT 'okta_signin_for_order' AS rname, 0 AS cls, e.seq AS k1, 14 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END FROM (SELECT [0::BIGINT, n1.id, n2.id] AS k, n2.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n1, json_tree(json_extract(n1.value, '$."id"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT [0::BIGINT, n3.id] AS k, n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor.id"')) AS n3 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
UNION ALL
SELECT 'okta_mfa_for_order' AS rname, 0 AS cls, e.seq AS k1, 15 AS k2, 1 AS k3, e.ns, (SELECT CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END FROM (SELECT [0::BIGINT, n1.id, n2.id] AS k, n2.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n1, json_tree(json_extract(n1.value, '$."id"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT [0::BIGINT, n3.id] AS k, n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor.id"')) AS n3 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.mfa.factor.deactivate' THEN TRUE ELSE FALSE END)) > 0
UNION ALL
SELECT 'okta_token_for_order' AS rname, 0 AS cls, e.seq AS k1, 16 AS k2, 2 AS k3, e.ns, (SELECT CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END FROM (SELECT [0::BIGINT, n1.id, n2.id] AS k, n2.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n1, json_tree(json_extract(n1.value, '$."id"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT [0::BIGINT, n3.id] AS k, n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor.id"')) AS n3 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'system.api_token.create' THEN TRUE ELSE FALSE END)) > 0
),
d1_valid AS MATERIALIZED (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) // 3600000000000 AS b
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
SELECT pt.*, (CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_signin_for_order') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 3600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_signin_for_order') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_mfa_for_order') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 3600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_mfa_for_order') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END + CASE WHEN (count(*) FILTER (WHERE pt.rname = 'okta_token_for_order') OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 3600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) FILTER (WHERE pt.rname = 'okta_token_for_order') OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) > 0 THEN 1 ELSE 0 END) AS m
FROM d1_valid AS pt
),
d1_sats AS MATERIALIZED (
SELECT q.*, CASE WHEN (q.m >= 3) AND EXISTS (SELECT 1 FROM d1_reach AS t1, d1_reach AS t2, d1_reach AS t3 WHERE t1.g1 = q.g1 AND t1.jb = q.b AND t1.ns >= q.ns - 3600000000000 AND t1.o <= q.o AND t1.rname = 'okta_signin_for_order' AND t2.g1 = q.g1 AND t2.jb = q.b AND t2.ns >= q.ns - 3600000000000 AND t2.o <= q.o AND t2.rname = 'okta_mfa_for_order' AND t1.o < t2.o AND t3.g1 = q.g1 AND t3.jb = q.b AND t3.ns >= q.ns - 3600000000000 AND t3.o <= q.o AND t3.rname = 'okta_token_for_order' AND t2.o < t3.o) THEN 1 ELSE 0 END AS sat
FROM d1_points AS q
),
d1_marks AS MATERIALIZED (
SELECT r.*, LAG(r.sat) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_sat,
LAG(r.ns) OVER (PARTITION BY r.g1 ORDER BY r.o) AS prev_ns
FROM d1_sats AS r
),
d1_fired AS MATERIALIZED (
SELECT f.* FROM d1_marks AS f
WHERE f.sat = 1 AND NOT (COALESCE(f.prev_sat, 0) = 1 AND f.prev_ns >= f.ns - 3600000000000)
),
d1_alerts AS MATERIALIZED (
SELECT f.o AS point, f.g1 AS g1, CAST(NULL AS BIGINT) AS wstart, CAST(NULL AS BIGINT) AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_fired AS f JOIN d1_reach AS h ON h.g1 = f.g1 AND h.jb = f.b AND h.ns >= f.ns - 3600000000000 AND h.o <= f.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000132 Okta sign-in (exact)
-- detc sql (duckdb): Okta sign-in [7d2f0c1a-5b3e-4c8d-9a6f-000000000132]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000133 Okta MFA reset (exact)
-- detc sql (duckdb): Okta MFA reset [7d2f0c1a-5b3e-4c8d-9a6f-000000000133]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.mfa.factor.deactivate' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000134 Okta API token (exact)
-- detc sql (duckdb): Okta API token [7d2f0c1a-5b3e-4c8d-9a6f-000000000134]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'system.api_token.create' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
