-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000020 Condition list (exact)
-- detc sql (postgres): Condition list [7d2f0c1a-5b3e-4c8d-9a6f-000000000020]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n1 WHERE (detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'policy.lifecycle.deactivate' OR detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'policy.rule.deactivate'))
ORDER BY seq;
