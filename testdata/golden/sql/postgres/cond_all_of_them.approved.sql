-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000019 All of them with an underscore identifier (exact)
-- detc sql (postgres): All of them with an underscore identifier [7d2f0c1a-5b3e-4c8d-9a6f-000000000019]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  (
    EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n1 WHERE detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'user.mfa.factor.deactivate')
    AND EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'actor')) AS n2, detc_flatten((n2.v -> 'type')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'actor.type')) AS n4 WHERE (e.doc -> 'actor') IS NULL) AS v5 WHERE detc_fold(CASE WHEN jsonb_typeof(v5.v) IN ('string', 'number', 'boolean') THEN v5.v #>> '{}' END) = 'user')
  )
  OR (
    EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n6 WHERE detc_fold(CASE WHEN jsonb_typeof(n6.v) IN ('string', 'number', 'boolean') THEN n6.v #>> '{}' END) = 'user.mfa.factor.deactivate')
    AND EXISTS (SELECT 1 FROM (SELECT n8.v AS v FROM detc_flatten((e.doc -> 'outcome')) AS n7, detc_flatten((n7.v -> 'result')) AS n8 UNION ALL SELECT n9.v AS v FROM detc_flatten((e.doc -> 'outcome.result')) AS n9 WHERE (e.doc -> 'outcome') IS NULL) AS v10 WHERE detc_fold(CASE WHEN jsonb_typeof(v10.v) IN ('string', 'number', 'boolean') THEN v10.v #>> '{}' END) = 'success')
  )
)
ORDER BY seq;
