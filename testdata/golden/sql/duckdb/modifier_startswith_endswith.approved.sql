-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000003 Startswith and endswith (exact)
-- detc sql (duckdb): Startswith and endswith [7d2f0c1a-5b3e-4c8d-9a6f-000000000003]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(list_transform([json_extract(e.doc, '$."actor"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."alternateId"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."actor.alternateId"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) LIKE 'svc-%' ESCAPE '\' THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."actor"')], lambda x4: list_concat(flatten(list_transform(detc_flat(x4), lambda x5: detc_flat(json_extract(x5, '$."alternateId"')))), CASE WHEN x4 IS NULL THEN detc_flat(json_extract(e.doc, '$."actor.alternateId"')) ELSE []::JSON[] END))[1], lambda x6: CASE WHEN detc_fold(CASE WHEN json_type(x6) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x6 ->> '$' END) LIKE '%@example.com' ESCAPE '\' THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
