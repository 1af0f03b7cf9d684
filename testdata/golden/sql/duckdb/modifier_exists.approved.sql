-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000009 Field exists (exact)
-- detc sql (duckdb): Field exists [7d2f0c1a-5b3e-4c8d-9a6f-000000000009]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."eventType"')) AS n1 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND detc_fold(CASE WHEN json_type(n1.value) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN n1.value ->> '$' END) = 'user.session.start')
  AND (EXISTS (SELECT 1 FROM json_tree(json_extract(e.doc, '$."securityContext"')) AS n2 WHERE n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') AND json_extract(n2.value, '$."isProxy"') IS NOT NULL) OR json_extract(e.doc, '$."securityContext"') IS NULL AND json_extract(e.doc, '$."securityContext.isProxy"') IS NOT NULL)
)
ORDER BY seq;
