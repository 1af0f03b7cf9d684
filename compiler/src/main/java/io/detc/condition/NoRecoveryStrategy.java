package io.detc.condition;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's default error strategy with token insertion and deletion turned off, after Trino's {@code SqlParser}.
 * Recovery by inventing or dropping tokens produces follow-on messages about text the user never wrote
 * ("missing ')' at 'and'"); detc reports only the first error of a condition, at the token where it happened.
 *
 * <p>The exception built in {@link #recoverInline} uses the state remembered by {@code sync} at the last loop
 * exit, so after {@code a b} the expected set is {@code 'and', 'or', end} and not just {@code end}.
 */
final class NoRecoveryStrategy extends DefaultErrorStrategy {
    @Override
    public Token recoverInline(Parser recognizer) throws RecognitionException {
        if (nextTokensContext == null) {
            throw new InputMismatchException(recognizer);
        }
        throw new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
    }

    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        return null;
    }

    @Override
    protected boolean singleTokenInsertion(Parser recognizer) {
        return false;
    }
}
