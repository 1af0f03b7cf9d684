package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.value.SigmaString;
import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Glob} against a plain dynamic-programming matcher over code points, on fixed and random inputs. */
class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1} cased={2}")
    @CsvSource(delimiter = '|', value = {
        "abc|ABC|false|true",
        "abc|ABC|true|false",
        "a*c|abbbc|false|true",
        "a*c|ac|false|true",
        "a?c|ac|false|false",
        "a?c|a😀c|false|true",
        "*|''|false|true",
        "''|''|false|true",
        "''|x|false|false",
        "*b*|abc|false|true",
        "*b*|ac|false|false",
        "ab*ba|aba|false|false",
        "ab*ba|abba|false|true",
        "*a*b*c*|xxaxxbxxcxx|false|true",
        "*a*b*c*|xxcxxbxxaxx|false|false",
        "a\\*b|a*b|false|true",
        "a\\*b|axb|false|false",
        "*ſ|S|false|true",
        "ß|ẞ|false|true",
        "ß|ss|false|false",
    })
    void fixedCases(String sigma, String value, boolean cased, boolean expected) {
        Text t = SigmaString.parse(sigma);
        assertEquals(expected, Glob.compile(t, cased).matches(value));
        assertEquals(expected, reference(t, cased, value));
    }

    @Test
    void agreesWithReferenceOnRandomInputs() {
        String[] atoms = {"a", "A", "b", "ß", "ẞ", "😀", "\n", "k", "\u212a"};
        Random r = new Random(42);
        for (int n = 0; n < 30_000; n++) {
            List<Text.Part> parts = new ArrayList<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                int k = r.nextInt(atoms.length + 2);
                parts.add(k == atoms.length ? Text.Wildcard.ANY_SEQUENCE
                        : k == atoms.length + 1 ? Text.Wildcard.ANY_CHAR : new Text.Literal(atoms[k]));
            }
            Text t = new Text(parts);
            StringBuilder v = new StringBuilder();
            for (int i = r.nextInt(8); i > 0; i--) {
                v.append(atoms[r.nextInt(atoms.length)]);
            }
            boolean cased = r.nextBoolean();
            assertEquals(reference(t, cased, v.toString()), Glob.compile(t, cased).matches(v.toString()),
                    () -> "pattern " + t + " cased=" + cased + " value " + v);
        }
    }

    /** Classic O(n·m) table: m[i][j] = pattern[0,i) matches value[0,j). */
    private static boolean reference(Text t, boolean cased, String value) {
        List<Integer> pattern = new ArrayList<>(); // -2 any sequence, -1 any char
        for (Text.Part p : t.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                pattern.add(-2);
            } else if (p == Text.Wildcard.ANY_CHAR) {
                pattern.add(-1);
            } else {
                ((Text.Literal) p).text().codePoints().forEach(pattern::add);
            }
        }
        int[] v = value.codePoints().toArray();
        boolean[][] m = new boolean[pattern.size() + 1][v.length + 1];
        m[0][0] = true;
        for (int i = 1; i <= pattern.size(); i++) {
            int p = pattern.get(i - 1);
            for (int j = 0; j <= v.length; j++) {
                if (p == -2) {
                    m[i][j] = m[i - 1][j] || (j > 0 && m[i][j - 1]);
                } else if (j > 0) {
                    boolean same = p == -1 || (cased ? p == v[j - 1]
                            : CaseFolding.fold(p) == CaseFolding.fold(v[j - 1]));
                    m[i][j] = same && m[i - 1][j - 1];
                }
            }
        }
        return m[pattern.size()][v.length];
    }
}
