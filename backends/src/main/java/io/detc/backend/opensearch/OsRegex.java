package io.detc.backend.opensearch;

import io.detc.ir.Matcher.RegexFlag;
import java.util.Set;

/**
 * RE2 (search semantics) to a Lucene regexp (anchored to the whole term, no inline flags). An unanchored end becomes
 * {@code .*}; {@code \d \w \s} become their RE2 ASCII classes; {@code .} without {@code s} is {@code [^\n]}; with
 * {@code i} every ASCII letter becomes its RE2 case orbit ({@code k} is {@code [kK\u212A]}, {@code s} is
 * {@code [sS\u017F]}). What Lucene cannot say exactly (word boundaries, anchors inside the pattern or under
 * {@code m}, Unicode classes, case-insensitive non-ASCII letters, inline flags) is rejected with a reason.
 */
final class OsRegex {
    /** The translation, or the reason it is impossible. */
    record Result(String lucene, String unsupported) {
    }

    private final String src;
    private final boolean ci;
    private final boolean dotAll;
    private final OsEscaper esc;
    private int pos;

    private OsRegex(String src, Set<RegexFlag> flags, OsEscaper esc) {
        this.src = src;
        this.ci = flags.contains(RegexFlag.IGNORE_CASE);
        this.dotAll = flags.contains(RegexFlag.DOTALL);
        this.esc = esc;
    }

    static Result translate(String pattern, Set<RegexFlag> flags, OsEscaper esc) {
        try {
            return new OsRegex(pattern, flags, esc).run(flags.contains(RegexFlag.MULTILINE));
        } catch (Unsupported u) {
            return new Result(null, u.getMessage());
        } catch (RuntimeException e) {
            // a malformed escape (\x without hex digits, ...): RE2 rejects it too; never a crash
            return new Result(null, "the regular expression construct near '" + pattern + "'");
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported(String m) {
            super(m, null, false, false);
        }
    }

    private Result run(boolean multiline) {
        String body = src;
        boolean start = false;
        boolean end = false;
        if (body.startsWith("^")) {
            start = true;
            body = body.substring(1);
        }
        if (body.endsWith("$") && !escapedAt(body, body.length() - 1)) {
            end = true;
            body = body.substring(0, body.length() - 1);
        }
        // Under m, ^ also matches after a line break and $ before one: at the ends of the pattern that is an
        // optional run of text ending (starting) with a line break. Lucene's '.' matches line breaks.
        String head = start ? (multiline ? "(.*\\\n)?" : "") : ".*";
        String tail = end ? (multiline ? "(\\\n.*)?" : "") : ".*";
        OsRegex inner = new OsRegex(body, ci ? Set.of(RegexFlag.IGNORE_CASE) : Set.of(), esc);
        inner.dotAllOverride = dotAll;
        String t = inner.alternation(0);
        if (inner.pos != body.length()) {
            throw new Unsupported("the regular expression construct at offset " + inner.pos);
        }
        if ((start || end) && inner.topLevelBar) {
            throw new Unsupported("a regular expression whose ^ or $ applies to one branch of a top-level |");
        }
        String wrapped = head + (head.isEmpty() && tail.isEmpty() ? t : "(" + t + ")") + tail;
        return new Result(wrapped, null);
    }

    private boolean dotAllOverride;
    private boolean topLevelBar;

    private static boolean escapedAt(String s, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }

    private String alternation(int depth) {
        StringBuilder b = new StringBuilder(sequence(depth));
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            if (depth == 0) {
                topLevelBar = true;
            }
            b.append('|').append(sequence(depth));
        }
        return b.toString();
    }

    private String sequence(int depth) {
        StringBuilder b = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            String atom = atom(depth);
            b.append(atom);
            b.append(quantifier());
        }
        return b.toString();
    }

    private String quantifier() {
        if (pos >= src.length()) {
            return "";
        }
        char c = src.charAt(pos);
        String q;
        if (c == '*' || c == '+' || c == '?') {
            pos++;
            q = String.valueOf(c);
        } else if (c == '{') {
            int close = src.indexOf('}', pos);
            String inside = close < 0 ? "" : src.substring(pos + 1, close);
            if (!inside.matches("[0-9]+(,[0-9]*)?")) {
                return "";   // a literal '{' (RE2 reads it so); atom() escapes it
            }
            pos = close + 1;
            q = "{" + inside + "}";
        } else {
            return "";
        }
        if (pos < src.length() && src.charAt(pos) == '?') {
            pos++;  // lazy: the same set of whole matches
        }
        return q;
    }

    private String atom(int depth) {
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (src.startsWith("?:", pos)) {
                    pos += 2;
                } else if (src.startsWith("?P<", pos) || src.startsWith("?<", pos)) {
                    int close = src.indexOf('>', pos);
                    if (close < 0) {
                        throw new Unsupported("a malformed group name");
                    }
                    pos = close + 1;
                } else if (src.startsWith("?", pos)) {
                    throw new Unsupported("inline regex flags (Lucene regexps take none)");
                }
                String inner = alternation(depth + 1);
                if (pos >= src.length() || src.charAt(pos) != ')') {
                    throw new Unsupported("an unbalanced group");
                }
                pos++;
                return "(" + inner + ")";
            }
            case '[' -> {
                return charClass();
            }
            case '.' -> {
                pos++;
                return dotAllOverride ? "." : "[^\\\n]";
            }
            case '^', '$' -> throw new Unsupported("an anchor (^ or $) inside a regular expression");
            case '\\' -> {
                return escape(false);
            }
            case '{' -> {
                pos++;
                return esc.regexpChar('{');
            }
            case '*', '+', '?' -> throw new Unsupported("a repetition with nothing to repeat");
            default -> {
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                return literal(cp);
            }
        }
    }

    private String literal(int cp) {
        if (!ci) {
            return esc.regexpChar(cp);
        }
        String orbit = orbit(cp);
        return orbit.length() == esc.regexpChar(cp).length() ? orbit : "[" + orbit + "]";
    }

    /** RE2's case orbit of {@code cp} as class members (ASCII letters only; others must be caseless). */
    private String orbit(int cp) {
        if (cp < 128 && Character.isLetter(cp)) {
            int lo = Character.toLowerCase(cp);
            int up = Character.toUpperCase(cp);
            String extra = lo == 'k' ? "\u212A" : lo == 's' ? "\u017F" : "";
            return new String(Character.toChars(lo)) + new String(Character.toChars(up)) + extra;
        }
        if (Character.toUpperCase(cp) != cp || Character.toLowerCase(cp) != cp || OsCase.equivalents(cp).length > 1) {
            throw new Unsupported("a case-insensitive regular expression with non-ASCII letters (RE2 folds them"
                    + " by Unicode; Lucene only ASCII)");
        }
        return esc.regexpChar(cp);
    }

    private String escape(boolean inClass) {
        pos++;
        if (pos >= src.length()) {
            throw new Unsupported("a trailing backslash");
        }
        char c = src.charAt(pos);
        pos++;
        switch (c) {
            case 'd':
                return inClass ? "0-9" : "[0-9]";
            case 'w':
                return inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]";
            case 's':
                return inClass ? "\\\t\\\n\\\f\\\r\\ " : "[\\\t\\\n\\\f\\\r\\ ]";
            case 'D', 'W', 'S':
                if (inClass) {
                    throw new Unsupported("a negated class escape inside a character class");
                }
                String pos2 = c == 'D' ? "0-9" : c == 'W' ? "0-9A-Za-z_" : "\\\t\\\n\\\f\\\r\\ ";
                return "[^" + pos2 + "]";
            case 'n':
                return esc.regexpChar('\n');
            case 't':
                return esc.regexpChar('\t');
            case 'r':
                return esc.regexpChar('\r');
            case 'f':
                return esc.regexpChar('\f');
            case 'v':
                return esc.regexpChar(0x0B);
            case 'a':
                return esc.regexpChar(0x07);
            case 'x': {
                int cp;
                if (pos < src.length() && src.charAt(pos) == '{') {
                    int close = src.indexOf('}', pos);
                    cp = Integer.parseInt(src.substring(pos + 1, close), 16);
                    pos = close + 1;
                } else {
                    cp = Integer.parseInt(src.substring(pos, pos + 2), 16);
                    pos += 2;
                }
                return inClass ? classMember(cp) : literal(cp);
            }
            default:
                if (c < 128 && !Character.isLetterOrDigit(c)) {
                    return inClass ? classMember(c) : literal(c);
                }
                throw new Unsupported("the regex escape \\" + c);
        }
    }

    private String classMember(int cp) {
        return ci ? orbit(cp) : esc.regexpChar(cp);
    }

    private String charClass() {
        pos++;
        StringBuilder b = new StringBuilder("[");
        boolean negated = false;
        if (pos < src.length() && src.charAt(pos) == '^') {
            negated = true;
            pos++;
            b.append('^');
        }
        boolean first = true;
        while (pos < src.length() && (src.charAt(pos) != ']' || first)) {
            first = false;
            if (src.startsWith("[:", pos)) {
                throw new Unsupported("a POSIX character class");
            }
            int lo;
            if (src.charAt(pos) == '\\') {
                char n = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
                if (n == 'd' || n == 'w' || n == 's' || n == 'D' || n == 'W' || n == 'S' || n == 'p' || n == 'P') {
                    if (n == 'p' || n == 'P') {
                        throw new Unsupported("a Unicode class \\p");
                    }
                    if (ci && negated) {
                        throw new Unsupported("a negated case-insensitive character class");
                    }
                    b.append(escape(true));
                    continue;
                }
                int save = pos;
                String m = escape(true);
                lo = decodeSingle(save);
                if (lo < 0) {
                    b.append(m);
                    continue;
                }
            } else {
                lo = src.codePointAt(pos);
                pos += Character.charCount(lo);
            }
            int hi = lo;
            if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                if (src.charAt(pos) == '\\') {
                    int save = pos;
                    escape(true);
                    hi = decodeSingle(save);
                    if (hi < 0) {
                        throw new Unsupported("a character class range ending in a class escape");
                    }
                } else {
                    hi = src.codePointAt(pos);
                    pos += Character.charCount(hi);
                }
            }
            b.append(range(lo, hi, negated));
        }
        if (pos >= src.length()) {
            throw new Unsupported("an unterminated character class");
        }
        pos++;
        return b.append(']').toString();
    }

    /** The code point of the single-character escape starting at {@code at}, or -1. */
    private int decodeSingle(int at) {
        char n = src.charAt(at + 1);
        return switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'v' -> 0x0B;
            case 'a' -> 0x07;
            case 'x' -> {
                String rest = src.substring(at + 2);
                yield rest.startsWith("{") ? Integer.parseInt(rest.substring(1, rest.indexOf('}')), 16)
                        : Integer.parseInt(rest.substring(0, 2), 16);
            }
            default -> n < 128 && !Character.isLetterOrDigit(n) ? n : -1;
        };
    }

    private String range(int lo, int hi, boolean negated) {
        String plain = lo == hi ? esc.regexpChar(lo) : esc.regexpChar(lo) + "-" + esc.regexpChar(hi);
        if (!ci) {
            return plain;
        }
        boolean letters = false;
        for (int c = lo; c <= hi; c++) {
            if (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c || OsCase.equivalents(c).length > 1) {
                letters = true;
                if (c >= 128) {
                    throw new Unsupported("a case-insensitive character class with non-ASCII letters");
                }
            }
        }
        if (!letters) {
            return plain;
        }
        if (negated) {
            throw new Unsupported("a negated case-insensitive character class with letters");
        }
        StringBuilder b = new StringBuilder();
        for (int c = lo; c <= hi; c++) {
            b.append(Character.isLetter(c) ? orbit(c) : esc.regexpChar(c));
        }
        return b.toString();
    }
}
