-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000007 Regular expression with flags (approximated)
-- testdata/rules/modifier_re.yml:12:45: warning[W402]: sql (postgres) approximates: the regex flag i in PostgreSQL: case is folded by the C library's tables, not RE2's Unicode simple folding (the Kelvin sign, the long s and some other letters differ)
--   |         client.userAgent.rawUserAgent|re|i: '^(curl|wget|python-requests)/[0-9.]+$'
--   |                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
-- detc sql (postgres): Regular expression with flags [7d2f0c1a-5b3e-4c8d-9a6f-000000000007]
-- fidelity: approximated (the regex flag i in PostgreSQL: case is folded by the C library's tables, not RE2's Unicode simple folding (the Kelvin sign, the long s and some other letters differ))
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'client')) AS n1, detc_flatten((n1.v -> 'userAgent')) AS n2, detc_flatten((n2.v -> 'rawUserAgent')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'client.userAgent.rawUserAgent')) AS n4 WHERE (e.doc -> 'client') IS NULL UNION ALL SELECT n6.v AS v FROM detc_flatten((e.doc -> 'client')) AS n5, detc_flatten((n5.v -> 'userAgent.rawUserAgent')) AS n6 WHERE (n5.v -> 'userAgent') IS NULL) AS v7 WHERE (CASE WHEN jsonb_typeof(v7.v) IN ('string', 'number', 'boolean') THEN v7.v #>> '{}' END ~ '(?i)^(?:curl|wget|python-requests)/[0-9\u002e]+$'))
ORDER BY seq;
