-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000006 Wildcards and escapes (exact)
-- detc sql (postgres): Wildcards and escapes [7d2f0c1a-5b3e-4c8d-9a6f-000000000006]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'target')) AS n1, detc_flatten((n1.v -> 'displayName')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'target.displayName')) AS n3 WHERE (e.doc -> 'target') IS NULL) AS v4 WHERE (detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) LIKE 'okta admin console%' ESCAPE '\' OR detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) LIKE 'app-__-prod' ESCAPE '\' OR detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'literal*star'))
ORDER BY seq;
