package io.detc.condition;

import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Replaces ANTLR's console listener: keeps the first syntax error (offending token and the token types the parser
 * would have accepted there) and stops the parse, since later errors are mostly echoes of the first. ANTLR's own
 * message text is dropped; {@link SyntaxErrors} words the diagnostic.
 */
final class FirstErrorListener extends BaseErrorListener {
    /** The first syntax error: where it is and what would have been valid there. */
    record SyntaxError(Token offending, IntervalSet expected) {
    }

    private SyntaxError first;

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
            RecognitionException e) {
        if (first == null && offendingSymbol instanceof Token token) {
            IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                    : recognizer instanceof Parser p ? p.getExpectedTokens() : new IntervalSet();
            first = new SyntaxError(token, expected);
        }
        throw new ParseCancellationException(msg, e);
    }

    Optional<SyntaxError> first() {
        return Optional.ofNullable(first);
    }
}
