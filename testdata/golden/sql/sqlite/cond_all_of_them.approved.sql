-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000019 All of them with an underscore identifier (exact)
-- detc sql (sqlite): All of them with an underscore identifier [7d2f0c1a-5b3e-4c8d-9a6f-000000000019]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  (
    EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.mfa.factor.deactivate')
    AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."type"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."actor"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."type"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."actor.type"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."actor.type"')) AS n4 WHERE (e.doc -> '$."actor"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE detc_fold(CASE WHEN v5.t = 'text' THEN v5.s WHEN v5.t = 'true' THEN 'true' WHEN v5.t = 'false' THEN 'false' WHEN v5.t IN ('integer', 'real') THEN v5.j END) = 'user')
  )
  OR (
    EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n6 WHERE n6.type <> 'array' AND instr(n6.fullkey, '.') = 0 AND detc_fold(CASE WHEN n6.type = 'text' THEN n6.atom WHEN n6.type = 'true' THEN 'true' WHEN n6.type = 'false' THEN 'false' WHEN n6.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n6.fullkey) END) = 'user.mfa.factor.deactivate')
    AND EXISTS (SELECT 1 FROM (SELECT n8.type AS t, n8.atom AS s, CASE WHEN n8.type IN ('integer', 'real') THEN ((CASE WHEN n7.type = 'object' THEN n7.value END -> '$."result"') -> n8.fullkey) WHEN n8.type = 'object' THEN n8.value END AS j FROM json_tree((e.doc -> '$."outcome"')) AS n7, json_tree((CASE WHEN n7.type = 'object' THEN n7.value END -> '$."result"')) AS n8 WHERE n7.type <> 'array' AND instr(n7.fullkey, '.') = 0 AND n8.type <> 'array' AND instr(n8.fullkey, '.') = 0 UNION ALL SELECT n9.type AS t, n9.atom AS s, CASE WHEN n9.type IN ('integer', 'real') THEN ((e.doc -> '$."outcome.result"') -> n9.fullkey) WHEN n9.type = 'object' THEN n9.value END AS j FROM json_tree((e.doc -> '$."outcome.result"')) AS n9 WHERE (e.doc -> '$."outcome"') IS NULL AND n9.type <> 'array' AND instr(n9.fullkey, '.') = 0) AS v10 WHERE detc_fold(CASE WHEN v10.t = 'text' THEN v10.s WHEN v10.t = 'true' THEN 'true' WHEN v10.t = 'false' THEN 'false' WHEN v10.t IN ('integer', 'real') THEN v10.j END) = 'success')
  )
)
ORDER BY seq;
