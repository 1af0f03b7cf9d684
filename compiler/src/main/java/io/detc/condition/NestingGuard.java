package io.detc.condition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Finds the first token at which a condition nests deeper than {@link #MAX_DEPTH} levels of {@code (} and
 * {@code not}, before the parser sees it. ANTLR parses by recursive descent, so 5,000 nested parentheses would
 * overflow the Java stack; checking the flat token list first turns that into a diagnostic (E204).
 *
 * <p>Depth counts open parentheses plus pending {@code not}s: a {@code not} stays open until the operand it
 * applies to ends (an identifier, a pattern, {@code them} or a closing parenthesis). {@code and}/{@code or} chains
 * add no depth, since the grammar reads them as repetition.
 */
final class NestingGuard {
    /** Deep enough for any real rule, shallow enough for the parser and every AST visitor on a default stack. */
    static final int MAX_DEPTH = 200;

    private NestingGuard() {
    }

    /** The first token that goes past {@link #MAX_DEPTH}, if any. */
    static Optional<Token> firstTooDeep(List<Token> tokens) {
        int[] nots = new int[16];   // pending `not`s per open parenthesis level; level 0 is the top
        int level = 0;
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case ConditionLexer.LPAREN -> {
                    level++;
                    if (level == nots.length) {
                        nots = Arrays.copyOf(nots, nots.length * 2);
                    }
                    nots[level] = 0;
                    depth++;
                }
                case ConditionLexer.NOT -> {
                    nots[level]++;
                    depth++;
                }
                case ConditionLexer.IDENT, ConditionLexer.PATTERN, ConditionLexer.THEM -> {
                    depth -= nots[level];
                    nots[level] = 0;
                }
                case ConditionLexer.RPAREN -> {
                    if (level > 0) {   // an unmatched ')' is the parser's to report
                        depth -= nots[level] + 1;
                        level--;
                        depth -= nots[level];
                        nots[level] = 0;
                    }
                }
                default -> {
                }
            }
            if (depth > MAX_DEPTH) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
