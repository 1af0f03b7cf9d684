-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000016 Time part (exact)
-- detc sql (sqlite): Time part [7d2f0c1a-5b3e-4c8d-9a6f-000000000016]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_azure_signinlogs AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."resultType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND (n1.type = 'text' AND (detc_fold(n1.atom) = '0' OR detc_numkey(n1.atom) = '2') OR n1.type IN ('integer', 'real') AND CASE WHEN NOT (((e.doc -> '$."resultType"') -> n1.fullkey) GLOB '*[.eE]*') THEN detc_numkey(((e.doc -> '$."resultType"') -> n1.fullkey)) = '2' ELSE CAST(((e.doc -> '$."resultType"') -> n1.fullkey) AS REAL) = CAST('0.0' AS REAL) END))
  AND EXISTS (SELECT 1 FROM (SELECT n3.type AS t, n3.atom AS s, CASE WHEN n3.type IN ('integer', 'real') THEN ((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."createdDateTime"') -> n3.fullkey) WHEN n3.type = 'object' THEN n3.value END AS j FROM json_tree((e.doc -> '$."properties"')) AS n2, json_tree((CASE WHEN n2.type = 'object' THEN n2.value END -> '$."createdDateTime"')) AS n3 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND n3.type <> 'array' AND instr(n3.fullkey, '.') = 0 UNION ALL SELECT n4.type AS t, n4.atom AS s, CASE WHEN n4.type IN ('integer', 'real') THEN ((e.doc -> '$."properties.createdDateTime"') -> n4.fullkey) WHEN n4.type = 'object' THEN n4.value END AS j FROM json_tree((e.doc -> '$."properties.createdDateTime"')) AS n4 WHERE (e.doc -> '$."properties"') IS NULL AND n4.type <> 'array' AND instr(n4.fullkey, '.') = 0) AS v5 WHERE (v5.t = 'text' AND detc_timepart(v5.s, 'hour') < 6))
)
ORDER BY seq;
