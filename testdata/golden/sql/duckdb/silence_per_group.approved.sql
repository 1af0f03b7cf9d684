-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000143 An Okta user's sign-ins go silent for more than five minutes (approximated)
-- testdata/rules/silence_per_group.yml:1:1: warning[W402]: sql (duckdb) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: An Okta user's sign-ins go silent for more than five minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- testdata/rules/silence_per_group.yml:1:1: warning[W402]: sql (duckdb) approximates: group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them
--   | title: An Okta user's sign-ins go silent for more than five minutes
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (duckdb): An Okta user's sign-ins go silent for more than five minutes [7d2f0c1a-5b3e-4c8d-9a6f-000000000143]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time); group-by values that are JSON numbers with a fraction or an exponent are printed as the engine prints them)
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
-- requires: the view detc_all_events(ns) over every event table, for the newest event time of the whole input
WITH d1_hits AS MATERIALIZED (
SELECT 'okta_user_signin' AS rname, 0 AS cls, e.seq AS k1, 38 AS k2, 0 AS k3, e.ns, (SELECT CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END FROM (SELECT [0::BIGINT, n1.id, n2.id] AS k, n2.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n1, json_tree(json_extract(n1.value, '$."alternateId"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT [0::BIGINT, n3.id] AS k, n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor.alternateId"')) AS n3 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END IS NOT NULL ORDER BY v4.k LIMIT 1) AS g1, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
),
d1_valid AS MATERIALIZED (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) // 300000000000 AS b
FROM d1_hits AS h
WHERE h.g1 IS NOT NULL
),
d1_events AS MATERIALIZED (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d1_hits AS h WHERE h.cls = 0
),
d1_seq AS MATERIALIZED (
SELECT v.*, LAG(v.ns) OVER (PARTITION BY v.g1 ORDER BY v.o) AS prev_ns,
LAG(v.o) OVER (PARTITION BY v.g1 ORDER BY v.o) AS prev_o,
LEAD(v.o) OVER (PARTITION BY v.g1 ORDER BY v.o) AS next_o
FROM d1_valid AS v
),
d1_horizon AS MATERIALIZED (
SELECT max(x.ns) AS hz FROM detc_all_events AS x
),
d1_alerts AS MATERIALIZED (
SELECT s.prev_o AS point, s.g1 AS g1, s.prev_ns AS wstart, s.ns AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_seq AS s JOIN d1_valid AS h ON h.o = s.prev_o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
WHERE s.prev_ns IS NOT NULL AND s.ns - s.prev_ns > 300000000000
UNION ALL
SELECT s.prev_o AS point, s.g1 AS g1, s.prev_ns AS wstart, s.ns AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_seq AS s JOIN d1_valid AS h ON h.o = s.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
WHERE s.prev_ns IS NOT NULL AND s.ns - s.prev_ns > 300000000000
UNION ALL
SELECT s.o AS point, s.g1 AS g1, s.ns AS wstart, z.hz AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_seq AS s JOIN d1_horizon AS z ON z.hz - s.ns > 300000000000 JOIN d1_valid AS h ON h.o = s.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
WHERE s.next_o IS NULL
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000144 Okta sign-in of a user (exact)
-- detc sql (duckdb): Okta sign-in of a user [7d2f0c1a-5b3e-4c8d-9a6f-000000000144]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
