-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000011 Numeric comparisons (exact)
-- detc sql (duckdb): Numeric comparisons [7d2f0c1a-5b3e-4c8d-9a6f-000000000011]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_graphactivitylogs AS e
WHERE (
  len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."responseSizeBytes"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.responseSizeBytes"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN (json_type(x3) = 'VARCHAR' AND detc_numkey((x3 ->> '$')) >= '3100000000071' OR json_type(x3) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') AND CASE WHEN regexp_full_match((x3 ->> '$'), '-?[0-9]+') THEN detc_numkey((x3 ->> '$')) >= '3100000000071' ELSE CAST((x3 ->> '$') AS DOUBLE) >= CAST('1000000.0' AS DOUBLE) END) THEN TRUE ELSE FALSE END)) > 0
  AND len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x4: list_concat(flatten(list_transform(detc_flat(x4), lambda x5: detc_flat(json_extract(x5, '$."responseStatusCode"')))), CASE WHEN x4 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.responseStatusCode"')) ELSE []::JSON[] END))[1], lambda x6: CASE WHEN (json_type(x6) = 'VARCHAR' AND (detc_fold((x6 ->> '$')) = '200' OR detc_numkey((x6 ->> '$')) = '3100000000032') OR json_type(x6) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') AND CASE WHEN regexp_full_match((x6 ->> '$'), '-?[0-9]+') THEN detc_numkey((x6 ->> '$')) = '3100000000032' ELSE CAST((x6 ->> '$') AS DOUBLE) = CAST('200.0' AS DOUBLE) END) THEN TRUE ELSE FALSE END)) > 0
)
ORDER BY seq;
