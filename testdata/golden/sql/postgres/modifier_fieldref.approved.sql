-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000015 Field reference (approximated)
-- testdata/rules/modifier_fieldref.yml:13:32: warning[W402]: sql (postgres) approximates: a JSON number with a fraction or an exponent is matched as text the way the engine prints it, not as Java's Double.toString (1e21 and 1.0E21); integers are exact (fieldref compares values as text)
--   |         actor.id|fieldref|neq: target.id
--   |                                ^^^^^^^^^
-- detc sql (postgres): Field reference [7d2f0c1a-5b3e-4c8d-9a6f-000000000015]
-- fidelity: approximated (a JSON number with a fraction or an exponent is matched as text the way the engine prints it, not as Java's Double.toString (1e21 and 1.0E21); integers are exact (fieldref compares values as text))
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE (
  EXISTS (SELECT 1 FROM detc_flatten((e.doc -> 'eventType')) AS n1 WHERE detc_fold(CASE WHEN jsonb_typeof(n1.v) IN ('string', 'number', 'boolean') THEN n1.v #>> '{}' END) = 'user.account.update_profile')
  AND NOT EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'actor')) AS n2, detc_flatten((n2.v -> 'id')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'actor.id')) AS n4 WHERE (e.doc -> 'actor') IS NULL) AS v5, (SELECT n7.v AS v FROM detc_flatten((e.doc -> 'target')) AS n6, detc_flatten((n6.v -> 'id')) AS n7 UNION ALL SELECT n8.v AS v FROM detc_flatten((e.doc -> 'target.id')) AS n8 WHERE (e.doc -> 'target') IS NULL) AS v9 WHERE detc_fold(CASE WHEN jsonb_typeof(v5.v) IN ('string', 'number', 'boolean') THEN v5.v #>> '{}' END) = detc_fold(CASE WHEN jsonb_typeof(v9.v) IN ('string', 'number', 'boolean') THEN v9.v #>> '{}' END))
)
ORDER BY seq;
