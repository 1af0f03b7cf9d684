-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000006 Wildcards and escapes (exact)
-- detc sql (duckdb): Wildcards and escapes [7d2f0c1a-5b3e-4c8d-9a6f-000000000006]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(list_transform([json_extract(e.doc, '$."target"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."displayName"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."target.displayName"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN (detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) LIKE 'okta admin console%' ESCAPE '\' OR detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) LIKE 'app-__-prod' ESCAPE '\' OR detc_fold(CASE WHEN json_type(x3) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x3 ->> '$' END) = 'literal*star') THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
