package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The folding is idempotent (so a folded pattern compares with one fold of the value) and is equalsIgnoreCase. */
class CaseFoldingTest {
    @Test
    void foldIsIdempotentForEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int f = CaseFolding.fold(cp);
            assertEquals(f, CaseFolding.fold(f), () -> "U+" + Integer.toHexString(f));
        }
    }

    @Test
    void sameAsEqualsIgnoreCaseOnBmpCharacters() {
        Random r = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            char a = (char) r.nextInt(0x2200);
            char b = n % 2 == 0 ? (char) CaseFolding.fold(a) : (char) r.nextInt(0x2200);
            if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
                continue;
            }
            String x = String.valueOf(a);
            String y = String.valueOf(b);
            assertEquals(x.equalsIgnoreCase(y), CaseFolding.equals(x, y, true), () -> x + " vs " + y);
        }
    }

    @Test
    void helpersFoldBothSides() {
        assertTrue(CaseFolding.equals("STRAẞE", "straße", true));
        assertFalse(CaseFolding.equals("STRAẞE", "straße", false));
        assertTrue(CaseFolding.startsWith("Hello😀World", "hELLO😀", true));
        assertTrue(CaseFolding.endsWith("Hello😀World", "😀WORLD", true));
        assertFalse(CaseFolding.endsWith("d", "World", true));
        assertTrue(CaseFolding.contains("Hello😀World", "O😀w", true));
        assertTrue(CaseFolding.contains("abc", "", true));
        assertFalse(CaseFolding.contains("abc", "abcd", true));
        assertTrue(CaseFolding.equals("ıİ", "ii", true), "no locale: dotless and dotted I fold to i");
    }
}
