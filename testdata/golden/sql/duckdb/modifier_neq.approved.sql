-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000012 Not equal (exact)
-- detc sql (duckdb): Not equal [7d2f0c1a-5b3e-4c8d-9a6f-000000000012]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."appDisplayName"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.appDisplayName"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) = 'microsoft graph' THEN TRUE ELSE FALSE END)) > 0
  AND NOT len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x4: list_concat(flatten(list_transform(detc_flat(x4), lambda x5: detc_flat(json_extract(x5, '$."clientAppUsed"')))), CASE WHEN x4 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.clientAppUsed"')) ELSE []::JSON[] END))[1], lambda x6: CASE WHEN detc_fold(CASE WHEN json_type(x6) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x6 ->> '$' END) = 'browser' THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
