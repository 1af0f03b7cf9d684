-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000017 Keyword search (exact)
-- detc sql (duckdb): Keyword search [7d2f0c1a-5b3e-4c8d-9a6f-000000000017]
-- fidelity: exact
-- requires: DuckDB >= 1.1 with the json extension; the detc macros (detc_flat, detc_fold, detc_ip, detc_numkey, detc_timepart) created once per database (SqlBackend.prelude("duckdb"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree(e.doc) AS k1 WHERE k1.type = 'VARCHAR' AND (detc_fold(k1.value ->> '$') LIKE '%mimikatz%' ESCAPE '\' OR detc_fold(k1.value ->> '$') LIKE '%evilginx%' ESCAPE '\'))
ORDER BY seq;
