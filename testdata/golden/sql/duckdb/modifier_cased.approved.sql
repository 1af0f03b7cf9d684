-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000005 Cased match (exact)
-- detc sql (duckdb): Cased match [7d2f0c1a-5b3e-4c8d-9a6f-000000000005]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END = 'system.api_token.create' THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
