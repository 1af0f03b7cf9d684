package io.detc.backend.spl;

import io.detc.ir.Matcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sigma's RE2 patterns rewritten so that Splunk's PCRE reads them exactly as RE2 does. The rewrite removes every construct whose meaning depends on PCRE's
 * build options or differs from RE2:
 * <ul>
 *   <li>{@code ^} and {@code $} become {@code \A}/{@code \z}, or with {@code m} {@code (?:\A|(?<=\n))} and
 *       {@code (?=\n|\z)} (PCRE's {@code $} also matches before a final newline; its line breaks depend on the
 *       build's newline convention);</li>
 *   <li>{@code .} becomes {@code [^\n]}, or {@code (?s:.)} with {@code s} (RE2's dot stops only at {@code \n});</li>
 *   <li>{@code \d \w \s \b} and their negations become explicit ASCII classes and look-arounds (RE2's are ASCII;
 *       PCRE's {@code \s} also holds the vertical tab, and with UCP all of them are Unicode);</li>
 *   <li>{@code \v} (RE2: the vertical tab character; PCRE: a class) becomes {@code \x{b}}; octal escapes become
 *       {@code \x{..}}; raw control and format characters become {@code \x{..}}.</li>
 * </ul>
 * Flags: {@code i} becomes a leading {@code (?i)} (both use Unicode simple case folding); inline {@code (?m)},
 * {@code (?s)} are applied by the rewrite and dropped, {@code (?i)} and {@code (?U)} are kept.
 * Assumed of Splunk: PCRE in UTF-8 mode (so {@code .} is one code point).
 */
final class SplRegex {
    private static final String WORD = "[0-9A-Za-z_]";
    private static final String SPACE = "\\t\\n\\f\\r ";
    /**
     * The rest of a counted repetition after its '{'. Any other brace is literal in RE2; PCRE2 (10.43 and later)
     * reads {@code {,n}} as a repetition, so literal braces are escaped.
     */
    private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern.compile("[0-9]+(?:,[0-9]*)?\\}");
    /** The rest of a POSIX class after its '[': RE2 and PCRE read {@code [[:alpha:]]}, {@code [[:^alpha:]]} alike. */
    private static final java.util.regex.Pattern POSIX = java.util.regex.Pattern.compile(":\\^?[a-z]+:\\]");

    private SplRegex() {
    }

    /** The outcome: the PCRE pattern, or why it cannot be said exactly (then {@code pcre} is empty). */
    record Result(Optional<String> pcre, List<String> approximations, Optional<String> unsupported) {
    }

    /** Sigma's RE2 {@code pattern} with {@code flags}, rewritten for PCRE (unanchored, as a search). */
    static Result translate(String pattern, Set<Matcher.RegexFlag> flags) {
        return new Translation(pattern, flags).run();
    }

    /** One pass over the pattern with a stack of flag scopes, one per open group. */
    private static final class Translation {
        private final String p;
        private final StringBuilder out = new StringBuilder();
        private final List<String> approximations = new ArrayList<>();
        private final Deque<int[]> scopes = new ArrayDeque<>();
        private String unsupported;
        private int i;
        private boolean multiline;
        private boolean dotAll;

        Translation(String pattern, Set<Matcher.RegexFlag> flags) {
            this.p = pattern;
            this.multiline = flags.contains(Matcher.RegexFlag.MULTILINE);
            this.dotAll = flags.contains(Matcher.RegexFlag.DOTALL);
            if (flags.contains(Matcher.RegexFlag.IGNORE_CASE)) {
                out.append("(?i)");
            }
        }

        Result run() {
            while (i < p.length() && unsupported == null) {
                int c = p.codePointAt(i);
                i += Character.charCount(c);
                switch (c) {
                    case '\\' -> escape(false);
                    case '[' -> charClass();
                    case '(' -> open();
                    case ')' -> close();
                    case '.' -> out.append(dotAll ? "(?s:.)" : "[^\\n]");
                    case '^' -> out.append(multiline ? "(?:\\A|(?<=\\n))" : "\\A");
                    case '$' -> out.append(multiline ? "(?=\\n|\\z)" : "\\z");
                    case '{' -> brace();
                    case '}' -> out.append("\\}");
                    default -> literal(c);
                }
            }
            return unsupported != null ? new Result(Optional.empty(), approximations, Optional.of(unsupported))
                    : new Result(Optional.of(out.toString()), approximations, Optional.empty());
        }

        /** A counted repetition is copied whole; any other brace is a literal one. */
        private void brace() {
            java.util.regex.Matcher m = REPEAT.matcher(p).region(i, p.length());
            if (m.lookingAt()) {
                out.append('{').append(m.group());
                i = m.end();
            } else {
                out.append("\\{");
            }
        }

        private void literal(int c) {
            if (SplEscaper.mustEscape(c)) {
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
            } else {
                out.appendCodePoint(c);
            }
        }

        private void open() {
            scopes.push(new int[] {multiline ? 1 : 0, dotAll ? 1 : 0});
            if (!p.startsWith("?", i) || p.startsWith("?P<", i) || p.startsWith("?<", i) || p.startsWith("?:", i)) {
                out.append('(');
                return;
            }
            int end = i + 1;
            while (end < p.length() && "imsU-".indexOf(p.charAt(end)) >= 0) {
                end++;
            }
            if (end >= p.length() || (p.charAt(end) != ')' && p.charAt(end) != ':')) {
                unsupported = "the group syntax '(" + p.substring(i, Math.min(p.length(), end + 1)) + "'";
                return;
            }
            String kept = flags(p.substring(i + 1, end));
            boolean scoped = p.charAt(end) == ':';
            i = end + 1;
            if (!scoped) {
                scopes.pop(); // (?flags) opens no group: it changes the rest of the enclosing one
                if (!kept.isEmpty()) {
                    out.append("(?").append(kept).append(')');
                }
                return;
            }
            out.append("(?").append(kept).append(':');
        }

        /** Applies m and s to this translation; returns the i/U part PCRE should still see. */
        private String flags(String spec) {
            boolean on = true;
            StringBuilder kept = new StringBuilder();
            for (char f : spec.toCharArray()) {
                switch (f) {
                    case '-' -> {
                        on = false;
                        kept.append('-');
                    }
                    case 'm' -> multiline = on;
                    case 's' -> dotAll = on;
                    default -> kept.append(f);
                }
            }
            String k = kept.toString();
            return k.endsWith("-") ? k.substring(0, k.length() - 1) : k;
        }

        private void close() {
            if (!scopes.isEmpty()) {
                int[] s = scopes.pop();
                multiline = s[0] == 1;
                dotAll = s[1] == 1;
            }
            out.append(')');
        }

        private void charClass() {
            out.append('[');
            if (p.startsWith("^", i)) {
                out.append('^');
                i++;
            }
            boolean first = true;
            while (i < p.length() && unsupported == null) {
                int c = p.codePointAt(i);
                i += Character.charCount(c);
                if (c == ']' && !first) {
                    out.append(']');
                    return;
                }
                first = false;
                java.util.regex.Matcher posix = POSIX.matcher(p).region(i, p.length());
                if (c == '[' && posix.lookingAt()) {
                    out.append('[').append(posix.group());
                    i = posix.end();
                } else if (c == '\\') {
                    escape(true);
                } else if (c == ']') {
                    out.append("\\]");
                } else if (c == '[') {
                    out.append("\\[");
                } else {
                    literal(c);
                }
            }
        }

        private void escape(boolean inClass) {
            if (i >= p.length()) {
                unsupported = "a trailing backslash";
                return;
            }
            char e = p.charAt(i++);
            switch (e) {
                case 'd' -> out.append(inClass ? "0-9" : "[0-9]");
                case 'D' -> negatedInClass(inClass, "\\D", "[^0-9]");
                case 'w' -> out.append(inClass ? "0-9A-Za-z_" : WORD);
                case 'W' -> negatedInClass(inClass, "\\W", "[^0-9A-Za-z_]");
                case 's' -> out.append(inClass ? SPACE : "[" + SPACE + "]");
                case 'S' -> {
                    if (inClass) {
                        approximations.add("\\S inside a character class: PCRE's \\S also leaves out the vertical tab");
                        out.append("\\S");
                    } else {
                        out.append("[^" + SPACE + "]");
                    }
                }
                // (?-i:...): under (?i) PCRE's [A-Za-z] also takes the Kelvin sign and the long s; RE2's \b is ASCII.
                case 'b' -> out.append(inClass ? "\\x{8}" : "(?-i:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD
                        + ")(?=" + WORD + "))");
                case 'B' -> out.append("(?-i:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
                case 'v' -> out.append("\\x{b}");
                case 'C' -> unsupported = "\\C (any byte)";
                case 'Q' -> quoted();
                default -> {
                    if (e >= '0' && e <= '7') {
                        octal(e);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }

        private void negatedInClass(boolean inClass, String asIs, String outside) {
            out.append(inClass ? asIs : outside);
        }

        private void octal(char first) {
            int value = first - '0';
            int digits = 1;
            while (digits < 3 && i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '7') {
                value = value * 8 + (p.charAt(i++) - '0');
                digits++;
            }
            out.append("\\x{").append(Integer.toHexString(value)).append('}');
        }

        private void quoted() {
            int end = p.indexOf("\\E", i);
            String text = end < 0 ? p.substring(i) : p.substring(i, end);
            i = end < 0 ? p.length() : end + 2;
            out.append(SplEscaper.quoteRegex(text));
        }
    }
}
