package io.detc.condition;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Words a set of expected token types the way a rule author thinks of them: "an identifier, '(', 'not', '1 of' or
 * 'all of'" rather than ANTLR's {@code {'not', '(', '1', 'all', 'any', IDENT}}. The order is fixed so messages are
 * stable in golden files. {@code any of} is accepted but not advertised: it is pySigma's alias, not the spec's.
 */
final class Expected {
    private Expected() {
    }

    static String describe(IntervalSet expected) {
        List<String> parts = new ArrayList<>();
        boolean afterOf = expected.contains(ConditionLexer.THEM);
        if (expected.contains(ConditionLexer.IDENT) || expected.contains(ConditionLexer.PATTERN)) {
            parts.add(afterOf ? "a name pattern" : "an identifier");
        }
        add(parts, expected, ConditionLexer.LPAREN, "'('");
        add(parts, expected, ConditionLexer.NOT, "'not'");
        add(parts, expected, ConditionLexer.ONE, "'1 of'");
        add(parts, expected, ConditionLexer.ALL, "'all of'");
        add(parts, expected, ConditionLexer.THEM, "'them'");
        add(parts, expected, ConditionLexer.OF, "'of'");
        add(parts, expected, ConditionLexer.AND, "'and'");
        add(parts, expected, ConditionLexer.OR, "'or'");
        add(parts, expected, ConditionLexer.RPAREN, "')'");
        add(parts, expected, Token.EOF, "end of condition");
        return join(parts);
    }

    /** True when the parser has just read a complete operand, so an operator could come next. */
    static boolean afterOperand(IntervalSet expected) {
        return expected.contains(ConditionLexer.AND);
    }

    /** True when the parser wants the start of an operand. */
    static boolean atOperand(IntervalSet expected) {
        return expected.contains(ConditionLexer.NOT);
    }

    private static void add(List<String> parts, IntervalSet expected, int type, String words) {
        if (expected.contains(type)) {
            parts.add(words);
        }
    }

    private static String join(List<String> parts) {
        if (parts.isEmpty()) {
            return "nothing more";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
