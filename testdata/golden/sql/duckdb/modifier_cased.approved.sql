-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000005 Cased match (exact)
-- detc sql (duckdb): Cased match [7d2f0c1a-5b3e-4c8d-9a6f-000000000005]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."eventType"')) AS n1 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND CASE WHEN json_type(n1.value) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN n1.value ->> '$' END = 'system.api_token.create')
ORDER BY seq;
