-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000011 Numeric comparisons (exact)
-- detc sql (duckdb): Numeric comparisons [7d2f0c1a-5b3e-4c8d-9a6f-000000000011]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n2.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n1, json_tree(json_extract(n1.value, '$."responseSizeBytes"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."properties.responseSizeBytes"')) AS n3 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE (json_type(v4.v) = 'VARCHAR' AND detc_numkey((v4.v ->> '$')) >= '3100000000071' OR json_type(v4.v) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') AND CASE WHEN regexp_full_match((v4.v ->> '$'), '-?[0-9]+') THEN detc_numkey((v4.v ->> '$')) >= '3100000000071' ELSE CAST((v4.v ->> '$') AS DOUBLE) >= CAST('1000000.0' AS DOUBLE) END))
  AND EXISTS (SELECT 1 FROM (SELECT n6.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n5, json_tree(json_extract(n5.value, '$."responseStatusCode"')) AS n6 WHERE n5.type <> 'ARRAY' AND NOT contains(n5.fullkey, '.') AND n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') UNION ALL SELECT n7.value AS v FROM json_tree(json_extract(e.doc, '$."properties.responseStatusCode"')) AS n7 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.')) AS v8 WHERE (json_type(v8.v) = 'VARCHAR' AND (detc_fold((v8.v ->> '$')) = '200' OR detc_numkey((v8.v ->> '$')) = '3100000000032') OR json_type(v8.v) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') AND CASE WHEN regexp_full_match((v8.v ->> '$'), '-?[0-9]+') THEN detc_numkey((v8.v ->> '$')) = '3100000000032' ELSE CAST((v8.v ->> '$') AS DOUBLE) = CAST('200.0' AS DOUBLE) END))
)
ORDER BY seq;
