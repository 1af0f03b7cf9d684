package io.detc.backend.sql;

import java.util.List;

/** The tree {@link SqlRegexParser} reads an RE2 pattern into: only what the translation to ARE needs. */
sealed interface SqlRegexNode permits SqlRegexNode.Alt, SqlRegexNode.Seq, SqlRegexNode.Repeat, SqlRegexNode.Group,
        SqlRegexNode.Lit, SqlRegexNode.Cls, SqlRegexNode.Dot, SqlRegexNode.Anchor {
    record Alt(List<SqlRegexNode> alternatives) implements SqlRegexNode {
    }

    record Seq(List<SqlRegexNode> items) implements SqlRegexNode {
    }

    record Repeat(SqlRegexNode atom, int min, int max, String suffix) implements SqlRegexNode {
    }

    record Group(SqlRegexNode body) implements SqlRegexNode {
    }

    record Lit(int cp) implements SqlRegexNode {
    }

    /** A bracket expression or a shorthand class; {@code are} is its ARE form, or null when it has none. */
    record Cls(String are, String why) implements SqlRegexNode {
    }

    record Dot() implements SqlRegexNode {
    }

    /** {@code ^ $ \A \z \b \B}. */
    record Anchor(String re2) implements SqlRegexNode {
    }

    /** A construct with no exact translation. */
    final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }
}
