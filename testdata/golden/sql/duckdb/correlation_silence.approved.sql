-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000141 Okta sign-ins go silent for more than an hour (approximated)
-- testdata/rules/correlation_silence.yml:1:1: warning[W402]: sql (duckdb) approximates: event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time)
--   | title: Okta sign-ins go silent for more than an hour
--   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (duckdb): Okta sign-ins go silent for more than an hour [7d2f0c1a-5b3e-4c8d-9a6f-000000000141]
-- fidelity: approximated (event times are 64-bit nanoseconds, so an event before 1677-09-21 or after 2262-04-11 takes no part (as an event without a time))
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
-- requires: the view detc_all_events(ns) over every event table, for the newest event time of the whole input
WITH d1_hits AS MATERIALIZED (
SELECT 'okta_any_signin' AS rname, 0 AS cls, e.seq AS k1, 11 AS k2, 0 AS k3, e.ns, NULL AS val, e.file, e.line
FROM events_okta_okta AS e
WHERE e.ns IS NOT NULL AND len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
),
d1_valid AS MATERIALIZED (
SELECT h.*, row_number() OVER (ORDER BY h.ns, h.cls, h.k1, h.k2, h.k3) AS o, (h.ns) // 3600000000000 AS b
FROM d1_hits AS h
),
d1_events AS MATERIALIZED (
SELECT 0 AS cls, h.k1, h.k2, h.file, h.line, h.ns FROM d1_hits AS h WHERE h.cls = 0
),
d1_seq AS MATERIALIZED (
SELECT v.*, LAG(v.ns) OVER (ORDER BY v.o) AS prev_ns,
LAG(v.o) OVER (ORDER BY v.o) AS prev_o,
LEAD(v.o) OVER (ORDER BY v.o) AS next_o
FROM d1_valid AS v
),
d1_horizon AS MATERIALIZED (
SELECT max(x.ns) AS hz FROM detc_all_events AS x
),
d1_alerts AS MATERIALIZED (
SELECT s.prev_o AS point, s.prev_ns AS wstart, s.ns AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_seq AS s JOIN d1_valid AS h ON h.o = s.prev_o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
WHERE s.prev_ns IS NOT NULL AND s.ns - s.prev_ns > 3600000000000
UNION ALL
SELECT s.prev_o AS point, s.prev_ns AS wstart, s.ns AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_seq AS s JOIN d1_valid AS h ON h.o = s.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
WHERE s.prev_ns IS NOT NULL AND s.ns - s.prev_ns > 3600000000000
UNION ALL
SELECT s.o AS point, s.ns AS wstart, z.hz AS wend, ev.file AS file, ev.line AS line, ev.ns AS ns
FROM d1_seq AS s JOIN d1_horizon AS z ON z.hz - s.ns > 3600000000000 JOIN d1_valid AS h ON h.o = s.o JOIN d1_events AS ev ON ev.cls = h.cls AND ev.k1 = h.k1 AND ev.k2 = h.k2
WHERE s.next_o IS NULL
)
SELECT * FROM d1_alerts
ORDER BY point, ns, file, line;

-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000142 Okta sign-in of any outcome (exact)
-- detc sql (duckdb): Okta sign-in of any outcome [7d2f0c1a-5b3e-4c8d-9a6f-000000000142]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
