package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Property: a random Sigma string (literal text with hostile characters, wildcards and escaped wildcards) compiled
 * as a field match means exactly that string. The query passes the lexical check; its exact test, read back from the
 * query text, is the same text with the same case rule; and a search prefilter, when there is one, accepts sample
 * values the exact test accepts. Seeded, with shrinking: a failure is reported on the smallest failing input found
 * by removing parts and characters.
 */
class SplExactMatchPropertyTest {
    private static final String ALPHABET = "aZ09 -_.:/@\"\\'*?|()[]{}<>&+`=!$%,;#\n\r\t\u0000\u0007\u007f"
            + "éÄßİıK\u212a漢\u202e\u200b";
    private static final int CASES = 3000;

    @Test
    void randomStringsMeanExactlyThemselves() {
        Random r = new Random(20261125L);
        for (int n = 0; n < CASES; n++) {
            List<Text.Part> parts = randomParts(r);
            boolean cased = r.nextInt(4) == 0;
            if (!holds(parts, cased, r.nextLong())) {
                List<Text.Part> small = shrink(parts, p -> !holds(p, cased, 1L));
                fail("counterexample (cased=" + cased + "): " + new Text(small).toSigma() + "\nquery: "
                        + SplFixtures.query(new Text(small), cased, new SplNotes()) + "\n" + failure(small, cased));
            }
        }
    }

    private static boolean holds(List<Text.Part> parts, boolean cased, long seed) {
        return failure(parts, cased, seed) == null;
    }

    private static String failure(List<Text.Part> parts, boolean cased) {
        return String.valueOf(failure(parts, cased, 1L));
    }

    /** Null when the property holds, else what broke. */
    private static String failure(List<Text.Part> parts, boolean cased, long seed) {
        Text text = new Text(parts);
        String q;
        try {
            q = SplFixtures.query(text, cased, new SplNotes());
        } catch (RuntimeException ex) {
            return "threw " + ex;
        }
        List<String> problems = SplLexicalCheck.problems(q);
        if (!problems.isEmpty()) {
            return "lexical: " + problems;
        }
        SplMeaning m;
        try {
            m = SplMeaning.of(q);
        } catch (RuntimeException ex) {
            return "unreadable: " + ex.getMessage();
        }
        if (!m.equals(SplMeaning.expected(text, cased))) {
            return "means " + m.text().toSigma() + " cased=" + m.cased();
        }
        Optional<Text> pre = SplMeaning.prefilter(q);
        if (pre.isPresent()) {
            Random r = new Random(seed);
            for (int i = 0; i < 5; i++) {
                String sample = instance(text, r);
                if (!SplFixtures.javaGlob(pre.get(), true).matcher(sample).matches()) {
                    return "prefilter " + pre.get().toSigma() + " rejects the matching value " + sample;
                }
            }
        }
        return null;
    }

    /** A value the text matches: wildcards filled with random characters. */
    private static String instance(Text t, Random r) {
        StringBuilder b = new StringBuilder();
        for (Text.Part p : t.parts()) {
            if (p == Text.Wildcard.ANY_SEQUENCE) {
                for (int i = r.nextInt(3); i > 0; i--) {
                    b.appendCodePoint(ALPHABET.codePointAt(r.nextInt(ALPHABET.length())));
                }
            } else if (p == Text.Wildcard.ANY_CHAR) {
                b.append('x');
            } else {
                b.append(((Text.Literal) p).text());
            }
        }
        return b.toString();
    }

    private static List<Text.Part> randomParts(Random r) {
        List<Text.Part> parts = new ArrayList<>();
        for (int i = r.nextInt(6); i >= 0; i--) {
            int k = r.nextInt(10);
            if (k == 0) {
                parts.add(Text.Wildcard.ANY_SEQUENCE);
            } else if (k == 1) {
                parts.add(Text.Wildcard.ANY_CHAR);
            } else {
                StringBuilder b = new StringBuilder();
                for (int j = r.nextInt(8) + 1; j > 0; j--) {
                    b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                if (r.nextInt(20) == 0) {
                    b.appendCodePoint(0x1F600);
                }
                parts.add(new Text.Literal(b.toString()));
            }
        }
        return parts;
    }

    /** Removes whole parts, then single characters of literals, while the input still fails. */
    private static List<Text.Part> shrink(List<Text.Part> parts, Predicate<List<Text.Part>> fails) {
        List<Text.Part> cur = new ArrayList<>(parts);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < cur.size() && !progress; i++) {
                List<Text.Part> fewer = new ArrayList<>(cur);
                fewer.remove(i);
                if (fails.test(fewer)) {
                    cur = fewer;
                    progress = true;
                    continue;
                }
                if (cur.get(i) instanceof Text.Literal l && l.text().length() > 1) {
                    for (int j = 0; j < l.text().length() && !progress; j++) {
                        List<Text.Part> shorter = new ArrayList<>(cur);
                        shorter.set(i, new Text.Literal(l.text().substring(0, j) + l.text().substring(j + 1)));
                        if (fails.test(shorter)) {
                            cur = shorter;
                            progress = true;
                        }
                    }
                }
            }
        }
        return cur;
    }

    @Test
    void shrinkingFindsTheSmallestFailingInput() {
        List<Text.Part> big = List.of(new Text.Literal("abc\"def"), Text.Wildcard.ANY_SEQUENCE,
                new Text.Literal("xyz"));
        List<Text.Part> small = shrink(big, p -> new Text(p).toSigma().contains("\""));
        assertEquals(List.of(new Text.Literal("\"")), small);
    }
}
