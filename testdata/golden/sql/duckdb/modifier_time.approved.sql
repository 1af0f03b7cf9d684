-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000016 Time part (exact)
-- detc sql (duckdb): Time part [7d2f0c1a-5b3e-4c8d-9a6f-000000000016]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  len(list_filter(detc_flat(json_extract(e.doc, '$."resultType"')), lambda x1: CASE WHEN (json_type(x1) = 'VARCHAR' AND (detc_fold((x1 ->> '$')) = '0' OR detc_numkey((x1 ->> '$')) = '2') OR json_type(x1) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') AND CASE WHEN regexp_full_match((x1 ->> '$'), '-?[0-9]+') THEN detc_numkey((x1 ->> '$')) = '2' ELSE CAST((x1 ->> '$') AS DOUBLE) = CAST('0.0' AS DOUBLE) END) THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x2: list_concat(flatten(list_transform(detc_flat(x2), lambda x3: detc_flat(json_extract(x3, '$."createdDateTime"')))), CASE WHEN x2 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.createdDateTime"')) ELSE []::JSON[] END))[1], lambda x4: CASE WHEN (json_type(x4) = 'VARCHAR' AND detc_timepart((x4 ->> '$'), 'hour') < 6) THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
