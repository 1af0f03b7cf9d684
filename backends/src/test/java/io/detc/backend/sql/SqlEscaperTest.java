package io.detc.backend.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.value.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The escapers' table: what each dialect writes for quotes, backslashes, wildcards, control and bidi characters,
 * keys and patterns. The engines module runs every testdata/strings/nasty.txt line through them for real.
 */
class SqlEscaperTest {
    private final SqlEscaper duck = DuckDbDialect.INSTANCE.escaper();
    private final SqlEscaper pg = PostgresDialect.INSTANCE.escaper();
    private final SqlEscaper lite = SqliteDialect.INSTANCE.escaper();

    @Test
    void literals() {
        assertEquals("''", duck.literal(""));
        assertEquals("'it''s'", duck.literal("it's"));
        assertEquals("'C:\\Windows'", pg.literal("C:\\Windows"), "standard strings: a backslash is itself");
        assertEquals("('a' || chr(10) || 'b')", duck.literal("a\nb"));
        assertEquals("('a' || char(0) || 'b')", lite.literal("a\0b"));
        assertEquals("(chr(8238) || 'evil' || chr(8236))", pg.literal("\u202eevil\u202c"));
        assertEquals("'漢字 😀'", pg.literal("漢字 😀"));
        assertFalse(pg.canHold("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> pg.literal("a\0b"));
        assertFalse(duck.canHold("\ud800"));
    }

    @Test
    void identifiers() {
        assertEquals("events_okta_okta", duck.identifier("events_okta_okta"));
        assertEquals("\"Events\"\"x\"", duck.identifier("Events\"x"));
    }

    @Test
    void patterns() {
        Text t = new Text(List.of(Text.Wildcard.ANY_SEQUENCE, new Text.Literal("50%_\\*?["), Text.Wildcard.ANY_CHAR));
        assertEquals("%50\\%\\_\\\\*?[_", duck.pattern(t));
        assertEquals("*50%_\\[*][?][[]?", lite.pattern(t));
        assertEquals("(?s)^.*50%_\\\\\\*\\?\\[.$", SqliteDialect.globRegex(lite.pattern(t)));
    }

    @Test
    void jsonKeys() {
        assertEquals("$.\"a.b\"", duck.jsonKeyPath("a.b"));
        assertEquals("$.\"q\\\"\\\\\"", lite.jsonKeyPath("q\"\\"));
        assertTrue(SqliteDialect.INSTANCE.keyProblem("a\0").isPresent());
    }
}
