package io.detc.backend.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A lexical check of SPL text: no parser of Splunk's exists outside Splunk, so this catches what a generator can get
 * wrong on its own. It reports:
 * <ul>
 *   <li>raw control characters and backticks anywhere;</li>
 *   <li>a double-quoted string that is unterminated or holds an escape other than {@code \\} and {@code \"} (the
 *       only two {@link SplEscaper} writes), a single-quoted field name that is unterminated or holds a backslash;</li>
 *   <li>unbalanced parentheses, brackets (subsearches) and braces;</li>
 *   <li>an empty command, a trailing pipe, a command word that is not a known SPL command, a subsearch that does not
 *       start with a command;</li>
 *   <li>a comparison operator without an operand on either side, {@code AND}/{@code OR} at the start or end of an
 *       expression or next to another, {@code NOT} without an operand.</li>
 * </ul>
 * It does not know each command's arguments: a well-formed query can still be one Splunk rejects.
 */
public final class SplLexicalCheck {
    /** Commands detc emits, and common ones a hand-written query may use. */
    public static final Set<String> COMMANDS = Set.of("search", "where", "regex", "eval", "stats", "eventstats",
            "streamstats", "bin", "bucket", "spath", "mvexpand", "table", "fields", "sort", "dedup", "rename",
            "lookup", "inputlookup", "head", "tail", "fillnull", "makemv", "multisearch", "addinfo", "rex", "append",
            "tstats", "makeresults", "timechart", "chart", "top", "rare", "reverse", "union", "transaction",
            "convert", "iplocation", "outputlookup", "collect", "join", "format", "return", "nomv", "mvcombine");

    private static final Set<String> OPERATORS = Set.of("=", "==", "!=", "<", "<=", ">", ">=");

    private final String q;
    private final List<String> problems = new ArrayList<>();
    private int i;

    private SplLexicalCheck(String query) {
        this.q = query;
    }

    /** Every problem found in {@code query}, each with its offset; empty when the query is well-formed. */
    public static List<String> problems(String query) {
        SplLexicalCheck c = new SplLexicalCheck(query);
        for (int k = 0; k < query.length(); k++) {
            if (SplEscaper.unprintable(query.charAt(k)) && !Character.isSurrogate(query.charAt(k))) {
                c.problem(k, "raw control or format character U+%04X".formatted((int) query.charAt(k)));
            } else if (query.charAt(k) == '`') {
                c.problem(k, "backtick (Splunk expands `macros` even inside quotes; none are generated)");
            }
        }
        c.pipeline(false);
        if (c.i < query.length()) {
            c.problem(c.i, "unexpected '" + query.charAt(c.i) + "'");
        }
        return List.copyOf(c.problems);
    }

    private void problem(int at, String what) {
        problems.add("offset " + at + ": " + what);
    }

    /** A pipeline: commands separated by '|', up to the end or (nested) up to the closing ']'. */
    private void pipeline(boolean nested) {
        boolean first = true;
        while (true) {
            skipSpaces();
            int start = i;
            boolean leadingPipe = !nested && first && i < q.length() && q.charAt(i) == '|';
            if (leadingPipe) {
                i++;
                skipSpaces();
            }
            List<String> tokens = segment();
            if (tokens.isEmpty()) {
                problem(start, "empty command");
            } else if (!first || nested || leadingPipe) {
                String cmd = tokens.get(0).toLowerCase(Locale.ROOT);
                if (!COMMANDS.contains(cmd)) {
                    problem(start, "unknown command '" + tokens.get(0) + "'");
                }
                expressions(tokens.subList(1, tokens.size()), start);
            } else {
                expressions(tokens, start);
            }
            first = false;
            if (i < q.length() && q.charAt(i) == '|') {
                i++;
                if (i >= q.length() || q.substring(i).isBlank()) {
                    problem(i, "trailing pipe");
                    return;
                }
                continue;
            }
            return;
        }
    }

    /** One command's tokens, up to '|' or ']' or the end, checking quotes and nesting on the way. */
    private List<String> segment() {
        List<String> tokens = new ArrayList<>();
        int parens = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '|' && parens == 0 || c == ']') {
                break;
            }
            if (Character.isWhitespace(c) || c == '`') {
                i++; // a backtick was reported by the character scan
            } else if (c == '"') {
                tokens.add(doubleQuoted());
            } else if (c == '\'') {
                tokens.add(singleQuoted());
            } else if (c == '(') {
                parens++;
                tokens.add("(");
                i++;
            } else if (c == ')') {
                if (--parens < 0) {
                    problem(i, "unbalanced ')'");
                    parens = 0;
                }
                tokens.add(")");
                i++;
            } else if (c == '[') {
                int at = i++;
                pipeline(true);
                if (i >= q.length() || q.charAt(i) != ']') {
                    problem(at, "unclosed '['");
                } else {
                    i++;
                }
                tokens.add("[]");
            } else if (c == ',') {
                tokens.add(",");
                i++;
            } else if ("=<>!".indexOf(c) >= 0) {
                int start = i;
                while (i < q.length() && "=<>!".indexOf(q.charAt(i)) >= 0) {
                    i++;
                }
                String op = q.substring(start, i);
                if (!OPERATORS.contains(op)) {
                    problem(start, "unknown operator '" + op + "'");
                }
                tokens.add(op);
            } else {
                tokens.add(word());
            }
        }
        if (parens > 0) {
            problem(i, parens + " unclosed '('");
        }
        return tokens;
    }

    private String word() {
        int start = i;
        int braces = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c) || "\"'()[]|,=<>!`".indexOf(c) >= 0) {
                break;
            }
            braces += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (braces < 0) {
                problem(i, "unbalanced '}'");
                braces = 0;
            }
            i++;
        }
        if (braces > 0) {
            problem(start, "unclosed '{'");
        }
        return q.substring(start, i);
    }

    private String doubleQuoted() {
        int start = i++;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '"') {
                i++;
                return q.substring(start, i);
            }
            if (c == '\\') {
                char next = i + 1 < q.length() ? q.charAt(i + 1) : 0;
                if (next != '\\' && next != '"') {
                    problem(i, "escape '\\" + (next == 0 ? "" : String.valueOf(next)) + "' in a string (only \\\\ "
                            + "and \\\" are written)");
                }
                i += 2;
                continue;
            }
            i++;
        }
        problem(start, "unterminated string");
        return q.substring(start);
    }

    private String singleQuoted() {
        int start = i++;
        while (i < q.length() && q.charAt(i) != '\'') {
            if (q.charAt(i) == '\\') {
                problem(i, "backslash in a single-quoted field name");
            }
            i++;
        }
        if (i >= q.length()) {
            problem(start, "unterminated field name");
            return q.substring(start);
        }
        i++;
        if (i - start == 2) {
            problem(start, "empty field name");
        }
        return q.substring(start, i);
    }

    /** Operators need operands on both sides; AND/OR join two operands; NOT precedes one. */
    private void expressions(List<String> t, int at) {
        for (int k = 0; k < t.size(); k++) {
            String tok = t.get(k);
            String prev = k > 0 ? t.get(k - 1) : null;
            String next = k + 1 < t.size() ? t.get(k + 1) : null;
            if (OPERATORS.contains(tok) && (!operand(prev, true) || !operand(next, false))) {
                problem(at, "operator '" + tok + "' without an operand");
            } else if ((tok.equals("AND") || tok.equals("OR")) && (!operand(prev, true) || !operand(next, false))) {
                problem(at, "'" + tok + "' without an operand");
            } else if (tok.equals("NOT") && !operand(next, false)) {
                problem(at, "'NOT' without an operand");
            }
        }
    }

    private static boolean operand(String tok, boolean before) {
        if (tok == null || tok.equals(",") || OPERATORS.contains(tok) || tok.equals("AND") || tok.equals("OR")) {
            return false;
        }
        if (tok.equals("NOT")) {
            return !before;
        }
        return before ? !tok.equals("(") : !tok.equals(")");
    }

    private void skipSpaces() {
        while (i < q.length() && Character.isWhitespace(q.charAt(i))) {
            i++;
        }
    }
}
