-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000008 CIDR v4 and v6 (exact)
-- detc sql (duckdb): CIDR v4 and v6 [7d2f0c1a-5b3e-4c8d-9a6f-000000000008]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE NOT EXISTS (SELECT 1 FROM (SELECT n2.value AS v FROM json_tree(json_extract(e.doc, '$."properties"')) AS n1, json_tree(json_extract(n1.value, '$."ipAddress"')) AS n2 WHERE n1.type <> 'ARRAY' AND NOT contains(n1.fullkey, '.') AND n2.type <> 'ARRAY' AND NOT contains(n2.fullkey, '.') UNION ALL SELECT n3.value AS v FROM json_tree(json_extract(e.doc, '$."properties.ipAddress"')) AS n3 WHERE json_extract(e.doc, '$."properties"') IS NULL AND n3.type <> 'ARRAY' AND NOT contains(n3.fullkey, '.')) AS v4 WHERE ((json_type(v4.v) = 'VARCHAR' AND list_transform([detc_ip((v4.v ->> '$'))], lambda ip: CASE length(ip) WHEN 8 THEN ip BETWEEN '0a000000' AND '0affffff' WHEN 32 THEN ip BETWEEN '00000000000000000000ffff0a000000' AND '00000000000000000000ffff0affffff' ELSE FALSE END)[1]) OR (json_type(v4.v) = 'VARCHAR' AND list_transform([detc_ip((v4.v ->> '$'))], lambda ip: (length(ip) = 32 AND ip BETWEEN '20010db8000000000000000000000000' AND '20010db8ffffffffffffffffffffffff'))[1])))
ORDER BY seq;
