-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000015 Field reference (approximated)
-- testdata/rules/modifier_fieldref.yml:13:32: warning[W402]: sql (duckdb) approximates: a JSON number with a fraction or an exponent is matched as text the way the engine prints it, not as Java's Double.toString (1e21 and 1.0E21); integers are exact (fieldref compares values as text)
--   |         actor.id|fieldref|neq: target.id
--   |                                ^^^^^^^^^
-- detc sql (duckdb): Field reference [7d2f0c1a-5b3e-4c8d-9a6f-000000000015]
-- fidelity: approximated (a JSON number with a fraction or an exponent is matched as text the way the engine prints it, not as Java's Double.toString (1e21 and 1.0E21); integers are exact (fieldref compares values as text))
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.account.update_profile' THEN TRUE ELSE FALSE END)) > 0
  AND NOT EXISTS (SELECT 1 FROM (SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."actor"')) AS n2, json_tree(json_extract(n2.value, '$."id"')) AS n3 WHERE n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.') UNION ALL SELECT n4.value AS v FROM json_tree(json_extract(e.doc, '$."actor.id"')) AS n4 WHERE json_extract(e.doc, '$."actor"') IS NULL AND n4.type <> 'ARRAY' AND NOT contains(n4.fullkey, '.')) AS v5, (SELECT n7.value AS v FROM json_tree(json_extract(e.doc, '$."target"')) AS n6, json_tree(json_extract(n6.value, '$."id"')) AS n7 WHERE n6.type <> 'ARRAY' AND NOT contains(n6.fullkey, '.') AND n7.type <> 'ARRAY' AND NOT contains(n7.fullkey, '.') UNION ALL SELECT n8.value AS v FROM json_tree(json_extract(e.doc, '$."target.id"')) AS n8 WHERE json_extract(e.doc, '$."target"') IS NULL AND n8.type <> 'ARRAY' AND NOT contains(n8.fullkey, '.')) AS v9 WHERE detc_fold(CASE WHEN json_type(v5.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v5.v ->> '$' END) = detc_fold(CASE WHEN json_type(v9.v) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN v9.v ->> '$' END))
)
ORDER BY seq;
