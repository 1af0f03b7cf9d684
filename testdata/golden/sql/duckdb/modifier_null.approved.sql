-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000010 Null value (exact)
-- detc sql (duckdb): Null value [7d2f0c1a-5b3e-4c8d-9a6f-000000000010]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n2.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n1, json_tree(json_extract(n1.value, '$."conditionalAccessStatus"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."properties.conditionalAccessStatus"')) AS n3 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE detc_fold(CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END) = 'notapplied')
  AND NOT EXISTS (SELECT 1 FROM (SELECT n7.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n5, json_tree(json_extract(n5.value, '$."deviceDetail"')) AS n6, json_tree(json_extract(n6.value, '$."deviceId"')) AS n7 WHERE n5.type <> 'ARRAY' AND NOT contains(n5.fullkey, '.') AND n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') AND n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.') UNION ALL SELECT n8.value AS v FROM json_tree(json_extract(e.doc, '$."properties.deviceDetail.deviceId"')) AS n8 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n8.type <> 'ARRAY' AND NOT contains(n8.fullkey, '.') UNION ALL SELECT n10.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n9, json_tree(json_extract(n9.value, '$."deviceDetail.deviceId"')) AS n10 WHERE n9.type <> 'ARRAY' AND NOT contains(n9.fullkey, '.') AND json_extract(n9.value, '$."deviceDetail"') IS NULL AND n10.type <> 'ARRAY' AND NOT contains(n10.fullkey, '.')) AS v11 WHERE NOT json_type(v11.v) = 'NULL')
)
ORDER BY seq;
