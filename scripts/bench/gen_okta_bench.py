# Generates the eval benchmark inputs: N Okta System Log events (JSON lines) and 30 Okta rules that use the
# common modifiers (equals, contains, startswith/endswith, re, cidr, lists, not, 1 of). Deterministic.
# Usage: python3 scripts/bench/gen_okta_bench.py OUT_DIR [N]
import json, os, random, sys, uuid, datetime as dt
out = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
random.seed(42)
os.makedirs(os.path.join(out, "rules"), exist_ok=True)
types = ["user.session.start"] * 30 + ["user.authentication.sso"] * 20 + ["app.oauth2.as.token.grant"] * 10 + [
    "user.authentication.verify", "policy.evaluate_sign_on", "user.session.end", "system.api_token.create",
    "user.mfa.factor.deactivate", "user.account.update_profile", "app.oauth2.as.authorize.code",
    "user.account.privilege.grant", "policy.lifecycle.deactivate", "system.log_stream.lifecycle.deactivate",
    "app.generic.unauth_app_access_attempt", "security.threat.detected", "user.mfa.okta_verify.deny_push"]
users = ["user%04d@northwind-example.com" % i for i in range(800)] + ["svc-sync%02d@northwind-example.com" % i for i in range(4)]
agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
          "okta-sdk-java/8.2.5 java/17.0.11 Linux/6.1", "python-requests/2.31.0", "curl/8.5.0"]
t0 = dt.datetime(2026, 5, 1)
with open(os.path.join(out, "okta-events.jsonl"), "w") as f:
    for i in range(n):
        t = t0 + dt.timedelta(milliseconds=i * 86)
        u = random.choice(users); et = random.choice(types)
        # Realistic skew: browsers dominate, scripts and private addresses are rare, so rules alert on a few events.
        ip = "%d.%d.%d.%d" % (random.choices([203, 198, 192, 10, 172], [40, 30, 28, 1, 1])[0], random.randrange(256), random.randrange(256), random.randrange(1, 255))
        e = {"uuid": str(uuid.UUID(int=random.getrandbits(128), version=4)), "published": t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
             "eventType": et, "version": "0", "severity": "INFO", "displayMessage": random.choice(["User login to Okta", "Authentication of user via MFA", "OAuth2 access token is granted", "Evaluation of sign-on policy", "User single sign on to app"]),
             "actor": {"id": "00u%017d" % (sum(map(ord, u)) * 7919 % 10**17), "type": "User", "alternateId": u, "displayName": u.split("@")[0]},
             "client": {"ipAddress": ip, "userAgent": {"rawUserAgent": random.choices(agents, [60, 36, 3, 0.6, 0.4])[0], "os": "Windows", "browser": "CHROME"},
                        "zone": "null", "device": "Computer", "geographicalContext": {"city": "Lisbon", "country": random.choices(["Portugal", "United States", "Germany", "Nigeria"], [40, 45, 14.7, 0.3])[0]}},
             "outcome": {"result": random.choice(["SUCCESS"] * 9 + ["FAILURE"]), "reason": None},
             "securityContext": {"asNumber": random.choices([3243, 16509, 14061, 9009], [50, 30, 19.5, 0.5])[0], "asOrg": "isp", "isProxy": random.random() < 0.01},
             "authenticationContext": {"externalSessionId": "102" + uuid.UUID(int=random.getrandbits(128)).hex[:20]},
             "debugContext": {"debugData": {"requestUri": random.choices(["/api/v1/authn", "/oauth2/v1/token", "/api/v1/users/me", "/api/v1/apiTokens"], [50, 35, 14.8, 0.2])[0]}},
             "target": [{"id": "0oa%017d" % random.randrange(10**17), "type": random.choice(["AppInstance", "User", "PolicyEntity"]), "alternateId": "app", "displayName": random.choices(["Salesforce", "Okta Admin Console", "AWS Console", "Slack"], [30, 2, 30, 38])[0]}]}
        f.write(json.dumps(e, separators=(",", ":")) + "\n")
sel = [
    "eventType: user.session.start\n        outcome.result: FAILURE",
    "eventType: system.api_token.create",
    "eventType: user.mfa.factor.deactivate",
    "eventType|startswith: policy.lifecycle.",
    "eventType: system.log_stream.lifecycle.deactivate",
    "client.userAgent.rawUserAgent|contains: python-requests",
    "client.userAgent.rawUserAgent|startswith: curl/",
    "client.userAgent.rawUserAgent|re: '^(curl|wget|python-requests)/'",
    "securityContext.isProxy: 'true'",
    "client.ipAddress|cidr: 10.0.0.0/8",
    "client.ipAddress|cidr:\n            - 172.16.0.0/12\n            - 192.168.0.0/16",
    "client.geographicalContext.country: Nigeria\n        eventType: user.session.start",
    "eventType: app.oauth2.as.token.grant\n        target.displayName: Salesforce",
    "eventType: user.account.privilege.grant",
    "eventType|endswith: .deny_push",
    "debugContext.debugData.requestUri|contains: apiTokens",
    "actor.alternateId|startswith: svc-\n        eventType: user.session.start",
    "securityContext.asNumber: 9009",
    "eventType:\n            - security.threat.detected\n            - app.generic.unauth_app_access_attempt",
    "displayMessage|contains|all:\n            - user\n            - session",
    "target.type: PolicyEntity\n        eventType|contains: policy",
    "outcome.result: FAILURE\n        client.userAgent.rawUserAgent|contains: okta-sdk",
    "eventType: user.authentication.sso\n        client.geographicalContext.country: Germany",
    "actor.alternateId|endswith: '@northwind-example.com'\n        eventType: user.account.update_profile",
    "client.ipAddress|startswith: '203.0.113.'",
    "eventType|re: '^user\\.mfa\\.'",
    "debugContext.debugData.requestUri: /oauth2/v1/token\n        outcome.result: FAILURE",
    "target.displayName|contains: admin",
    "eventType: user.session.end\n        client.userAgent.rawUserAgent|contains: Macintosh",
    "eventType: app.oauth2.as.authorize.code",
]
for i, s in enumerate(sel):
    with open(os.path.join(out, "rules", "bench_%02d.yml" % i), "w") as f:
        f.write("title: Bench rule %d\nid: 9e8d7c6b-5a4f-4e3d-8c2b-%012d\nstatus: test\nlogsource:\n    product: okta\n    service: okta\n"
                "detection:\n    selection:\n        %s\n    filter:\n        actor.alternateId: break-glass@northwind-example.com\n"
                "    condition: selection and not filter\nlevel: low\n" % (i, i, s))
print("wrote", n, "events and", len(sel), "rules to", out)
