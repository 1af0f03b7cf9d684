-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000101 Many failed Okta sign-ins for one user (approximated)
-- testdata/rules/correlation_event_count.yml:1:1: warning[W402]: sql (duckdb) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Many failed Okta sign-ins for one user
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/correlation_event_count.yml:1:1: warning[W402]: sql (duckdb) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: Many failed Okta sign-ins for one user
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (duckdb): Many failed Okta sign-ins for one user [7d2f0c1a-5b3e-4c8d-9a6f-000000000101]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
WITH d1_hits AS MATERIALIZED (
SELECT 'okta_failed_signin' AS rname, 0 AS cls, e.seq AS k1, 9 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END FROM (SELECT [0::BIGINT, n1.id, n2.id] AS k, n2.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n1, json_tree(json_extract(n1.value, '$."alternateId"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT [0::BIGINT, n3.id] AS k, n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor.alternateId"')) AS n3 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND (
  len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."outcome"')], lambda x2: list_concat(flatten(list_transform(detc_flat(x2), lambda x3: detc_flat(json_extract(x3, '$."result"')))), CASE WHEN x2 IS NULL THEN detc_flat(json_extract(e.doc, '$."outcome.result"')) ELSE []::JSON[] END))[1], lambda x4: CASE WHEN detc_fold(CASE WHEN json_type(x4) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x4 ->> '$' END) = 'failure' THEN TRUE ELSE FALSE END)) > 0
)
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
SELECT pt.*, (count(*) OVER (PARTITION BY pt.g1 ORDER BY pt.ns RANGE BETWEEN 600000000000 PRECEDING AND CURRENT ROW) - COALESCE(count(*) OVER (PARTITION BY pt.g1, pt.ns ORDER BY pt.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)) AS m
FROM d1_valid AS pt
),
d1_sats AS MATERIALIZED (
SELECT q.*, CASE WHEN q.m >= 5 THEN 1 ELSE 0 END AS sat
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

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000102 Okta failed sign-in (exact)
-- detc sql (duckdb): Okta failed sign-in [7d2f0c1a-5b3e-4c8d-9a6f-000000000102]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."outcome"')], lambda x2: list_concat(flatten(list_transform(detc_flat(x2), lambda x3: detc_flat(json_extract(x3, '$."result"')))), CASE WHEN x2 IS NULL THEN detc_flat(json_extract(e.doc, '$."outcome.result"')) ELSE []::JSON[] END))[1], lambda x4: CASE WHEN detc_fold(CASE WHEN json_type(x4) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x4 ->> '$' END) = 'failure' THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
