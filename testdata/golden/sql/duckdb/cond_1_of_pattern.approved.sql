-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000018 1 of pattern and not (exact)
-- detc sql (duckdb): 1 of pattern and not [7d2f0c1a-5b3e-4c8d-9a6f-000000000018]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."eventType"')) AS n1 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND (detc_fold(CASE WHEN json_type(n1.value) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN n1.value ->> '$' END) = 'system.api_token.create' OR detc_fold(CASE WHEN json_type(n1.value) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN n1.value ->> '$' END) = 'app.oauth2.as.token.grant'))
  AND NOT EXISTS (SELECT 1 FROM (SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n2, json_tree(json_extract(n2.value, '$."alternateId"')) AS n3 WHERE n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.') UNION ALL SELECT n4.value AS v FROM json_tree(json_extract(e.doc, '$."actor.alternateId"')) AS n4 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n4.type <> 'ARRAY' AND NOT contains(n4.fullkey, '.')) AS v5 WHERE detc_fold(CASE WHEN json_type(v5.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v5.v ->> '$' END) LIKE 'svc-%' ESCAPE '\')
  AND NOT EXISTS (SELECT 1 FROM (SELECT n7.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n6, json_tree(json_extract(n6.value, '$."alternateId"')) AS n7 WHERE n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') AND n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.') UNION ALL SELECT n8.value AS v FROM json_tree(json_extract(e.doc, '$."actor.alternateId"')) AS n8 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n8.type <> 'ARRAY' AND NOT contains(n8.fullkey, '.')) AS v9 WHERE detc_fold(CASE WHEN json_type(v9.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v9.v ->> '$' END) LIKE 'svc-%' ESCAPE '\')
)
ORDER BY seq;
