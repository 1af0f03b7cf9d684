package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** savedsearches.conf values: line breaks become backslash continuations and read back to the same text. */
class SplSavedSearchTest {
    @Test
    void multiLineValuesUseContinuations() {
        String v = SplSavedSearch.value("description", "first line\nends in a backslash \\\nlast");
        assertEquals("description = first line \\\nends in a backslash \\  \\\nlast", v);
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertEquals("description = a b", SplSavedSearch.value("description", "a\u0000b"));
    }

    /** The value of the {@code search} key of a stanza, continuation lines joined (savedsearches.conf.spec). */
    static String searchValue(String stanza) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : stanza.split("\n")) {
            if (!in && line.startsWith("search = ")) {
                in = true;
                line = line.substring("search = ".length());
            } else if (!in) {
                continue;
            }
            if (line.endsWith("\\")) {
                b.append(line, 0, line.length() - 1).append('\n');
            } else {
                b.append(line);
                break;
            }
        }
        return b.toString();
    }
}
