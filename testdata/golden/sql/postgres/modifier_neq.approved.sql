-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000012 Not equal (exact)
-- detc sql (postgres): Not equal [7d2f0c1a-5b3e-4c8d-9a6f-000000000012]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'appDisplayName')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.appDisplayName')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'microsoft graph')
  AND NOT EXISTS (SELECT 1 FROM (SELECT n6.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n5, detc_flatten((n5.v -> 'clientAppUsed')) AS n6 UNION ALL SELECT n7.v AS v FROM detc_flatten((e.doc -> 'properties.clientAppUsed')) AS n7 WHERE (e.doc -> 'properties') IS NULL) AS v8 WHERE detc_fold(CASE WHEN jsonb_typeof(v8.v) IN ('string', 'number', 'boolean') THEN v8.v #>> '{}' END) = 'browser')
)
ORDER BY seq;
