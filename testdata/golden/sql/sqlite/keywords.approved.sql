-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000017 Keyword search (exact)
-- detc sql (sqlite): Keyword search [7d2f0c1a-5b3e-4c8d-9a6f-000000000017]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM json_tree(e.doc) AS k1 WHERE k1.type = 'text' AND (CASE WHEN instr(CAST(detc_fold(k1.atom) AS BLOB), X'00') > 0 THEN detc_fold(k1.atom) REGEXP '(?s)^.*mimikatz.*$' ELSE detc_fold(k1.atom) GLOB '*mimikatz*' END OR CASE WHEN instr(CAST(detc_fold(k1.atom) AS BLOB), X'00') > 0 THEN detc_fold(k1.atom) REGEXP '(?s)^.*evilginx.*$' ELSE detc_fold(k1.atom) GLOB '*evilginx*' END))
ORDER BY seq;
