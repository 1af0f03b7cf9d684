package io.detc.backend.opensearch;

import io.detc.value.Text;

/**
 * Whether a string test can see a JSON number differently on OpenSearch than in detc's evaluator. The evaluator
 * tests a number as the text Java prints ({@code 1.50} as {@code 1.5}, {@code 1e3} as {@code 1000.0};
 * docs/semantics.md, "Coercion to text"); OpenSearch tests the text the event was written with (detc's mapping) or
 * the number itself (an integration's typed mapping). The two texts differ only for numbers with a fraction or an
 * exponent, so only patterns that can match such a text need the declaration: every literal character is one a
 * number's text can hold, and the pattern either has wildcards or holds a character (. e E +) that only those
 * numbers have. A plain integer like {@code '4624'} is the same text on both sides.
 */
final class OsNumberText {
    private static final String NUMBER_CHARS = "0123456789.eE+-";
    private static final String FRACTION_CHARS = ".eE+";

    private OsNumberText() {
    }

    static boolean canDiffer(Text t) {
        boolean wildcards = false;
        boolean fraction = false;
        boolean literal = false;
        for (Text.Part p : t.parts()) {
            if (p instanceof Text.Literal l) {
                for (int i = 0; i < l.text().length(); i++) {
                    char c = l.text().charAt(i);
                    if (NUMBER_CHARS.indexOf(c) < 0) {
                        return false;
                    }
                    fraction |= FRACTION_CHARS.indexOf(c) >= 0;
                    literal = true;
                }
            } else {
                wildcards = true;
            }
        }
        boolean onlyStars = !literal && t.parts().stream().allMatch(p -> p == Text.Wildcard.ANY_SEQUENCE);
        return !onlyStars && (fraction || wildcards);
    }

    /** The declared reason, for a string {@code pattern} or a {@code regular expression} (regexes are checked by
     *  {@link io.detc.backend.sql.SqlRegex#mayMatchNumberText}: the characters every match needs). */
    static String reason(boolean typed, String what) {
        return "a JSON number in an event is tested as " + (typed ? "a number" : "the text it was written with (1.50,"
                + " 1e3)") + ", where detc's evaluator tests the text Java prints (1.5, 1000.0); the two differ for"
                + " numbers with a fraction or an exponent, which this " + what + " can match";
    }
}
