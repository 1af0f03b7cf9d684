-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000008 CIDR v4 and v6 (exact)
-- detc sql (duckdb): CIDR v4 and v6 [7d2f0c1a-5b3e-4c8d-9a6f-000000000008]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE NOT len(list_filter(list_transform([json_extract(e.doc, '$."properties"')], lambda x1: list_concat(flatten(list_transform(detc_flat(x1), lambda x2: detc_flat(json_extract(x2, '$."ipAddress"')))), CASE WHEN x1 IS NULL THEN detc_flat(json_extract(e.doc, '$."properties.ipAddress"')) ELSE []::JSON[] END))[1], lambda x3: CASE WHEN ((json_type(x3) = 'VARCHAR' AND list_transform([detc_ip((x3 ->> '$'))], lambda ip: CASE length(ip) WHEN 8 THEN ip BETWEEN '0a000000' AND '0affffff' WHEN 32 THEN ip BETWEEN '00000000000000000000ffff0a000000' AND '00000000000000000000ffff0affffff' ELSE FALSE END)[1]) OR (json_type(x3) = 'VARCHAR' AND list_transform([detc_ip((x3 ->> '$'))], lambda ip: (length(ip) = 32 AND ip BETWEEN '20010db8000000000000000000000000' AND '20010db8ffffffffffffffffffffffff'))[1])) THEN TRUE ELSE FALSE END)) > 0
ORDER BY seq;
