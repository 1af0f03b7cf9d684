-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000004 Contains all (exact)
-- detc sql (duckdb): Contains all [7d2f0c1a-5b3e-4c8d-9a6f-000000000004]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(list_transform([json_extract(e.doc, '$."debugContext"')], lambda x1: list_concat(flatten(list_transform(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."debugData"')))), lambda x3: detc_flat(json_extract(x3, '$."requestUri"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."debugContext.debugData.requestUri"')) ELSE []::JSON[] END, flatten(list_transform(detc_flat(x1), lambda x4: CASE WHEN json_extract(x4, '$."debugData"') IS NULL THEN detc_flat(json_extract(x4, '$."debugData.requestUri"')) ELSE []::JSON[] END))))[1], lambda x5: CASE WHEN detc_fold(CASE WHEN json_type(x5) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x5 ->> '$' END) LIKE '%/api/v1/%' ESCAPE '\' THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."debugContext"')], lambda x6: list_concat(flatten(list_transform(flatten(list_transform(detc_flat(x6), lambda x7: detc_flat(json_extract(x7, '$."debugData"')))), lambda x8: detc_flat(json_extract(x8, '$."requestUri"')))), CASE WHEN x6 IS NULL THEN detc_flat(json_extract(e.doc, '$."debugContext.debugData.requestUri"')) ELSE []::JSON[] END, flatten(list_transform(detc_flat(x6), lambda x9: CASE WHEN json_extract(x9, '$."debugData"') IS NULL THEN detc_flat(json_extract(x9, '$."debugData.requestUri"')) ELSE []::JSON[] END))))[1], lambda x10: CASE WHEN detc_fold(CASE WHEN json_type(x10) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x10 ->> '$' END) LIKE '%/lifecycle/%' ESCAPE '\' THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
