-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000004 Contains all (exact)
-- detc sql (postgres): Contains all [7d2f0c1a-5b3e-4c8d-9a6f-000000000004]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'debugContext')) AS n1, detc_flatten((n1.v -> 'debugData')) AS n2, detc_flatten((n2.v -> 'requestUri')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'debugContext.debugData.requestUri')) AS n4 WHERE (e.doc -> 'debugContext') IS NULL UNION ALL SELECT n6.v AS v FROM detc_flatten((e.doc -> 'debugContext')) AS n5, detc_flatten((n5.v -> 'debugData.requestUri')) AS n6 WHERE (n5.v -> 'debugData') IS NULL) AS v7 WHERE detc_fold(CASE WHEN jsonb_typeof(v7.v) IN ('string', 'number', 'boolean') THEN v7.v #>> '{}' END) LIKE '%/api/v1/%' ESCAPE '\')
  AND EXISTS (SELECT 1 FROM (SELECT n10.v AS v FROM detc_flatten((e.doc -> 'debugContext')) AS n8, detc_flatten((n8.v -> 'debugData')) AS n9, detc_flatten((n9.v -> 'requestUri')) AS n10 UNION ALL SELECT n11.v AS v FROM detc_flatten((e.doc -> 'debugContext.debugData.requestUri')) AS n11 WHERE (e.doc -> 'debugContext') IS NULL UNION ALL SELECT n13.v AS v FROM detc_flatten((e.doc -> 'debugContext')) AS n12, detc_flatten((n12.v -> 'debugData.requestUri')) AS n13 WHERE (n12.v -> 'debugData') IS NULL) AS v14 WHERE detc_fold(CASE WHEN jsonb_typeof(v14.v) IN ('string', 'number', 'boolean') THEN v14.v #>> '{}' END) LIKE '%/lifecycle/%' ESCAPE '\')
)
ORDER BY seq;
