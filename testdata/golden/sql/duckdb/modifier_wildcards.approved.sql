-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000006 Wildcards and escapes (exact)
-- detc sql (duckdb): Wildcards and escapes [7d2f0c1a-5b3e-4c8d-9a6f-000000000006]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n2.value AS v FROM json_tree(json_extract(e.doc, '$."target"')) AS n1, json_tree(json_extract(n1.value, '$."displayName"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."target.displayName"')) AS n3 WHERE json_extract(e.doc, '$."target"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE (detc_fold(CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END) LIKE 'okta admin console%' ESCAPE '\' OR detc_fold(CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END) LIKE 'app-__-prod' ESCAPE '\' OR detc_fold(CASE WHEN json_type(v4.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v4.v ->> '$' END) = 'literal*star'))
ORDER BY seq;
