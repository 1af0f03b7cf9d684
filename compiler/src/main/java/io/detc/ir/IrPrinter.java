package io.detc.ir;

import io.detc.value.Cidrs;
import io.detc.value.Text;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints IR as a stable one-line S-expression, e.g. {@code (and (match Image eq-ci "*\\cmd.exe") (not (exists X)))},
 * so tests compare readable strings and spans do not make them brittle.
 *
 * <p>Forms: {@code (and ..)}, {@code (or ..)}, {@code (not x)}, {@code true}/{@code false},
 * {@code (exists F)}, {@code (match F <matcher>)} and {@code (keyword <matcher>)}. Matchers:
 * {@code eq-ci "text"}/{@code eq-cs "text"} (text in Sigma notation: {@code *} and {@code ?} are wildcards,
 * {@code \*}, {@code \?}, {@code \\} literal, plus {@code \"} and {@code \\u0000} escapes), {@code re /p/ims},
 * {@code cidr 10.0.0.0/8}, {@code eq 4688} / {@code lt 5} (numbers as written), {@code bool true}, {@code null},
 * {@code ref-eq-ci Other}, {@code hour gte 22}, {@code placeholder %name% "template"}. Field names are quoted
 * only when they contain spaces, parentheses or quotes.
 */
public final class IrPrinter implements Predicate.Visitor<String> {
    public static final IrPrinter INSTANCE = new IrPrinter();

    private IrPrinter() {
    }

    /** The S-expression for {@code p}. */
    public static String print(Predicate p) {
        return p.accept(INSTANCE);
    }

    @Override
    public String visitAnd(Predicate.And p) {
        return "(and " + p.terms().stream().map(t -> t.accept(this)).collect(Collectors.joining(" ")) + ")";
    }

    @Override
    public String visitOr(Predicate.Or p) {
        return "(or " + p.terms().stream().map(t -> t.accept(this)).collect(Collectors.joining(" ")) + ")";
    }

    @Override
    public String visitNot(Predicate.Not p) {
        return "(not " + p.operand().accept(this) + ")";
    }

    @Override
    public String visitConst(Predicate.Const p) {
        return Boolean.toString(p.value());
    }

    @Override
    public String visitFieldMatch(Predicate.FieldMatch p) {
        return "(match " + field(p.field()) + " " + matcher(p.matcher()) + ")";
    }

    @Override
    public String visitKeyword(Predicate.Keyword p) {
        return "(keyword " + matcher(p.matcher()) + ")";
    }

    @Override
    public String visitExists(Predicate.Exists p) {
        return "(exists " + field(p.field()) + ")";
    }

    @Override
    public String visitElement(Predicate.Element p) {
        return "(element " + field(p.field()) + " " + p.inner().accept(this) + ")";
    }

    /** The matcher part of a {@code match} or {@code keyword} form. */
    public static String matcher(Matcher m) {
        if (m instanceof Matcher.StringMatch s) {
            return (s.cased() ? "eq-cs " : "eq-ci ") + quote(s.pattern().toSigma());
        }
        if (m instanceof Matcher.RegexMatch r) {
            StringBuilder flags = new StringBuilder();
            if (r.flags().contains(Matcher.RegexFlag.IGNORE_CASE)) {
                flags.append('i');
            }
            if (r.flags().contains(Matcher.RegexFlag.MULTILINE)) {
                flags.append('m');
            }
            if (r.flags().contains(Matcher.RegexFlag.DOTALL)) {
                flags.append('s');
            }
            return "re /" + controls(slashes(r.pattern())) + "/" + flags;
        }
        if (m instanceof Matcher.CidrMatch c) {
            return "cidr " + Cidrs.format(c.network());
        }
        if (m instanceof Matcher.NumberCompare n) {
            return lower(n.op()) + " " + n.literal();
        }
        if (m instanceof Matcher.BoolEquals b) {
            return "bool " + b.value();
        }
        if (m instanceof Matcher.IsNull) {
            return "null";
        }
        if (m instanceof Matcher.FieldRef f) {
            return "ref-" + lower(f.op()).replace('_', '-') + (f.cased() ? "-cs " : "-ci ") + field(f.otherField());
        }
        if (m instanceof Matcher.TimePart t) {
            return lower(t.unit()) + " " + lower(t.op()) + " " + t.value();
        }
        if (m instanceof Matcher.Placeholder p) {
            return "placeholder %" + p.name() + "% " + quote(p.template().toSigma());
        }
        throw new IllegalStateException("unknown matcher " + m);
    }

    /** Escapes the {@code /} delimiter where the pattern has it unescaped; escapes stay as written. */
    private static String slashes(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                b.append(c).append(pattern.charAt(++i));
            } else {
                b.append(c == '/' ? "\\/" : String.valueOf(c));
            }
        }
        return b.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String field(String f) {
        boolean plain = !f.isEmpty() && f.chars().noneMatch(c -> c <= ' ' || c == '(' || c == ')' || c == '"');
        return plain ? f : quote(f);
    }

    private static String quote(String s) {
        // Backslashes are already doubled by Text.toSigma, so only quotes and control characters need escapes.
        return "\"" + controls(s.replace("\"", "\\\"")) + "\"";
    }

    private static String controls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xfeff) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
