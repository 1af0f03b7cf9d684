-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000003 Startswith and endswith (exact)
-- detc sql (duckdb): Startswith and endswith [7d2f0c1a-5b3e-4c8d-9a6f-000000000003]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM (SELECT n2.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n1, json_tree(json_extract(n1.value, '$."alternateId"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor.alternateId"')) AS n3 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE detc_fold(CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END) LIKE 'svc-%' ESCAPE '\')
  AND EXISTS (SELECT 1 FROM (SELECT n6.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n5, json_tree(json_extract(n5.value, '$."alternateId"')) AS n6 WHERE n5.type <> 'ARRAY' AND NOT contains(n5.fullkey, '.') AND n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') UNION ALL SELECT n7.value AS v FROM json_tree(json_extract(e.doc, '$."actor.alternateId"')) AS n7 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.')) AS v8 WHERE detc_fold(CASE WHEN json_type(v8.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v8.v ->> '$' END) LIKE '%@example.com' ESCAPE '\')
)
ORDER BY seq;
