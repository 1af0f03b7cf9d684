-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000009 Field exists (exact)
-- detc sql (postgres): Field exists [7d2f0c1a-5b3e-4c8d-9a6f-000000000009]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n1 WHERE detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'user.session.start')
  AND (EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'securityContext')) AS n2 WHERE (n2.v -> 'isProxy') IS NOT NULL) OR (e.doc -> 'securityContext') IS NULL AND (e.doc -> 'securityContext.isProxy') IS NOT NULL)
)
ORDER BY seq;
