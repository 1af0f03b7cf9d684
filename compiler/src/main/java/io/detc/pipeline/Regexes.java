package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.source.Span;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions written by a pipeline author ({@code replace_string}, {@code mode: re} field conditions),
 * in Python's {@code re} dialect as pySigma reads them, run with java.util.regex.
 *
 * <p>Why java.util.regex and not RE2/J as for rule regexes: these patterns are configuration chosen by whoever
 * runs detc, not rule content, and pySigma pipelines use backreferences and lookarounds RE2 rejects. The cost is
 * backtracking: a pathological pattern is the author's own problem, as it is in Python. Only the named-group
 * spellings differ between the dialects and are translated ({@code (?P<n>…)} → {@code (?<n>…)},
 * {@code (?P=n)} → {@code \k<n>}).
 */
final class Regexes {
    private Regexes() {
    }

    /** The Java pattern for a Python pattern; throws {@link PatternSyntaxException} when it is invalid. */
    static Pattern compile(String python) {
        String java = python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        return Pattern.compile(java);
    }

    /** Whether the pattern compiles; reports E308 at {@code span} when it does not. */
    static boolean check(String python, Span span, Diagnostics diags) {
        try {
            compile(python);
            return true;
        } catch (PatternSyntaxException e) {
            diags.report(Code.INVALID_REGEX, span, "invalid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
            return false;
        }
    }

    /**
     * Whether every group {@code replacement} refers to exists in {@code pattern} (Python rejects the pipeline
     * otherwise); reports E308 at {@code span} when one does not.
     */
    static boolean checkReplacement(Pattern pattern, String replacement, Span span, Diagnostics diags) {
        int groups = pattern.matcher("").groupCount();
        java.util.Set<String> names = new java.util.HashSet<>();
        Matcher named = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(pattern.pattern());
        while (named.find()) {
            names.add(named.group(1));
        }
        Matcher refs = Pattern.compile("\\\\(?:(\\d{1,2})|g<([^>]*)>|.)").matcher(replacement);
        while (refs.find()) {
            String ref = refs.group(1) != null ? refs.group(1) : refs.group(2);
            if (ref == null) {
                continue;
            }
            boolean ok = ref.chars().allMatch(Character::isDigit) && !ref.isEmpty()
                    ? Integer.parseInt(ref) <= groups : names.contains(ref);
            if (!ok) {
                diags.report(Code.INVALID_REGEX, span, "the replacement refers to group '" + ref
                        + "', which the regex does not define");
                return false;
            }
        }
        return true;
    }

    /**
     * {@code re.sub(pattern, replacement, text)}: every match replaced by the Python replacement template, where
     * {@code \1}..{@code \99} and {@code \g<name>}/{@code \g<1>} insert groups, {@code \\} is a backslash,
     * {@code \n}, {@code \t}, {@code \r} are control characters and any other backslash stays as written.
     */
    static String sub(Pattern pattern, String replacement, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(expand(m, replacement)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String expand(Matcher m, String template) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 == template.length()) {
                b.append(c);
                continue;
            }
            char n = template.charAt(i + 1);
            if (Character.isDigit(n)) {
                int end = i + 2 < template.length() && Character.isDigit(template.charAt(i + 2)) ? i + 3 : i + 2;
                b.append(group(m, template.substring(i + 1, end)));
                i = end - 1;
            } else if (n == 'g' && i + 2 < template.length() && template.charAt(i + 2) == '<'
                    && template.indexOf('>', i + 3) > 0) {
                int close = template.indexOf('>', i + 3);
                b.append(group(m, template.substring(i + 3, close)));
                i = close;
            } else {
                b.append(switch (n) {
                    case '\\' -> "\\";
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    default -> "\\" + n;
                });
                i++;
            }
        }
        return b.toString();
    }

    /** A group's text; an unknown or unmatched group inserts nothing (Python ≥ 3.5 does the same for unmatched). */
    private static String group(Matcher m, String ref) {
        try {
            String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
            return g == null ? "" : g;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "";
        }
    }
}
