package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.pipeline.Pipeline;
import io.detc.value.Cidrs;
import io.detc.value.IpAddresses;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How single features render, each pinned to the semantics it must keep (docs/semantics.md), and every query here
 * also goes through Microsoft's analyser at the end.
 */
class KqlSemanticsTest {
    private static final Map<String, String> CHECKED = new LinkedHashMap<>();

    private static Compiled okta(String detection) {
        return keep(KqlFixtures.kql(KqlFixtures.rule("okta", "okta", detection)));
    }

    private static Compiled azure(String service, String detection) {
        return keep(KqlFixtures.kql(KqlFixtures.rule("azure", service, detection)));
    }

    private static Compiled keep(Compiled c) {
        c.text().ifPresent(t -> CHECKED.put("q" + CHECKED.size() + " " + c.document().meta().title(), t));
        return c;
    }

    @AfterAll
    static void everyQueryHereIsValidKusto() {
        assertEquals(List.of(), KqlCheck.failures(CHECKED, SentinelSchema.shipped()));
    }

    private static String text(Compiled c) {
        return c.text().orElseThrow(() -> new AssertionError(c.diagnostics().toString()));
    }

    @Test
    void sameElement_testsEveryItemOnOneObjectElement() {
        Compiled c = okta("""
                    selection:
                        target|element:
                            type: AppInstance
                            displayName|contains: Salesforce
                    condition: selection
                """);
        String q = text(c);
        assertTrue(q.contains("| mv-apply e0 = detc_elements(OriginalTarget) on ("), q);
        assertTrue(q.contains("countif(gettype(e0) == \"dictionary\"\n"), q);
        assertTrue(q.contains("and detc_text(e0.type) =~ \"AppInstance\"\n"), q);
        assertTrue(q.contains("and detc_text(e0.displayName) contains \"Salesforce\")"), q);
        assertInstanceOf(Fidelity.Exact.class, c.fidelity());
    }

    @Test
    void plainItemsOnAnArray_mayBeSatisfiedByDifferentElements() {
        String q = text(okta("""
                    selection:
                        target.type: AppInstance
                        target.displayName|contains: Salesforce
                    condition: selection
                """));
        assertTrue(q.contains("detc_m0 = countif(detc_text(e0.type) =~ \"AppInstance\")"), q);
        assertTrue(q.contains("detc_m1 = countif(detc_text(e0.displayName) contains \"Salesforce\")"), q);
        assertTrue(q.contains("| where detc_m0 > 0 and detc_m1 > 0"), q);
    }

    @Test
    void nestedArrays_areExpandedInOneApply() {
        String q = text(azure("auditlogs", """
                    selection:
                        TargetResources.modifiedProperties.newValue|contains: evil
                    condition: selection
                """));
        assertTrue(q.contains("mv-apply e0 = detc_elements(TargetResources) on ("), q);
        assertTrue(q.contains("mv-expand e1 = detc_elements(e0.modifiedProperties)"), q);
        assertTrue(q.contains("countif(detc_text(e1.newValue) contains \"evil\")"), q);
    }

    @Test
    void jsonInAStringColumn_isParsedNeverSubstringMatched() {
        String q = text(azure("signinlogs_noninteractive", """
                    selection:
                        DeviceDetail.trustType: Azure AD joined
                    condition: selection
                """));
        assertTrue(q.contains("detc_text(parse_json(DeviceDetail).trustType) =~ \"Azure AD joined\""), q);
        Pipeline legacy = KqlBackend.shipped("sentinel-okta-legacy");
        Compiled c = keep(KqlFixtures.kql(KqlFixtures.rule("okta", "okta", """
                    selection:
                        target.displayName: Salesforce
                    condition: selection
                """), List.of(legacy), "query"));
        assertTrue(text(c).contains("mv-apply e0 = detc_elements(parse_json(target_s)) on ("), text(c));
    }

    @Test
    void nullOverAnArray_meansNoElementHasAValue() {
        String q = text(okta("""
                    selection:
                        target.alternateId: null
                    condition: selection
                """));
        assertTrue(q.contains("countif(not(detc_no_value(e0.alternateId)))"), q);
        assertTrue(q.contains("| where detc_m0 == 0"), q);
    }

    @Test
    void existsOnAKey_isExact_existsOnAColumnIsDeclared() {
        Compiled key = okta("""
                    selection:
                        debugContext.debugData.requestUri|exists: true
                    condition: selection
                """);
        assertTrue(text(key).contains("gettype(DebugData) == \"dictionary\" and set_has_element(bag_keys(DebugData),"
                + " \"requestUri\")"), text(key));
        assertInstanceOf(Fidelity.Exact.class, key.fidelity());
        Compiled column = okta("""
                    selection:
                        client.ipAddress|exists: false
                    condition: selection
                """);
        assertTrue(text(column).contains("not(isnotempty(SrcIpAddr))"), text(column));
        assertInstanceOf(Fidelity.Approximated.class, column.fidelity());
    }

    @Test
    void numbersOnAStringColumn_compareAsDecimals_andTheWrittenTextStillMatches() {
        String q = text(azure("signinlogs", """
                    selection:
                        ResultType: 0x10
                    condition: selection
                """));
        assertTrue(q.contains("detc_num(ResultType) == 16 or ResultType =~ \"0x10\""), q);
        String lt = text(azure("signinlogs", """
                    selection:
                        ResultType|lt: 50000.5
                    condition: selection
                """));
        assertTrue(lt.contains("isnotnull(detc_num(ResultType)) and detc_num(ResultType) < decimal(50000.5)"), lt);
    }

    @Test
    void booleans_matchTheBoolAndItsTextNeverNumbers() {
        String q = text(okta("""
                    selection:
                        securityContext.isProxy: true
                    condition: selection
                """));
        assertTrue(q.contains("SecurityContextIsProxy == true"), q);
        String text = text(okta("""
                    selection:
                        securityContext.isProxy: 'true'
                    condition: selection
                """));
        assertTrue(text.contains("tostring(SecurityContextIsProxy) =~ \"true\""), text);
    }

    @Test
    void unknownField_isE403WithARuleNameSuggestion() {
        Compiled c = okta("""
                    selection:
                        eventTyp: user.session.start
                    condition: selection
                """);
        assertTrue(c.text().isEmpty());
        Diagnostic d = c.diagnostics().get(0);
        assertEquals(Code.UNKNOWN_FIELD, d.code());
        assertEquals("did you mean 'eventType'?", d.hint());
        assertInstanceOf(Fidelity.Unsupported.class, c.fidelity());
    }

    @Test
    void logSourceWithoutTable_isE404() {
        Compiled c = azure("pim", """
                    selection:
                        riskEventType: staleSignInAlertIncident
                    condition: selection
                """);
        assertTrue(c.text().isEmpty());
        assertEquals(Code.NO_TABLE, c.diagnostics().get(0).code());
    }

    @Test
    void placeholder_isUnsupported() {
        Compiled c = okta("""
                    selection:
                        actor.alternateId|expand: '%admins%'
                    condition: selection
                """);
        assertTrue(c.text().isEmpty());
        assertEquals(Code.UNSUPPORTED, c.diagnostics().get(0).code());
    }

    @Test
    void aTableOutsideTheSchema_isReadAsStringsAndDeclared() {
        Pipeline p = KqlFixtures.pipeline("""
                name: custom
                transformations:
                  - {type: set_state, key: query_table, val: MyOkta_CL,
                     rule_conditions: [{type: logsource, product: okta}]}
                """);
        Compiled c = KqlFixtures.kql(KqlFixtures.rule("okta", "okta", """
                    selection:
                        eventType: user.session.start
                    condition: selection
                """), List.of(p), "query");
        assertTrue(text(c).contains("MyOkta_CL\n| where eventType =~ \"user.session.start\""), text(c));
        assertInstanceOf(Fidelity.Approximated.class, c.fidelity());
    }

    @Test
    void wildcards_questionMarkIsOneCodePoint_escapedStarIsLiteral() {
        String q = text(okta("""
                    selection:
                        displayMessage:
                            - 'a?c'
                            - 'a\\*c*'
                            - '*x*y*'
                    condition: selection
                """));
        assertTrue(q.contains("EventMessage matches regex \"(?is)^a.c$\""), q);
        assertTrue(q.contains("EventMessage startswith \"a*c\""), q);
        assertTrue(q.contains("EventMessage matches regex \"(?is)^.*x.*y.*$\""), q);
    }

    @Test
    void cidr_v6NeverUsesTheV4Function_andV4AcceptsMappedAddresses() {
        String q = text(azure("signinlogs", """
                    selection:
                        IPAddress|cidr:
                            - 192.168.0.0/16
                            - 'fd00::/8'
                    condition: selection
                """));
        assertTrue(q.contains("ipv4_is_in_range(IPAddress, \"192.168.0.0/16\")"), q);
        assertTrue(q.contains("ipv6_is_in_range(IPAddress, \"::ffff:c0a8:0/112\")"), q);
        assertTrue(q.contains("IPAddress matches regex detc_ipv6 and ipv6_is_in_range(IPAddress, \"fd00::/8\")"), q);
        assertFalse(q.contains("ipv4_is_in_range(IPAddress, \"fd00"), q);
    }

    @Test
    void addressRegexes_agreeWithDetcsAddressParser() {
        com.google.re2j.Pattern v4 = com.google.re2j.Pattern.compile(KqlHelper.Ipv6Regex.IPV4);
        com.google.re2j.Pattern v6 = com.google.re2j.Pattern.compile(KqlHelper.Ipv6Regex.IPV6);
        List<String> samples = new ArrayList<>(List.of("10.0.0.1", "010.0.0.1", "256.1.1.1", "1.2.3", "::", "::1",
                "1::", "::ffff:10.1.2.3", "0:0:0:0:0:ffff:10.1.2.3", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
                "1::8", "1:2::3:4:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "2001:DB8::A", "fe80::1%eth0", "[::1]",
                "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", " 10.0.0.1", ""));
        Random r = new Random(7);
        String alphabet = "0123456789abcdefABCDEF:.";
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 2 + r.nextInt(20);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
            samples.add(Cidrs.formatAddress(new java.math.BigInteger(128, r), 128));
        }
        for (String s : samples) {
            var parsed = IpAddresses.parse(s);
            boolean isV4 = parsed.isPresent() && parsed.get().bits() == 32;
            boolean isV6 = parsed.isPresent() && parsed.get().bits() == 128;
            assertEquals(isV4, v4.matcher(s).find(), "v4 " + s);
            assertEquals(isV6, v6.matcher(s).find(), "v6 " + s);
        }
    }

    @Test
    void numberLiterals_andTimespans() {
        assertEquals("4624", KqlLeaves.numberLiteral(new BigDecimal("4624.0"), false));
        assertEquals("real(1.5)", KqlLeaves.numberLiteral(new BigDecimal("1.5"), false));
        assertEquals("decimal(0.1)", KqlLeaves.numberLiteral(new BigDecimal("0.1"), true));
        assertEquals("real(1e+30)", KqlLeaves.numberLiteral(new BigDecimal("1e30"), false));
        assertEquals("10m", KqlCorrelationBodies.timespan(Duration.ofMinutes(10)));
        assertEquals("90s", KqlCorrelationBodies.timespan(Duration.ofSeconds(90)));
        assertEquals("2d", KqlCorrelationBodies.timespan(Duration.ofDays(2)));
        assertEquals("1h", KqlCorrelationBodies.timespan(Duration.ofMinutes(60)));
    }

    @Test
    void longConditionsBreakBeforeEachOperator_orInsideAndIsParenthesised() {
        KqlExpr e = KqlExpr.and(KqlExpr.atom("a"), KqlExpr.or(KqlExpr.atom("b"), KqlExpr.atom("c")),
                KqlExpr.not(KqlExpr.and(KqlExpr.atom("d"), KqlExpr.atom("e"))));
        assertEquals("a and (b or c) and not(d and e)", KqlExpr.flat(e));
        assertEquals("a\n        and (b or c)\n        and not(d and e)", KqlExpr.print(e, 4, 30));
        KqlExpr wide = KqlExpr.and(KqlExpr.atom("a"), KqlExpr.or(KqlExpr.atom("bbbbbbbbbbbb"), KqlExpr.atom("c")));
        assertEquals("a\n        and (bbbbbbbbbbbb\n             or c)", KqlExpr.print(wide, 4, 24));
    }

    @Test
    void timeParts_onAStringAreReadInTheTimestampsOwnOffset() {
        String q = text(okta("""
                    selection:
                        debugContext.debugData.loginTime|hour|gte: 22
                    condition: selection
                """));
        assertTrue(q.contains("detc_time_part(iff(gettype(DebugData.loginTime) == \"string\","
                + " tostring(DebugData.loginTime), \"\"), \"hour\") >= 22"), q);
    }

    @Test
    void keywords_areApproximated() {
        Compiled c = okta("""
                    keywords:
                        - evilginx
                    condition: keywords
                """);
        assertInstanceOf(Fidelity.Approximated.class, c.fidelity());
        assertTrue(text(c).contains("or HttpUserAgent contains \"evilginx\""), text(c));
    }
}
