-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000009 Field exists (exact)
-- detc sql (duckdb): Field exists [7d2f0c1a-5b3e-4c8d-9a6f-000000000009]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
  AND (len(list_filter(detc_flat(json_extract(e.doc, '$."securityContext"')), lambda x2: CASE WHEN json_extract(x2, '$."isProxy"') IS NOT NULL THEN TRUE ELSE FALSE END)) > 0 OR json_extract(e.doc, '$."securityContext"') IS NULL AND json_extract(e.doc, '$."securityContext.isProxy"') IS NOT NULL)
)
ORDER BY seq;
