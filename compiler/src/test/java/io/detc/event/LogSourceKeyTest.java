package io.detc.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.rule.LogSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogSourceKeyTest {
    @Test
    void parsesAndPrints() {
        assertEquals(Optional.of(new LogSourceKey("okta", "okta")), LogSourceKey.parse("okta/okta"));
        assertEquals("azure/signinlogs_noninteractive",
                LogSourceKey.parse(" Azure / signinlogs_noninteractive ").orElseThrow().toString());
        for (String bad : new String[] {"okta", "/okta", "okta/", "a/b/c", " / ", ""}) {
            assertEquals(Optional.empty(), LogSourceKey.parse(bad), bad);
        }
        assertEquals(Optional.empty(), LogSourceKey.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new LogSourceKey("", "x"));
        assertThrows(IllegalArgumentException.class, () -> new LogSourceKey("a/b", "x"));
    }

    @Test
    void matchesWhatTheRuleNames() {
        LogSourceKey signin = Formats.ENTRA_SIGNIN;
        assertTrue(signin.matches(ls(null, "azure", "signinlogs")));
        assertTrue(signin.matches(ls(null, "Azure", "SigninLogs")), "compared case-insensitively");
        assertTrue(signin.matches(ls(null, "azure", null)), "a rule naming only the product covers every service");
        assertTrue(signin.matches(LogSource.EMPTY));
        assertFalse(signin.matches(ls(null, "azure", "auditlogs")));
        assertFalse(signin.matches(ls(null, "okta", null)));
        assertFalse(signin.matches(ls("authentication", "azure", "signinlogs")), "our sources have no category");
        assertFalse(Formats.OKTA.matches(ls("process_creation", null, null)));
    }

    private static LogSource ls(String category, String product, String service) {
        return new LogSource(Optional.ofNullable(category), Optional.ofNullable(product), Optional.ofNullable(service),
                Optional.empty(), Map.of());
    }
}
