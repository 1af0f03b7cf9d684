package io.detc.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code windash} modifier: Windows programs accept {@code -x}, {@code /x} and, after copy-paste through word
 * processors, Unicode dashes, so a rule written with one spelling must match all of them.
 *
 * <p>sigma-appendix-modifiers.md, "String Modifiers": "Creates all possible permutations of the {@code -},
 * {@code /}, {@code –} (en dash), {@code —} (em dash), and {@code ―} (horizontal bar) characters". detc follows the
 * spec text: every occurrence of any of the five characters in the literal text is varied, giving {@code 5^n}
 * variants for {@code n} occurrences. (pySigma varies only {@code -} and {@code /} at the start of a word,
 * regex {@code \B[-/]\b}; detc's set of variants is a superset of pySigma's.) Wildcards are kept as they are.
 */
public final class Windash {
    /** The five interchangeable characters, in the order variants are generated (the original spelling first). */
    public static final String DASHES = "-/\u2013\u2014\u2015";

    /** Variants beyond this are refused: six dashes already give 15,625 terms, too many for any backend. */
    public static final int MAX_VARIANTS = 4096;

    private Windash() {
    }

    /** How many variants {@link #variants(Text)} would produce (saturating at {@code Long.MAX_VALUE}). */
    public static long count(Text text) {
        long n = 1;
        for (Text.Part p : text.parts()) {
            if (p instanceof Text.Literal l) {
                for (int i = 0; i < l.text().length(); i++) {
                    if (DASHES.indexOf(l.text().charAt(i)) >= 0) {
                        n = n > Long.MAX_VALUE / 5 ? Long.MAX_VALUE : n * 5;
                    }
                }
            }
        }
        return n;
    }

    /**
     * All variants, the value as written first, or empty when there would be more than {@link #MAX_VARIANTS}.
     */
    public static Optional<List<Text>> variants(Text text) {
        if (count(text) > MAX_VARIANTS) {
            return Optional.empty();
        }
        List<List<Text.Part>> acc = new ArrayList<>();
        acc.add(new ArrayList<>());
        for (Text.Part p : text.parts()) {
            if (p instanceof Text.Literal l) {
                acc = expandLiteral(acc, l.text());
            } else {
                for (List<Text.Part> a : acc) {
                    a.add(p);
                }
            }
        }
        List<Text> out = new ArrayList<>(acc.size());
        for (List<Text.Part> a : acc) {
            out.add(new Text(a));
        }
        return Optional.of(out);
    }

    private static List<List<Text.Part>> expandLiteral(List<List<Text.Part>> acc, String literal) {
        List<StringBuilder> spellings = new ArrayList<>();
        spellings.add(new StringBuilder());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (DASHES.indexOf(c) < 0) {
                for (StringBuilder s : spellings) {
                    s.append(c);
                }
                continue;
            }
            List<StringBuilder> next = new ArrayList<>(spellings.size() * 5);
            for (StringBuilder s : spellings) {
                next.add(new StringBuilder(s).append(c));
                for (int d = 0; d < DASHES.length(); d++) {
                    if (DASHES.charAt(d) != c) {
                        next.add(new StringBuilder(s).append(DASHES.charAt(d)));
                    }
                }
            }
            spellings = next;
        }
        List<List<Text.Part>> out = new ArrayList<>(acc.size() * spellings.size());
        for (List<Text.Part> a : acc) {
            for (StringBuilder s : spellings) {
                List<Text.Part> copy = new ArrayList<>(a);
                copy.add(new Text.Literal(s.toString()));
                out.add(copy);
            }
        }
        return out;
    }
}
