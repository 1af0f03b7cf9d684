package io.detc.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.detc.diag.Code;
import io.detc.ir.Matcher.RegexFlag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@code |re} value before it reaches the IR, because detc runs every regex with RE2 (linear time, no
 * catastrophic backtracking on hostile log lines) and backends run them in many flavours.
 *
 * <p>Three outcomes, each at the first offending characters of the pattern:
 * <ul>
 *   <li>{@link Code#REGEX_NOT_LINEAR} (E318): back-references, look-around, atomic groups, possessive quantifiers,
 *       recursion and conditionals. RE2 cannot run them in linear time, so detc rejects them.</li>
 *   <li>{@link Code#REGEX_OUTSIDE_SUBSET} (W307): valid, but outside the spec's PCRE subset
 *       (sigma-appendix-modifiers.md, "Regular Expression": {@code .}, {@code ^ $}, {@code * + ? {n,m}},
 *       {@code [a-z] [^a-z]}, {@code |}, {@code ()}; "other metacharacters are unsupported"): escapes such as
 *       {@code \d \w \s \b}, {@code (?:} and other group syntax, inline flags, lazy quantifiers, POSIX classes.
 *       A backslash before punctuation is a plain character and stays inside the subset.</li>
 *   <li>{@link Code#INVALID_REGEX} (E308): RE2 does not accept the pattern.</li>
 * </ul>
 */
public final class RegexCheck {
    private RegexCheck() {
    }

    /** One problem: its code, message and the 0-based range {@code [from, to)} in the pattern. */
    public record Finding(Code code, String message, int from, int to) {
    }

    /** All findings for {@code pattern}; empty when it is inside the subset and compiles. */
    public static List<Finding> check(String pattern, Set<RegexFlag> flags) {
        Scan scan = new Scan(pattern);
        scan.run();
        List<Finding> out = new ArrayList<>();
        if (!scan.nonLinear.isEmpty()) {
            out.add(new Finding(Code.REGEX_NOT_LINEAR, "the regular expression uses " + String.join(", ",
                    scan.nonLinear) + ", which cannot run in linear time; detc runs regexes with RE2",
                    scan.nonLinearFrom, scan.nonLinearTo));
        }
        if (!scan.outside.isEmpty()) {
            out.add(new Finding(Code.REGEX_OUTSIDE_SUBSET, "the regular expression uses " + String.join(", ",
                    scan.outside) + ", outside the Sigma regex subset; other tools may read it differently",
                    scan.outsideFrom, scan.outsideTo));
        }
        if (scan.nonLinear.isEmpty()) {
            compile(pattern, flags).ifPresent(out::add);
        }
        return out;
    }

    /** Compiles with RE2 and the {@code i}/{@code m}/{@code s} flags; the error as an E308 finding, if any. */
    private static Optional<Finding> compile(String pattern, Set<RegexFlag> flags) {
        int f = (flags.contains(RegexFlag.IGNORE_CASE) ? Pattern.CASE_INSENSITIVE : 0)
                | (flags.contains(RegexFlag.MULTILINE) ? Pattern.MULTILINE : 0)
                | (flags.contains(RegexFlag.DOTALL) ? Pattern.DOTALL : 0);
        try {
            Pattern.compile(pattern, f);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            // RE2 names the offending text (getPattern) but not its index; find it, else blame the whole value.
            String bad = e.getPattern() == null ? "" : e.getPattern();
            int at = bad.isEmpty() || bad.equals(pattern) ? -1 : pattern.indexOf(bad);
            int from = at < 0 ? 0 : at;
            int to = at < 0 ? pattern.length() : at + bad.length();
            return Optional.of(new Finding(Code.INVALID_REGEX,
                    "invalid regular expression: " + e.getDescription()
                            + (at < 0 && !bad.isEmpty() && !bad.equals(pattern) ? " `" + bad + "`" : ""),
                    from, to));
        }
    }

    /** A single left-to-right pass that classifies constructs; it never decides validity (RE2 does). */
    private static final class Scan {
        private final String p;
        final Set<String> nonLinear = new LinkedHashSet<>();
        final Set<String> outside = new LinkedHashSet<>();
        int nonLinearFrom = -1;
        int nonLinearTo = -1;
        int outsideFrom = -1;
        int outsideTo = -1;

        Scan(String p) {
            this.p = p;
        }

        void run() {
            int i = 0;
            boolean quantifiable = false;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    i = escape(i, false);
                    quantifiable = true;
                } else if (c == '[') {
                    i = charClass(i);
                    quantifiable = true;
                } else if (c == '(') {
                    i = group(i);
                    quantifiable = false;
                } else if ((c == '*' || c == '+' || c == '?') && quantifiable) {
                    i = quantifierSuffix(i, i + 1);
                    quantifiable = false;
                } else if (c == '{' && quantifiable && repeatEnd(i) > 0) {
                    i = quantifierSuffix(i, repeatEnd(i));
                    quantifiable = false;
                } else {
                    quantifiable = c != '|' && c != '^';
                    i++;
                }
            }
        }

        /** Handles the escape at {@code i}; returns the index after it. */
        private int escape(int i, boolean inClass) {
            if (i + 1 >= p.length()) {
                return i + 1; // trailing backslash: RE2 reports it
            }
            char n = p.charAt(i + 1);
            if (!inClass && n >= '1' && n <= '9') {
                nonLinear(i, i + 2, "a back-reference (\\" + n + ")");
            } else if (!inClass && (n == 'k' || n == 'g')) {
                nonLinear(i, i + 2, "a back-reference (\\" + n + ")");
            } else if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9')) {
                outside(i, i + 2, "\\" + n);
            }
            return i + 2;
        }

        private int charClass(int start) {
            int i = start + 1;
            if (i < p.length() && p.charAt(i) == '^') {
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                i++; // "[]a]": a leading ']' is literal
            }
            while (i < p.length() && p.charAt(i) != ']') {
                if (p.charAt(i) == '\\') {
                    i = escape(i, true);
                } else if (p.startsWith("[:", i) && p.indexOf(":]", i + 2) > 0) {
                    int end = p.indexOf(":]", i + 2) + 2;
                    outside(i, end, "a POSIX class " + p.substring(i, end));
                    i = end;
                } else {
                    i++;
                }
            }
            return i + 1;
        }

        private int group(int i) {
            if (!p.startsWith("(?", i) && !p.startsWith("(*", i)) {
                return i + 1;
            }
            if (p.startsWith("(*", i)) {
                outside(i, i + 2, "a (*VERB)");
                return i + 2;
            }
            String[][] nonLinearGroups = {
                    {"(?=", "a look-ahead (?="}, {"(?!", "a negative look-ahead (?!"},
                    {"(?<=", "a look-behind (?<="}, {"(?<!", "a negative look-behind (?<!"},
                    {"(?>", "an atomic group (?>"}, {"(?(", "a conditional (?("}, {"(?R)", "recursion (?R)"},
                    {"(?&", "a subroutine call (?&"}, {"(?P>", "a subroutine call (?P>"}, {"(?P=", "a back-reference (?P="},
            };
            for (String[] g : nonLinearGroups) {
                if (p.startsWith(g[0], i)) {
                    nonLinear(i, i + g[0].length(), g[1]);
                    return i + g[0].length();
                }
            }
            if (i + 2 < p.length() && (Character.isDigit(p.charAt(i + 2)) || p.charAt(i + 2) == '+'
                    || (p.charAt(i + 2) == '-' && i + 3 < p.length() && Character.isDigit(p.charAt(i + 3))))) {
                nonLinear(i, i + 3, "a subroutine call " + p.substring(i, i + 3));
                return i + 3;
            }
            if (p.startsWith("(?:", i)) {
                outside(i, i + 3, "a non-capturing group (?:");
            } else if (p.startsWith("(?P<", i) || p.startsWith("(?<", i) || p.startsWith("(?'", i)) {
                outside(i, i + 3, "a named group");
            } else {
                int end = i + 2;
                while (end < p.length() && (Character.isLetter(p.charAt(end)) || p.charAt(end) == '-')) {
                    end++;
                }
                outside(i, end, "inline flags " + p.substring(i, end) + (end < p.length() ? p.charAt(end) : ""));
            }
            return i + 2;
        }

        /** After a quantifier ending before {@code next}: possessive {@code +} or lazy {@code ?}. */
        private int quantifierSuffix(int start, int next) {
            if (next < p.length() && p.charAt(next) == '+') {
                nonLinear(start, next + 1, "a possessive quantifier " + p.substring(start, next + 1));
                return next + 1;
            }
            if (next < p.length() && p.charAt(next) == '?') {
                outside(start, next + 1, "a lazy quantifier " + p.substring(start, next + 1));
                return next + 1;
            }
            return next;
        }

        /** The index after a {@code {n}}, {@code {n,}} or {@code {n,m}} repeat at {@code i}, or -1. */
        private int repeatEnd(int i) {
            int j = i + 1;
            int digits = 0;
            while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
                j++;
                digits++;
            }
            if (digits == 0) {
                return -1;
            }
            if (j < p.length() && p.charAt(j) == ',') {
                j++;
                while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
                    j++;
                }
            }
            return j < p.length() && p.charAt(j) == '}' ? j + 1 : -1;
        }

        private void nonLinear(int from, int to, String what) {
            if (nonLinear.isEmpty()) {
                nonLinearFrom = from;
                nonLinearTo = to;
            }
            nonLinear.add(what);
        }

        private void outside(int from, int to, String what) {
            if (outside.isEmpty()) {
                outsideFrom = from;
                outsideTo = to;
            }
            outside.add(what);
        }
    }
}
