package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.event.LogSourceKey;
import io.detc.rule.LogSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** pySigma's rule conditions against a rule's logsource (and the applied items and state). */
class RuleConditionsTest {
    /** "category/product/service", "-" for an absent part. */
    private static LogSource rule(String spec) {
        String[] p = spec.split("/", -1);
        return new LogSource(part(p[0]), part(p[1]), part(p[2]), Optional.of("descriptive"), Map.of("x", "y"));
    }

    private static RuleConditions.Logsource cond(String spec) {
        String[] p = spec.split("/", -1);
        return new RuleConditions.Logsource(part(p[1]), part(p[2]), part(p[0]));
    }

    private static Optional<String> part(String s) {
        return s.equals("-") ? Optional.empty() : Optional.of(s);
    }

    static Stream<Arguments> logsources() {
        return Stream.of(
                // condition (category/product/service), rule, matches
                Arguments.of("-/windows/-", "process_creation/windows/-", true),
                Arguments.of("-/windows/-", "-/windows/security", true),
                Arguments.of("-/windows/-", "-/windows/sysmon", true),
                Arguments.of("-/WINDOWS/-", "-/windows/sysmon", true),
                Arguments.of("-/windows/-", "-/Windows/sysmon", true),
                Arguments.of("-/windows/-", "-/linux/-", false),
                Arguments.of("-/windows/-", "process_creation/-/-", false),
                Arguments.of("-/windows/security", "-/windows/-", false),
                Arguments.of("-/windows/security", "-/windows/sysmon", false),
                Arguments.of("process_creation/-/-", "process_creation/windows/-", true),
                Arguments.of("process_creation/-/-", "Process_Creation/linux/-", true),
                Arguments.of("process_creation/windows/-", "process_creation/linux/-", false),
                Arguments.of("process_creation/windows/-", "network_connection/windows/-", false),
                Arguments.of("-/-/-", "-/-/-", true),
                Arguments.of("-/-/-", "dns/windows/-", true));
    }

    @ParameterizedTest(name = "{0} vs rule {1}: {2}")
    @MethodSource("logsources")
    void logsourceConditionMatchesRules(String condition, String ruleLogsource, boolean expected) {
        RuleConditions rc = new RuleConditions(List.of(cond(condition)), RuleConditions.Linking.ALL, false);
        assertEquals(expected, rc.matches(rule(ruleLogsource)));
        RuleConditions negated = new RuleConditions(List.of(cond(condition)), RuleConditions.Linking.ALL, true);
        assertEquals(!expected, negated.matches(rule(ruleLogsource)));
    }

    @Test
    void linkingAndOtherConditionTypes() {
        RuleConditions.Condition win = cond("-/windows/-");
        RuleConditions.Condition linux = cond("-/linux/-");
        LogSource sysmon = rule("-/windows/sysmon");
        assertEquals(false, new RuleConditions(List.of(win, linux), RuleConditions.Linking.ALL, false)
                .matches(sysmon));
        assertEquals(true, new RuleConditions(List.of(win, linux), RuleConditions.Linking.ANY, false)
                .matches(sysmon));
        assertEquals(true, RuleConditions.ALWAYS.matches(sysmon));

        RuleConditions applied = new RuleConditions(List.of(new RuleConditions.ProcessingItemApplied("a")),
                RuleConditions.Linking.ALL, false);
        assertEquals(false, applied.matches(sysmon));
        assertEquals(true, applied.matches(sysmon, Set.of("a"), Map.of()));

        RuleConditions eq = new RuleConditions(List.of(new RuleConditions.ProcessingState("t", "X", true)),
                RuleConditions.Linking.ALL, false);
        RuleConditions ne = new RuleConditions(List.of(new RuleConditions.ProcessingState("t", "X", false)),
                RuleConditions.Linking.ALL, false);
        assertEquals(List.of(false, true, false), List.of(eq.matches(sysmon), eq.matches(sysmon, Set.of(),
                Map.of("t", "X")), eq.matches(sysmon, Set.of(), Map.of("t", "x"))));
        assertEquals(List.of(true, false), List.of(ne.matches(sysmon), ne.matches(sysmon, Set.of(),
                Map.of("t", "X"))));
    }

    @Test
    void eventSourcesHaveNoCategoryAndNoHistory() {
        LogSourceKey okta = new LogSourceKey("okta", "okta");
        assertEquals(true, new RuleConditions(List.of(cond("-/OKTA/-")), RuleConditions.Linking.ALL, false)
                .matches(okta));
        assertEquals(false, new RuleConditions(List.of(cond("auth/okta/-")), RuleConditions.Linking.ALL, false)
                .matches(okta));
        assertEquals(false, new RuleConditions(List.of(new RuleConditions.ProcessingItemApplied("a")),
                RuleConditions.Linking.ALL, false).matches(okta));
    }
}
