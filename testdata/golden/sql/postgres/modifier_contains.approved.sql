-- 7d2f0c1a-5b3e-4c8d-9a6f-000000000002 Contains (exact)
-- detc sql (postgres): Contains [7d2f0c1a-5b3e-4c8d-9a6f-000000000002]
-- fidelity: exact
-- requires: PostgreSQL >= 14 in a UTF8 database; the detc functions (detc_fold, detc_flatten, detc_numkey, detc_timepart, detc_float8) created once per database (SqlBackend.prelude("postgres"))
SELECT e.seq, e.file, e.line
FROM events_okta_okta AS e
WHERE EXISTS (SELECT 1 FROM (SELECT n3.v AS v FROM detc_flatten((e.doc -> 'client')) AS n1, detc_flatten((n1.v -> 'userAgent')) AS n2, detc_flatten((n2.v -> 'rawUserAgent')) AS n3 UNION ALL SELECT n4.v AS v FROM detc_flatten((e.doc -> 'client.userAgent.rawUserAgent')) AS n4 WHERE (e.doc -> 'client') IS NULL UNION ALL SELECT n6.v AS v FROM detc_flatten((e.doc -> 'client')) AS n5, detc_flatten((n5.v -> 'userAgent.rawUserAgent')) AS n6 WHERE (n5.v -> 'userAgent') IS NULL) AS v7 WHERE detc_fold(CASE WHEN jsonb_typeof(v7.v) IN ('string', 'number', 'boolean') THEN v7.v #>> '{}' END) LIKE '%python-requests%' ESCAPE '\')
ORDER BY seq;
