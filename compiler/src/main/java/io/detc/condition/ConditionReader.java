package io.detc.condition;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.source.Span;
import io.detc.source.TextLocator;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads one {@code condition:} scalar into a {@link Condition}: the entry point of the condition stage.
 *
 * <p>Problems are reported into the caller's {@link Diagnostics}, never thrown: at most one per condition (E201
 * syntax, E202 pipe aggregation, E203 {@code near}, E204 nesting too deep), since later syntax errors are mostly
 * echoes of the first. Every span goes through the caller's {@link TextLocator}, so a diagnostic points at the
 * line and column in the rule file, not inside the scalar.
 *
 * <p>Parsing follows Trino's {@code SqlParser}: ANTLR's console listeners are removed, a fast SLL pass bails out
 * on the first problem, and only then an LL pass with {@link NoRecoveryStrategy} finds and reports the error. The
 * grammar is LL(1), so the second pass never changes the answer; it exists to keep messages exact if that changes.
 */
public final class ConditionReader {
    private ConditionReader() {
    }

    /**
     * Parses {@code text}, the decoded condition scalar.
     *
     * @param locator maps 0-based offsets in {@code text} to file spans
     * @return the AST, or empty when a diagnostic was reported
     */
    public static Optional<Condition> read(String text, TextLocator locator, Diagnostics diags) {
        TokenSpans spans = new TokenSpans(text, locator);
        if (text.isBlank()) {
            diags.add(Diagnostic.of(Code.CONDITION_SYNTAX, locator.span(0, 0), "empty condition")
                    .withHint("name at least one detection, e.g. 'condition: selection'"));
            return Optional.empty();
        }
        try {
            return parse(text, spans, diags);
        } catch (StackOverflowError e) {
            // NestingGuard keeps depth within what a 512 KB stack parses; a caller on a smaller stack still gets a
            // diagnostic instead of a crash that would lose every other diagnostic of the run.
            diags.add(tooDeep(spans.whole(), "condition is nested too deeply to parse"));
            return Optional.empty();
        }
    }

    private static Optional<Condition> parse(String text, TokenSpans spans, Diagnostics diags) {
        ConditionLexer lexer = new ConditionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();   // the OTHER rule makes lexing total; any error is the parser's to report
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        List<Token> tokens = stream.getTokens();

        Optional<Token> deep = NestingGuard.firstTooDeep(tokens);
        if (deep.isPresent()) {
            diags.add(tooDeep(spans.span(deep.get()),
                    "condition nests more than " + NestingGuard.MAX_DEPTH + " levels of '(' and 'not'"));
            return Optional.empty();
        }

        ConditionParser parser = new ConditionParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        ConditionParser.ConditionContext tree;
        try {
            tree = parser.condition();
        } catch (ParseCancellationException sllFailed) {
            stream.seek(0);
            parser.reset();
            FirstErrorListener errors = new FirstErrorListener();
            parser.addErrorListener(errors);
            parser.setErrorHandler(new NoRecoveryStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                tree = parser.condition();
            } catch (ParseCancellationException reported) {
                tree = null;
            }
            if (errors.first().isPresent()) {
                diags.add(SyntaxErrors.explain(errors.first().get(), tokens, spans));
                return Optional.empty();
            }
            if (tree == null) {
                throw new IllegalStateException("condition parse failed without a syntax error", sllFailed);
            }
        }
        return Optional.of(new AstBuilder(spans).build(tree));
    }

    private static Diagnostic tooDeep(Span at, String message) {
        return Diagnostic.of(Code.CONDITION_TOO_DEEP, at, message).withHint("split the logic into more detections and combine them with '1 of' or 'all of'");
    }
}
