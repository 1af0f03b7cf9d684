-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000002 Contains (exact)
-- detc sql (duckdb): Contains [7d2f0c1a-5b3e-4c8d-9a6f-000000000002]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."client"')) AS n1, json_tree(json_extract(n1.value, '$."userAgent"')) AS n2, json_tree(json_extract(n2.value, '$."rawUserAgent"')) AS n3 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.') UNION ALL SELECT n4.value AS v FROM json_tree(json_extract(e.doc, '$."client.userAgent.rawUserAgent"')) AS n4 WHERE json_extract(e.doc, '$."client"') IS NULL AND n4.type <> 'ARRAY' AND NOT contains(n4.fullkey, '.') UNION ALL SELECT n6.value AS v FROM json_tree(json_extract(e.doc, '$."client"')) AS n5, json_tree(json_extract(n5.value, '$."userAgent.rawUserAgent"')) AS n6 WHERE n5.type <> 'ARRAY' AND NOT contains(n5.fullkey, '.') AND json_extract(n5.value, '$."userAgent"') IS NULL AND n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.')) AS v7 WHERE detc_fold(CASE WHEN json_type(v7.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v7.v ->> '$' END) LIKE '%python-requests%' ESCAPE '\')
ORDER BY seq;
