package io.detc.backend.sql;

import io.detc.backend.sql.SqlRegexNode.Alt;
import io.detc.backend.sql.SqlRegexNode.Anchor;
import io.detc.backend.sql.SqlRegexNode.Cls;
import io.detc.backend.sql.SqlRegexNode.Dot;
import io.detc.backend.sql.SqlRegexNode.Group;
import io.detc.backend.sql.SqlRegexNode.Lit;
import io.detc.backend.sql.SqlRegexNode.Repeat;
import io.detc.backend.sql.SqlRegexNode.Seq;
import io.detc.backend.sql.SqlRegexNode.Unsupported;
import io.detc.ir.Matcher.RegexFlag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Recursive descent over RE2's syntax; throws {@link Unsupported} for what ARE cannot say here. */
final class SqlRegexParser {
    private final String p;
    private int i;
    final Set<RegexFlag> leadingFlags = EnumSet.noneOf(RegexFlag.class);

    SqlRegexParser(String p) {
        this.p = p;
    }

    SqlRegexNode parse() {
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
        SqlRegexNode n = alt();
        if (i != p.length()) {
            throw new IllegalStateException("unexpected ')' at " + i);
        }
        return n;
    }

    private SqlRegexNode alt() {
        List<SqlRegexNode> alts = new ArrayList<>();
        alts.add(seq());
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            alts.add(seq());
        }
        return alts.size() == 1 ? alts.get(0) : new Alt(alts);
    }

    private SqlRegexNode seq() {
        List<SqlRegexNode> items = new ArrayList<>();
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            SqlRegexNode atom = atom();
            items.add(quantified(atom));
        }
        return new Seq(items);
    }

    private SqlRegexNode quantified(SqlRegexNode atom) {
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

    private SqlRegexNode atom() {
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

    private SqlRegexNode group() {
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
        SqlRegexNode body = alt();
        if (i >= p.length() || p.charAt(i) != ')') {
            throw new IllegalStateException("missing ')'");
        }
        i++;
        return new Group(body);
    }

    private SqlRegexNode escape() {
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
                List<SqlRegexNode> items = new ArrayList<>();
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
    private SqlRegexNode bracket() {
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
        return SqlRegexAre.unicodeEscape(cp);
    }
}
