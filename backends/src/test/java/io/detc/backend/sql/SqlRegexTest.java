package io.detc.backend.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.ir.Matcher.RegexFlag;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RE2 to PostgreSQL ARE, and which regexes can match inside a number's text. Engines run them for real. */
class SqlRegexTest {
    private static final Set<RegexFlag> NONE = EnumSet.noneOf(RegexFlag.class);

    private static Optional<String> are(String p, Set<RegexFlag> f) {
        return SqlRegex.are(p, f).map(s -> s.substring(s.indexOf(" ~ ") + 3, s.length() - 1));
    }

    @Test
    void translations() {
        assertEquals(Optional.of("'^4[0-9]{3}$'"), are("^4\\d{3}$", NONE));
        assertEquals(Optional.of("'a[^\\n]c'"), are("a.c", NONE));
        assertEquals(Optional.of("'a.c'"), are("a.c", EnumSet.of(RegexFlag.DOTALL)));
        assertEquals(Optional.of("'(?w)^error$'"), are("^error$", EnumSet.of(RegexFlag.MULTILINE)));
        assertEquals(Optional.of("'(?i)power[s]hell'"), are("power[s]hell", EnumSet.of(RegexFlag.IGNORE_CASE)));
        assertEquals(Optional.of("'A\\Z'"), are("\\x41\\z", NONE));
        assertEquals(Optional.of("'\\u0007\\.'"), are("\\x07\\.", NONE));
        assertEquals(Optional.of("'[\\t\\n\\f\\r ]'"), are("\\s", NONE));
        assertEquals(Optional.of("'(?:[^\\n]{52}[^\\n]{0,255}[^\\n]{0,13})'"), are(".{52,320}", NONE));
        assertEquals(Optional.of("'(?:ab)+'"), are("(?:ab)+", NONE));
        assertEquals(Optional.of("'(?i)x'"), are("(?i)x", NONE), "leading flags are the rule's flags");
    }

    @Test
    void refusals() {
        assertTrue(are("\\pL", NONE).isEmpty());
        assertTrue(are("[[:alpha:]]", NONE).isEmpty());
        assertTrue(are("a(?i)b", NONE).isEmpty());
        assertTrue(are("[\\D]", NONE).isEmpty());
    }

    @Test
    void numberText() {
        assertFalse(SqlRegex.mayMatchNumberText("python", NONE));
        assertFalse(SqlRegex.mayMatchNumberText("^(curl|wget)/", NONE));
        assertTrue(SqlRegex.mayMatchNumberText("^4[0-9]{3}$", NONE));
        assertTrue(SqlRegex.mayMatchNumberText("x?", NONE));
        assertTrue(SqlRegex.mayMatchNumberText("e", EnumSet.of(RegexFlag.IGNORE_CASE)));
        assertTrue(SqlRegex.mayMatchNumberText("abc|1", NONE));
    }
}
