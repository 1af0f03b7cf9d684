-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000001 Exact match, case-insensitive (exact)
-- detc sql (sqlite): Exact match, case-insensitive [7d2f0c1a-5b3e-4c8d-9a6f-000000000001]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."result"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n4 WHERE (e.doc -> '$."outcome"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'failure')
)
ORDER BY seq;
