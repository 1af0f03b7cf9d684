-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000016 Time part (exact)
-- detc sql (postgres): Time part [7d2f0c1a-5b3e-4c8d-9a6f-000000000016]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'resultType')) AS n1 WHERE (jsonb_typeof(n1.v) = 'string' AND (detc_fold((n1.v #>> '{}')) = '0' OR detc_numkey((n1.v #>> '{}')) COLLATE "C" = '2') OR jsonb_typeof(n1.v) = 'number' AND CASE WHEN ((n1.v #>> '{}') ~ '^-?[0-9]+$') THEN detc_numkey((n1.v #>> '{}')) COLLATE "C" = '2' ELSE detc_float8((n1.v #>> '{}')) = CAST('0.0' AS float8) END))
  AND EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'properties')) AS n2, detc_flatten((n2.v -> 'createdDateTime')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'properties.createdDateTime')) AS n4 WHERE (e.doc -> 'properties') IS NULL) AS v5 WHERE (jsonb_typeof(v5.v) = 'string' AND detc_timepart((v5.v #>> '{}'), 'hour') < 6))
)
ORDER BY seq;
