-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000018 1 of pattern and not (exact)
-- detc sql (duckdb): 1 of pattern and not [7d2f0c1a-5b3e-4c8d-9a6f-000000000018]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN (detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'system.api_token.create' OR detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'app.oauth2.as.token.grant') THEN TRUE ELSE FALSE END)) > 0
  AND NOT len(list_filter(list_transform([json_extract(e.doc, '$."actor"')], lambda x2: list_concat(flatten(list_transform(detc_flat(x2), lambda x3: detc_flat(json_extract(x3, '$."alternateId"')))), CASE WHEN x2 IS NULL THEN detc_flat(json_extract(e.doc, '$."actor.alternateId"')) ELSE []::JSON[] END))[1], lambda x4: CASE WHEN detc_fold(CASE WHEN json_type(x4) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x4 ->> '$' END) LIKE 'svc-%' ESCAPE '\' THEN TRUE ELSE FALSE END)) > 0
  AND NOT len(list_filter(list_transform([json_extract(e.doc, '$."actor"')], lambda x5: list_concat(flatten(list_transform(detc_flat(x5), lambda x6: detc_flat(json_extract(x6, '$."alternateId"')))), CASE WHEN x5 IS NULL THEN detc_flat(json_extract(e.doc, '$."actor.alternateId"')) ELSE []::JSON[] END))[1], lambda x7: CASE WHEN detc_fold(CASE WHEN json_type(x7) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x7 ->> '$' END) LIKE 'svc-%' ESCAPE '\' THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
