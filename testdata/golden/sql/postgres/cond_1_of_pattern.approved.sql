-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000018 1 of pattern and not (exact)
-- detc sql (postgres): 1 of pattern and not [7d2f0c1a-5b3e-4c8d-9a6f-000000000018]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n1 WHERE (detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'system.api_token.create' OR detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'app.oauth2.as.token.grant'))
  AND NOT EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'actor')) AS n2, detc_flatten((n2.v -> 'alternateId')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'actor.alternateId')) AS n4 WHERE (e.doc -> 'actor') IS NULL) AS v5 WHERE detc_fold(CASE WHEN jsonb_typeof(v5.v) IN ('string', 'number', 'boolean') THEN v5.v #>> '{}' END) LIKE 'svc-%' ESCAPE '\')
  AND NOT EXISTS (SELECT 1 FROM (SELECT n7.v AS v FROM detc_flatten((e.doc -> 'actor')) AS n6, detc_flatten((n6.v -> 'alternateId')) AS n7 UNION ALL SELECT n8.v AS v FROM detc_flatten((e.doc -> 'actor.alternateId')) AS n8 WHERE (e.doc -> 'actor') IS NULL) AS v9 WHERE detc_fold(CASE WHEN jsonb_typeof(v9.v) IN ('string', 'number', 'boolean') THEN v9.v #>> '{}' END) LIKE 'svc-%' ESCAPE '\')
)
ORDER BY seq;
