-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000016 Time part (exact)
-- detc sql (duckdb): Time part [7d2f0c1a-5b3e-4c8d-9a6f-000000000016]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."resultType"')) AS n1 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND (json_type(n1.value) = 'VARCHAR' AND (detc_fold((n1.value ->> '$')) = '0' OR detc_numkey((n1.value ->> '$')) = '2') OR json_type(n1.value) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') AND CASE WHEN regexp_full_match((n1.value ->> '$'), '-?[0-9]+') THEN detc_numkey((n1.value ->> '$')) = '2' ELSE CAST((n1.value ->> '$') AS DOUBLE) = CAST('0.0' AS DOUBLE) END))
  AND EXISTS (SELECT 1 FROM (SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n2, json_tree(json_extract(n2.value, '$."createdDateTime"')) AS n3 WHERE n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.') UNION ALL SELECT n4.value AS v FROM json_tree(json_extract(e.doc, '$."properties.createdDateTime"')) AS n4 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n4.type <> 'ARRAY' AND NOT contains(n4.fullkey, '.')) AS v5 WHERE (json_type(v5.v) = 'VARCHAR' AND detc_timepart((v5.v ->> '$'), 'hour') < 6))
)
ORDER BY seq;
