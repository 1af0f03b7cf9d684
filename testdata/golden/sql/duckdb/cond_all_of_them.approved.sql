-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000019 All of them with an underscore identifier (exact)
-- detc sql (duckdb): All of them with an underscore identifier [7d2f0c1a-5b3e-4c8d-9a6f-000000000019]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  (
    EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."eventType"')) AS n1 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND detc_fold(CASE WHEN json_type(n1.value) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN n1.value ->> '$' END) = 'user.mfa.factor.deactivate')
    AND EXISTS (SELECT 1 FROM (SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n2, json_tree(json_extract(n2.value, '$."type"')) AS n3 WHERE n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.') UNION ALL SELECT n4.value AS v FROM json_tree(json_extract(e.doc, '$."actor.type"')) AS n4 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n4.type <> 'ARRAY' AND NOT contains(n4.fullkey, '.')) AS v5 WHERE detc_fold(CASE WHEN json_type(v5.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v5.v ->> '$' END) = 'user')
  )
  OR (
    EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."eventType"')) AS n6 WHERE n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') AND detc_fold(CASE WHEN json_type(n6.value) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN n6.value ->> '$' END) = 'user.mfa.factor.deactivate')
    AND EXISTS (SELECT 1 FROM (SELECT n8.value AS v FROM json_tree(json_extract(e.doc, '$."outcome"')) AS n7, json_tree(json_extract(n7.value, '$."result"')) AS n8 WHERE n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.') AND n8.type <> 'ARRAY' AND NOT contains(n8.fullkey, '.') UNION ALL SELECT n9.value AS v FROM json_tree(json_extract(e.doc, '$."outcome.result"')) AS n9 WHERE json_extract(e.doc, '$."outcome"') IS NULL AND n9.type <> 'ARRAY' AND NOT contains(n9.fullkey, '.')) AS v10 WHERE detc_fold(CASE WHEN json_type(v10.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v10.v ->> '$' END) = 'success')
  )
)
ORDER BY seq;
