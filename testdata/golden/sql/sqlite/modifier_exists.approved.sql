-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000009 Field exists (exact)
-- detc sql (sqlite): Field exists [7d2f0c1a-5b3e-4c8d-9a6f-000000000009]
-- fidelity: exact
-- requires: SQLite >= 3.38; Java functions registered through the JDBC driver (org.sqlite.Function): regexp (RE2/J, behind REGEXP), detc_fold, detc_ip, detc_numkey, detc_timepart (io.detc.backend.sql.SqlFunctions)
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."eventType"')) AS n1 WHERE n1.type <> 'array' AND instr(n1.fullkey, '.') = 0 AND detc_fold(CASE WHEN n1.type = 'text' THEN n1.atom WHEN n1.type = 'true' THEN 'true' WHEN n1.type = 'false' THEN 'false' WHEN n1.type IN ('integer', 'real') THEN ((e.doc -> '$."eventType"') -> n1.fullkey) END) = 'user.session.start')
  AND (EXISTS (SELECT 1 FROM json_tree((e.doc -> '$."securityContext"')) AS n2 WHERE n2.type <> 'array' AND instr(n2.fullkey, '.') = 0 AND (CASE WHEN n2.type = 'object' THEN n2.value END -> '$."isProxy"') IS NOT NULL) OR (e.doc -> '$."securityContext"') IS NULL AND (e.doc -> '$."securityContext.isProxy"') IS NOT NULL)
)
ORDER BY seq;
