package io.detc.backend.sql;

import io.detc.ir.Matcher.RegexFlag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an RE2 pattern (the evaluator's syntax, already validated by RE2/J) into a small tree, to answer two
 * questions: can it match inside the text of a JSON number ({@link #mayMatchNumberText}), and what is the same
 * pattern in PostgreSQL's ARE syntax ({@link #postgres}), if there is one.
 *
 * <p>RE2 and ARE agree on what a pattern matches only where this class translates explicitly
 * (PostgreSQL 14 docs 9.7.3; RE2 syntax wiki):
 * <ul>
 *   <li>{@code \d \s \w} are ASCII in RE2 and locale classes in ARE: written as explicit ASCII sets;</li>
 *   <li>{@code .} does not match a newline in RE2 unless {@code s}; in ARE it does: written {@code [^\n]};</li>
 *   <li>{@code m} makes {@code ^ $} match at line breaks: ARE's inverse partial newline mode {@code (?w)}, which
 *       leaves {@code .} and brackets alone;</li>
 *   <li>{@code \z} is ARE's {@code \Z}, {@code \x41} is a four-digit u-escape (ARE's {@code \x} takes every hex
 *       digit that follows), bracket members other than letters and digits are written as four-digit u-escapes;</li>
 *   <li>repeat counts above 255 (ARE's limit), flag groups after the start, Unicode classes ({@code \pL}), POSIX
 *       classes and negated shorthands inside brackets have no translation here: unsupported;</li>
 *   <li>approximated: {@code i} (PostgreSQL folds case by the C library's tables, RE2 by Unicode simple folding, so
 *       the Kelvin sign and the long s differ) and {@code \b \B} (ARE's word characters follow the locale).</li>
 * </ul>
 * Greediness never changes whether a match exists, so lazy quantifiers translate as they are.
 */
final class SqlRegex {
    private SqlRegex() {
    }

    /** The characters of a JSON number's text: digits, signs, the point and the exponent letter. */
    private static final String NUMBER_CHARS = "0123456789+-.eE";

    /**
     * Whether the regex might match inside the text of a JSON number with a fraction or exponent: false only when
     * every match needs a character no number text has (so the engines' spelling of such numbers cannot matter).
     */
    static boolean mayMatchNumberText(String pattern, Set<RegexFlag> flags) {
        try {
            Node n = new Parser(pattern).parse();
            for (int cp : required(n)) {
                if (NUMBER_CHARS.indexOf(cp) < 0 && NUMBER_CHARS.indexOf(SqlFunctions.fold(cp)) < 0) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The PostgreSQL test {@code text ~ 'are'}, approximated or unsupported as the class comment says. */
    static SqlDialect.Regex postgres(String text, String pattern, Set<RegexFlag> flags, SqlEscaper escaper) {
        Node n;
        Parser parser = new Parser(pattern);
        try {
            n = parser.parse();
        } catch (Unsupported u) {
            return SqlDialect.Regex.unsupported("the regular expression /" + pattern + "/ in PostgreSQL: "
                    + u.getMessage());
        } catch (RuntimeException e) {
            return SqlDialect.Regex.unsupported("the regular expression /" + pattern + "/ in PostgreSQL: it could"
                    + " not be translated (" + e.getMessage() + ")");
        }
        Set<RegexFlag> all = EnumSet.noneOf(RegexFlag.class);
        all.addAll(flags);
        all.addAll(parser.leadingFlags);
        List<String> approximations = new ArrayList<>();
        Are are = new Are(all.contains(RegexFlag.DOTALL), approximations);
        String body;
        try {
            body = are.render(n);
        } catch (Unsupported u) {
            return SqlDialect.Regex.unsupported("the regular expression /" + pattern + "/ in PostgreSQL: "
                    + u.getMessage());
        }
        StringBuilder opts = new StringBuilder();
        if (all.contains(RegexFlag.MULTILINE)) {
            opts.append('w');
        }
        if (all.contains(RegexFlag.IGNORE_CASE)) {
            opts.append('i');
            approximations.add(0, "the regex flag i in PostgreSQL: case is folded by the C library's tables, not"
                    + " RE2's Unicode simple folding (the Kelvin sign, the long s and some other letters differ)");
        }
        String are2 = (opts.length() == 0 ? "" : "(?" + opts + ")") + body;
        String sql = "(" + text + " ~ " + escaper.literal(are2) + ")";
        return approximations.isEmpty() ? SqlDialect.Regex.exact(sql)
                : SqlDialect.Regex.approximated(sql, String.join("; ", approximations));
    }

    /** A construct with no exact translation. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------------------------------------------ tree

    private sealed interface Node permits Alt, Seq, Repeat, Group, Lit, Cls, Dot, Anchor {
    }

    private record Alt(List<Node> alternatives) implements Node {
    }

    private record Seq(List<Node> items) implements Node {
    }

    private record Repeat(Node atom, int min, int max, String suffix) implements Node {
    }

    private record Group(Node body) implements Node {
    }

    private record Lit(int cp) implements Node {
    }

    /** A bracket expression or a shorthand class; {@code are} is its ARE form, or null when it has none. */
    private record Cls(String are, String why) implements Node {
    }

    private record Dot() implements Node {
    }

    /** {@code ^ $ \A \z \b \B}. */
    private record Anchor(String re2) implements Node {
    }

    private static Set<Integer> required(Node n) {
        if (n instanceof Lit l) {
            return Set.of(l.cp());
        }
        if (n instanceof Seq s) {
            Set<Integer> out = new HashSet<>();
            s.items().forEach(i -> out.addAll(required(i)));
            return out;
        }
        if (n instanceof Alt a) {
            Set<Integer> out = null;
            for (Node x : a.alternatives()) {
                Set<Integer> r = new HashSet<>(required(x));
                if (out == null) {
                    out = r;
                } else {
                    out.retainAll(r);
                }
            }
            return out == null ? Set.of() : out;
        }
        if (n instanceof Repeat r) {
            return r.min() == 0 ? Set.of() : required(r.atom());
        }
        if (n instanceof Group g) {
            return required(g.body());
        }
        return Set.of();
    }

    // ---------------------------------------------------------------------------------------------------- parser

    /** Recursive descent over RE2's syntax; throws {@link Unsupported} for what ARE cannot say here. */
    private static final class Parser {
        private final String p;
        private int i;
        final Set<RegexFlag> leadingFlags = EnumSet.noneOf(RegexFlag.class);

        Parser(String p) {
            this.p = p;
        }

        Node parse() {
            // Flags at the very start apply to the whole pattern: the same as the rule's flags.
            while (p.startsWith("(?", i) && i < p.length()) {
                int close = p.indexOf(')', i);
                if (close < 0) {
                    break;
                }
                String f = p.substring(i + 2, close);
                if (!f.matches("[imsU]+")) {
                    break;
                }
                for (char c : f.toCharArray()) {
                    switch (c) {
                        case 'i' -> leadingFlags.add(RegexFlag.IGNORE_CASE);
                        case 'm' -> leadingFlags.add(RegexFlag.MULTILINE);
                        case 's' -> leadingFlags.add(RegexFlag.DOTALL);
                        default -> { } // U: greediness, no effect on whether a match exists
                    }
                }
                i = close + 1;
            }
            Node n = alt();
            if (i != p.length()) {
                throw new IllegalStateException("unexpected ')' at " + i);
            }
            return n;
        }

        private Node alt() {
            List<Node> alts = new ArrayList<>();
            alts.add(seq());
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                alts.add(seq());
            }
            return alts.size() == 1 ? alts.get(0) : new Alt(alts);
        }

        private Node seq() {
            List<Node> items = new ArrayList<>();
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                Node atom = atom();
                items.add(quantified(atom));
            }
            return new Seq(items);
        }

        private Node quantified(Node atom) {
            while (i < p.length()) {
                char c = p.charAt(i);
                int min;
                int max;
                int start = i;
                if (c == '*' || c == '+' || c == '?') {
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : -1;
                    i++;
                } else if (c == '{') {
                    int close = p.indexOf('}', i);
                    String body = close < 0 ? "" : p.substring(i + 1, close);
                    if (!body.matches("[0-9]+(,[0-9]*)?")) {
                        return atom; // not a repeat: a literal '{', read by atom()
                    }
                    String[] mm = body.split(",", -1);
                    min = Integer.parseInt(mm[0]);
                    max = mm.length == 1 ? min : mm[1].isEmpty() ? -1 : Integer.parseInt(mm[1]);
                    i = close + 1;
                } else {
                    return atom;
                }
                String lazy = "";
                if (i < p.length() && p.charAt(i) == '?') {
                    lazy = "?";
                    i++;
                }
                atom = new Repeat(atom, min, max, p.substring(start, i - lazy.length()) + lazy);
            }
            return atom;
        }

        private Node atom() {
            char c = p.charAt(i);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return bracket();
                case '.':
                    i++;
                    return new Dot();
                case '^':
                case '$':
                    i++;
                    return new Anchor(String.valueOf(c));
                case '\\':
                    return escape();
                default:
                    int cp = p.codePointAt(i);
                    i += Character.charCount(cp);
                    return new Lit(cp);
            }
        }

        private Node group() {
            i++; // (
            if (p.startsWith("?:", i)) {
                i += 2;
            } else if (p.startsWith("?P<", i) || p.startsWith("?<", i)) {
                int close = p.indexOf('>', i);
                i = close + 1;
            } else if (p.startsWith("?", i)) {
                throw new Unsupported("flags inside the pattern (" + p.substring(i - 1, Math.min(p.length(),
                        p.indexOf(')', i) + 1)) + ") after its start");
            }
            Node body = alt();
            if (i >= p.length() || p.charAt(i) != ')') {
                throw new IllegalStateException("missing ')'");
            }
            i++;
            return new Group(body);
        }

        private Node escape() {
            i++; // backslash
            char c = p.charAt(i);
            i++;
            switch (c) {
                case 'd':
                    return new Cls("[0-9]", null);
                case 'D':
                    return new Cls("[^0-9]", null);
                case 's':
                    return new Cls("[\\t\\n\\f\\r ]", null);
                case 'S':
                    return new Cls("[^\\t\\n\\f\\r ]", null);
                case 'w':
                    return new Cls("[0-9A-Za-z_]", null);
                case 'W':
                    return new Cls("[^0-9A-Za-z_]", null);
                case 'b':
                case 'B':
                case 'A':
                case 'z':
                    return new Anchor("\\" + c);
                case 'p':
                case 'P':
                    if (i < p.length() && p.charAt(i) == '{') {
                        i = p.indexOf('}', i) + 1;
                    } else {
                        i++;
                    }
                    return new Cls(null, "Unicode classes (\\p, \\P)");
                case 'Q': {
                    int end = p.indexOf("\\E", i);
                    String lit = end < 0 ? p.substring(i) : p.substring(i, end);
                    i = end < 0 ? p.length() : end + 2;
                    List<Node> items = new ArrayList<>();
                    lit.codePoints().forEach(cp -> items.add(new Lit(cp)));
                    return new Group(new Seq(items));
                }
                case 'C':
                    return new Cls(null, "\\C (any byte)");
                default:
                    return new Lit(charEscape(c));
            }
        }

        /** The code point of a character escape (after the backslash and {@code c}). */
        private int charEscape(char c) {
            switch (c) {
                case 'a':
                    return 7;
                case 'f':
                    return 12;
                case 't':
                    return 9;
                case 'n':
                    return 10;
                case 'r':
                    return 13;
                case 'v':
                    return 11;
                case 'x': {
                    if (p.charAt(i) == '{') {
                        int close = p.indexOf('}', i);
                        int cp = Integer.parseInt(p.substring(i + 1, close), 16);
                        i = close + 1;
                        return cp;
                    }
                    int cp = Integer.parseInt(p.substring(i, i + 2), 16);
                    i += 2;
                    return cp;
                }
                default:
                    if (c >= '0' && c <= '7') {
                        int start = i - 1;
                        while (i < p.length() && i - start < 3 && p.charAt(i) >= '0' && p.charAt(i) <= '7') {
                            i++;
                        }
                        return Integer.parseInt(p.substring(start, i), 8);
                    }
                    if (Character.isLetterOrDigit(c)) {
                        throw new IllegalStateException("unknown escape \\" + c);
                    }
                    return c;
            }
        }

        /** A bracket expression, rendered member by member into ARE. */
        private Node bracket() {
            int start = i;
            i++; // [
            StringBuilder are = new StringBuilder("[");
            if (p.charAt(i) == '^') {
                are.append('^');
                i++;
            }
            boolean first = true;
            String why = null;
            while (first || p.charAt(i) != ']') {
                first = false;
                if (p.startsWith("[:", i)) {
                    why = "POSIX classes such as [:alpha:]";
                    i = p.indexOf(":]", i) + 2;
                    continue;
                }
                int lo;
                if (p.charAt(i) == '\\') {
                    char e = p.charAt(i + 1);
                    if ("dsw".indexOf(e) >= 0) {
                        are.append(e == 'd' ? "0-9" : e == 's' ? "\\t\\n\\f\\r " : "0-9A-Za-z_");
                        i += 2;
                        continue;
                    }
                    if ("DSWpP".indexOf(e) >= 0) {
                        why = "negated or Unicode classes inside brackets (\\" + e + ")";
                        i += 2;
                        if ((e == 'p' || e == 'P') && p.charAt(i) == '{') {
                            i = p.indexOf('}', i) + 1;
                        } else if (e == 'p' || e == 'P') {
                            i++;
                        }
                        continue;
                    }
                    i += 2;
                    lo = charEscape(e);
                } else {
                    lo = p.codePointAt(i);
                    i += Character.charCount(lo);
                }
                are.append(member(lo));
                if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    i++;
                    int hi;
                    if (p.charAt(i) == '\\') {
                        char e = p.charAt(i + 1);
                        i += 2;
                        hi = charEscape(e);
                    } else {
                        hi = p.codePointAt(i);
                        i += Character.charCount(hi);
                    }
                    are.append('-').append(member(hi));
                }
            }
            i++; // ]
            if (are.length() == 1 || are.toString().equals("[^")) {
                throw new IllegalStateException("empty class at " + start);
            }
            return new Cls(why == null ? are.append(']').toString() : null, why);
        }

        private static String member(int cp) {
            if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                return String.valueOf((char) cp);
            }
            return unicodeEscape(cp);
        }
    }

    static String unicodeEscape(int cp) {
        return cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    // ------------------------------------------------------------------------------------------------ ARE output

    private static final class Are {
        private final boolean dotAll;
        private final List<String> approximations;

        Are(boolean dotAll, List<String> approximations) {
            this.dotAll = dotAll;
            this.approximations = approximations;
        }

        String render(Node n) {
            if (n instanceof Alt a) {
                List<String> out = new ArrayList<>();
                a.alternatives().forEach(x -> out.add(render(x)));
                return String.join("|", out);
            }
            if (n instanceof Seq s) {
                StringBuilder b = new StringBuilder();
                s.items().forEach(x -> b.append(render(x)));
                return b.toString();
            }
            if (n instanceof Group g) {
                return "(?:" + render(g.body()) + ")";
            }
            if (n instanceof Repeat r) {
                String atom = render(r.atom());
                boolean single = r.atom() instanceof Lit || r.atom() instanceof Cls || r.atom() instanceof Dot
                        || r.atom() instanceof Group;
                String a = single ? atom : "(?:" + atom + ")";
                if (r.max() <= 255 && r.min() <= 255) {
                    return a + r.suffix();
                }
                // ARE counts at most 255 (DUPMAX): x{n,m} is x{n} then up to m-n more, each run split in parts of
                // at most 255; any count in [n, m] is such a sum, so the language is the same.
                String lazy = r.suffix().endsWith("?") && !r.suffix().equals("?") ? "?" : "";
                StringBuilder b = new StringBuilder();
                for (int left = r.min(); left > 0; left -= 255) {
                    b.append(a).append('{').append(Math.min(255, left)).append('}');
                }
                if (r.max() < 0) {
                    b.append(a).append('*').append(lazy);
                } else {
                    for (int left = r.max() - r.min(); left > 0; left -= 255) {
                        b.append(a).append("{0,").append(Math.min(255, left)).append('}').append(lazy);
                    }
                }
                return "(?:" + b + ")";
            }
            if (n instanceof Lit l) {
                int cp = l.cp();
                if ("\\^$.[]|()*+?{}".indexOf(cp) >= 0) {
                    return "\\" + (char) cp;
                }
                if (cp < 0x20 || cp == 0x7f || SqlEscaper.needsChr(cp)) {
                    return unicodeEscape(cp);
                }
                return new String(Character.toChars(cp));
            }
            if (n instanceof Cls c) {
                if (c.are() == null) {
                    throw new Unsupported(c.why());
                }
                return c.are();
            }
            if (n instanceof Dot) {
                return dotAll ? "." : "[^\\n]";
            }
            Anchor a = (Anchor) n;
            return switch (a.re2()) {
                case "^" -> "^";
                case "$" -> "$";
                case "\\A" -> "\\A";
                case "\\z" -> "\\Z";
                case "\\b", "\\B" -> {
                    approximations.add("\\b and \\B in PostgreSQL: word characters follow the database locale, RE2's"
                            + " are ASCII [0-9A-Za-z_]");
                    yield a.re2().equals("\\b") ? "\\y" : "\\Y";
                }
                default -> throw new Unsupported(a.re2());
            };
        }
    }

    /** For tests: the ARE text of a pattern, or empty when unsupported. */
    static Optional<String> are(String pattern, Set<RegexFlag> flags) {
        SqlDialect.Regex r = postgres("t", pattern, flags, PostgresDialect.INSTANCE.escaper());
        return r.sql();
    }
}
