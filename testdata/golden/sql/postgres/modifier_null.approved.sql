-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000010 Null value (exact)
-- detc sql (postgres): Null value [7d2f0c1a-5b3e-4c8d-9a6f-000000000010]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'conditionalAccessStatus')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.conditionalAccessStatus')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE detc_fold(CASE WHEN jsonb_typeof(v4.v) IN ('string', 'number', 'boolean') THEN v4.v #>> '{}' END) = 'notapplied')
  AND NOT EXISTS (SELECT 1 FROM (SELECT n7.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n5, detc_flatten((n5.v -> 'deviceDetail')) AS n6, detc_flatten((n6.v -> 'deviceId')) AS n7 UNION ALL SELECT n8.v AS v FROM detc_flatten((e.doc -> 'properties.deviceDetail.deviceId')) AS n8 WHERE (e.doc -> 'properties') IS NULL UNION ALL SELECT n10.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n9, detc_flatten((n9.v -> 'deviceDetail.deviceId')) AS n10 WHERE (n9.v -> 'deviceDetail') IS NULL) AS v11 WHERE NOT jsonb_typeof(v11.v) = 'null')
)
ORDER BY seq;
