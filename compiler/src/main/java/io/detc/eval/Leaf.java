package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.detc.ir.Matcher;
import java.util.Set;

/**
 * A compiled {@link Matcher} that tests one value at the end of a path (after arrays were crossed). A JSON null,
 * an object or an array offered as a value satisfies no leaf: null is only seen by {@link Node.Null}.
 */
sealed interface Leaf extends JsonPaths.ValueTest permits Leaf.Str, Leaf.Regex, Leaf.Bool, NumberLeaf, CidrLeaf,
        TimeLeaf {

    /**
     * The leaf for a value matcher. {@code IsNull}, {@code FieldRef} and {@code Placeholder} look at more than one
     * value (or at none) and are compiled into nodes by {@link Evaluator} instead.
     */
    static Leaf of(Matcher m) {
        if (m instanceof Matcher.StringMatch s) {
            return new Str(Glob.compile(s.pattern(), s.cased()));
        }
        if (m instanceof Matcher.RegexMatch r) {
            return new Regex(re2(r.pattern(), r.flags()));
        }
        if (m instanceof Matcher.BoolEquals b) {
            return new Bool(b.value());
        }
        if (m instanceof Matcher.NumberCompare n) {
            return new NumberLeaf(n.op(), n.value(), n.literal());
        }
        if (m instanceof Matcher.CidrMatch c) {
            return new CidrLeaf(c.network());
        }
        if (m instanceof Matcher.TimePart t) {
            return new TimeLeaf(t.unit(), t.op(), t.value());
        }
        throw new IllegalArgumentException("not a single-value matcher: " + m);
    }

    private static Pattern re2(String pattern, Set<Matcher.RegexFlag> flags) {
        int f = 0;
        if (flags.contains(Matcher.RegexFlag.IGNORE_CASE)) {
            f |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.contains(Matcher.RegexFlag.MULTILINE)) {
            f |= Pattern.MULTILINE;
        }
        if (flags.contains(Matcher.RegexFlag.DOTALL)) {
            f |= Pattern.DOTALL;
        }
        return Pattern.compile(pattern, f);
    }

    /** A Sigma string pattern over the value's text (strings, and numbers and booleans as text). */
    record Str(Glob glob) implements Leaf {
        @Override
        public boolean test(JsonNode v) {
            String text = ValueText.of(v);
            return text != null && glob.matches(text);
        }
    }

    /** An unanchored RE2 search ({@code find}) over the value's text. */
    record Regex(Pattern pattern) implements Leaf {
        @Override
        public boolean test(JsonNode v) {
            String text = ValueText.of(v);
            // RE2J has no allocation-free find: one Matcher per test, the price of linear-time regexes.
            return text != null && pattern.matcher(text).find();
        }
    }

    /** A JSON boolean, or the string {@code true}/{@code false} in any case. Numbers are never booleans. */
    record Bool(boolean value) implements Leaf {
        @Override
        public boolean test(JsonNode v) {
            if (v.isBoolean()) {
                return v.booleanValue() == value;
            }
            return v.isTextual() && CaseFolding.equals(v.textValue(), value ? "true" : "false", true);
        }
    }
}
