-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000001 Exact match, case-insensitive (exact)
-- detc sql (postgres): Exact match, case-insensitive [7d2f0c1a-5b3e-4c8d-9a6f-000000000001]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n1 WHERE detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'outcome')) AS n2, detc_flatten((n2.v -> 'result')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'outcome.result')) AS n4 WHERE (e.doc -> 'outcome') IS NULL) AS v5 WHERE detc_fold(CASE WHEN jsonb_typeof(v5.v) IN ('string', 'number', 'boolean') THEN v5.v #>> '{}' END) = 'failure')
)
ORDER BY seq;
