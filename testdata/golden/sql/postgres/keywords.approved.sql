-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000017 Keyword search (exact)
-- detc sql (postgres): Keyword search [7d2f0c1a-5b3e-4c8d-9a6f-000000000017]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM jsonb_path_query(e.doc, 'strict $.**') AS k1(v) WHERE jsonb_typeof(k1.v) = 'string' AND (detc_fold((k1.v #>> '{}')) LIKE '%mimikatz%' ESCAPE '\' OR detc_fold((k1.v #>> '{}')) LIKE '%evilginx%' ESCAPE '\'))
ORDER BY seq;
