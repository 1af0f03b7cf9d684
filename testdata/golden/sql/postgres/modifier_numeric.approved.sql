-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000011 Numeric comparisons (exact)
-- detc sql (postgres): Numeric comparisons [7d2f0c1a-5b3e-4c8d-9a6f-000000000011]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n2.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n1, detc_flatten((n1.v -> 'responseSizeBytes')) AS n2 UNION ALL SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties.responseSizeBytes')) AS n3 WHERE (e.doc -> 'properties') IS NULL) AS v4 WHERE (jsonb_typeof(v4.v) = 'string' AND detc_numkey((v4.v #>> '{}')) COLLATE "C" >= '3100000000071' OR jsonb_typeof(v4.v) = 'number' AND CASE WHEN ((v4.v #>> '{}') ~ '^-?[0-9]+$') THEN detc_numkey((v4.v #>> '{}')) COLLATE "C" >= '3100000000071' ELSE detc_float8((v4.v #>> '{}')) >= CAST('1000000.0' AS float8) END))
  AND EXISTS (SELECT 1 FROM (SELECT n6.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n5, detc_flatten((n5.v -> 'responseStatusCode')) AS n6 UNION ALL SELECT n7.v AS v FROM detc_flatten((e.doc -> 'properties.responseStatusCode')) AS n7 WHERE (e.doc -> 'properties') IS NULL) AS v8 WHERE (jsonb_typeof(v8.v) = 'string' AND (detc_fold((v8.v #>> '{}')) = '200' OR detc_numkey((v8.v #>> '{}')) COLLATE "C" = '3100000000032') OR jsonb_typeof(v8.v) = 'number' AND CASE WHEN ((v8.v #>> '{}') ~ '^-?[0-9]+$') THEN detc_numkey((v8.v #>> '{}')) COLLATE "C" = '3100000000032' ELSE detc_float8((v8.v #>> '{}')) = CAST('200.0' AS float8) END))
)
ORDER BY seq;
