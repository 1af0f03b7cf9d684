-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000001 Exact match, case-insensitive (exact)
-- detc sql (duckdb): Exact match, case-insensitive [7d2f0c1a-5b3e-4c8d-9a6f-000000000001]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  len(list_filter(detc_flat(json_extract(e.doc, '$."eventType"')), lambda x1: CASE WHEN detc_fold(CASE WHEN json_type(x1) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x1 ->> '$' END) = 'user.session.start' THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."outcome"')], lambda x2: list_concat(flatten(list_transform(detc_flat(x2), lambda x3: detc_flat(json_extract(x3, '$."result"')))), CASE WHEN x2 IS NULL THEN detc_flat(json_extract(e.doc, '$."outcome.result"')) ELSE []::JSON[] END))[1], lambda x4: CASE WHEN detc_fold(CASE WHEN json_type(x4) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x4 ->> '$' END) = 'failure' THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
