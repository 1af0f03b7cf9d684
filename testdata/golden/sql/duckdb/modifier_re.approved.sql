-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000007 Regular expression with flags (exact)
-- detc sql (duckdb): Regular expression with flags [7d2f0c1a-5b3e-4c8d-9a6f-000000000007]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE len(list_filter(list_transform([json_extract(e.doc, '$."client"')], lambda x1: list_concat(flatten(list_transform(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."userAgent"')))), lambda x3: detc_flat(json_extract(x3, '$."rawUserAgent"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."client.userAgent.rawUserAgent"')) ELSE []::JSON[] END, flatten(list_transform(detc_flat(x1), lambda x4: CASE WHEN json_extract(x4, '$."userAgent"') IS NULL THEN detc_flat(json_extract(x4, '$."userAgent.rawUserAgent"')) ELSE []::JSON[] END))))[1], lambda x5: CASE WHEN regexp_matches(CASE WHEN json_type(x5) NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN x5 ->> '$' END, '(?i)^(curl|wget|python-requests)/[0-9.]+$') THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
