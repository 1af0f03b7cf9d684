package io.detc.condition;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.source.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first syntax error of a condition into a diagnostic. Most errors read "mismatched input 'x'; expected
 * ...", but the mistakes rule authors actually make get their own wording and a hint: Sigma 1.x pipe aggregations
 * (E202) and {@code near} (E203), upper-case {@code AND}, bare wildcards, {@code 2 of}, C-style operators.
 *
 * <p>Every special case is keyed on the offending token and on whether the parser had just finished an operand,
 * so an identifier that happens to be called {@code near} or {@code NOT} is still fine where an operand belongs.
 */
final class SyntaxErrors {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

    private SyntaxErrors() {
    }

    static Diagnostic explain(FirstErrorListener.SyntaxError error, List<Token> tokens, TokenSpans spans) {
        Token t = error.offending();
        IntervalSet expected = error.expected();
        Token prev = neighbour(tokens, t, -1);
        Token next = neighbour(tokens, t, 1);
        boolean afterOperand = Expected.afterOperand(expected);
        switch (t.getType()) {
            case ConditionLexer.PIPE -> {
                if (isNear(next)) {
                    return near(spans.span(next));
                }
                if (next != null && next.getType() == ConditionLexer.PIPE && next.getStartIndex() == t.getStopIndex() + 1) {
                    return syntax(spans.span(t, next), "unexpected '||'", "use 'or'");
                }
                return Diagnostic.of(Code.LEGACY_AGGREGATION, spans.span(t),
                        "pipe aggregations ('| count() ...') are obsolete since Sigma 2.0").withHint(
                        "move the aggregation into a correlation rule (type: event_count or value_count)");
            }
            case ConditionLexer.IDENT -> {
                if (afterOperand && isNear(t)) {
                    return near(spans.span(t));
                }
                if (afterOperand && isUpperKeyword(t)) {
                    return upperKeyword(t, spans);
                }
            }
            case ConditionLexer.OF -> {
                if (afterOperand && prev != null && prev.getType() == ConditionLexer.IDENT) {
                    return syntax(spans.span(prev, t), "'" + show(prev.getText()) + " of' is not a quantifier",
                            "Sigma's quantifiers are '1 of' (at least one) and 'all of'");
                }
            }
            default -> {
            }
        }
        if (afterOperand && isUpperKeyword(prev)) {
            return upperKeyword(prev, spans);
        }
        if (Expected.atOperand(expected) && t.getType() == ConditionLexer.PATTERN) {
            return syntax(spans.span(t), "wildcard '" + t.getText() + "' needs a quantifier",
                    "use '1 of " + t.getText() + "' or 'all of " + t.getText() + "'");
        }
        if (Expected.atOperand(expected) && t.getType() == ConditionLexer.THEM) {
            return syntax(spans.span(t), "'them' needs a quantifier", "use '1 of them' or 'all of them'");
        }
        return plain(t, prev, expected, tokens, spans);
    }

    private static Diagnostic plain(Token t, Token prev, IntervalSet expected, List<Token> tokens, TokenSpans spans) {
        String wanted = "; expected " + Expected.describe(expected);
        if (t.getType() == Token.EOF) {
            Span at = prev == null ? spans.span(t) : spans.after(prev);
            String hint = expected.contains(ConditionLexer.RPAREN) ? unclosed(tokens, spans) : "";
            return syntax(at, "unexpected end of condition" + wanted, hint);
        }
        if (t.getType() == ConditionLexer.OTHER) {
            String c = t.getText();
            return syntax(spans.span(t), "unexpected character " + (c.equals("'") ? "\"'\"" : "'" + show(c) + "'")
                    + wanted, characterHint(c));
        }
        if (t.getType() == ConditionLexer.OF && Expected.atOperand(expected)) {
            return syntax(spans.span(t), "mismatched input 'of'" + wanted, "put '1' or 'all' before 'of'");
        }
        if (t.getType() == ConditionLexer.RPAREN && Expected.afterOperand(expected)
                && !expected.contains(ConditionLexer.RPAREN)) {
            return syntax(spans.span(t), "unmatched ')'" + wanted, "");
        }
        return syntax(spans.span(t), "mismatched input '" + show(t.getText()) + "'" + wanted, "");
    }

    private static String characterHint(String c) {
        return switch (c) {
            case "&" -> "use 'and'";
            case "!" -> "use 'not'";
            case "=", "<", ">" -> "compare field values in a detection; the condition only combines detection names";
            case "'", "\"" -> "detection names are not quoted in a condition";
            default -> Character.isLetter(c.codePointAt(0))
                    ? "identifiers may only contain ASCII letters, digits, '_' and '-'"
                    : Character.isSpaceChar(c.codePointAt(0)) || Character.getType(c.codePointAt(0)) == Character.FORMAT
                    ? "replace this invisible character with a plain space" : "";
        };
    }

    /** Where the innermost '(' that is still open at the end was opened, as a hint for a missing ')'. */
    private static String unclosed(List<Token> tokens, TokenSpans spans) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            if (t.getType() == ConditionLexer.LPAREN) {
                open.push(t);
            } else if (t.getType() == ConditionLexer.RPAREN && !open.isEmpty()) {
                open.pop();
            }
        }
        if (open.isEmpty()) {
            return "";
        }
        Span at = spans.span(open.peek());
        return "add ')' to close the '(' at " + at.line() + ":" + at.column();
    }

    private static Diagnostic near(Span span) {
        return Diagnostic.of(Code.LEGACY_NEAR, span, "'near' is not supported: Sigma 2.0 removed the near operator")
                .withHint("use a temporal correlation rule (type: temporal) instead");
    }

    private static Diagnostic upperKeyword(Token t, TokenSpans spans) {
        return syntax(spans.span(t), "'" + t.getText() + "' is not an operator",
                "keywords are lower case: use '" + t.getText().toLowerCase(Locale.ROOT) + "'");
    }

    private static Diagnostic syntax(Span span, String message, String hint) {
        return Diagnostic.of(Code.CONDITION_SYNTAX, span, message).withHint(hint);
    }

    private static boolean isNear(Token t) {
        return t != null && t.getType() == ConditionLexer.IDENT && t.getText().equalsIgnoreCase("near");
    }

    /** {@code AND}, {@code Or}, {@code NOT}: a keyword in the wrong case, which the lexer reads as an identifier. */
    private static boolean isUpperKeyword(Token t) {
        return t != null && t.getType() == ConditionLexer.IDENT && KEYWORDS.contains(t.getText().toLowerCase(Locale.ROOT));
    }

    private static Token neighbour(List<Token> tokens, Token t, int step) {
        int i = t.getTokenIndex() + step;
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    /**
     * Token text for a message. Control characters would break the one-line message, and a no-break or zero-width
     * space pasted from a web page would be invisible, so those become {@code U+XXXX}.
     */
    private static String show(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c != ' ' && Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("U+%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
