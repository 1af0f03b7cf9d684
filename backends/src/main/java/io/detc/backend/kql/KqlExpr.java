package io.detc.backend.kql;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean KQL expression as a small tree, so precedence is solved in one place ({@code not} binds tightest, then
 * {@code and}, then {@code or}) and long conditions print one term per line. Atoms are finished KQL text whose
 * value is never null (every leaf the backend writes is total), so {@code not} keeps plain boolean meaning.
 */
sealed interface KqlExpr {
    /** Finished KQL text of a boolean, e.g. {@code Col =~ "x"} or {@code detc_m0 > 0}. */
    record Atom(String text) implements KqlExpr {
    }

    /** Every term holds; at least two terms. */
    record And(List<KqlExpr> terms) implements KqlExpr {
        public And {
            terms = List.copyOf(terms);
        }
    }

    /** Some term holds; at least two terms. */
    record Or(List<KqlExpr> terms) implements KqlExpr {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    /** The operand does not hold. */
    record Not(KqlExpr operand) implements KqlExpr {
    }

    KqlExpr TRUE = new Atom("true");
    KqlExpr FALSE = new Atom("false");

    static KqlExpr atom(String text) {
        return new Atom(text);
    }

    static KqlExpr and(List<KqlExpr> terms) {
        List<KqlExpr> flat = new ArrayList<>();
        for (KqlExpr t : terms) {
            if (t instanceof And a) {
                flat.addAll(a.terms());
            } else if (t.equals(FALSE)) {
                return FALSE;
            } else if (!t.equals(TRUE) && !flat.contains(t)) {
                flat.add(t); // a repeated term adds nothing (a filter may repeat the rule's own exclusion)
            }
        }
        return flat.isEmpty() ? TRUE : flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    static KqlExpr or(List<KqlExpr> terms) {
        List<KqlExpr> flat = new ArrayList<>();
        for (KqlExpr t : terms) {
            if (t instanceof Or o) {
                flat.addAll(o.terms());
            } else if (t.equals(TRUE)) {
                return TRUE;
            } else if (!t.equals(FALSE) && !flat.contains(t)) {
                flat.add(t);
            }
        }
        return flat.isEmpty() ? FALSE : flat.size() == 1 ? flat.get(0) : new Or(flat);
    }

    static KqlExpr and(KqlExpr... terms) {
        return and(List.of(terms));
    }

    static KqlExpr or(KqlExpr... terms) {
        return or(List.of(terms));
    }

    static KqlExpr not(KqlExpr e) {
        if (e instanceof Not n) {
            return n.operand();
        }
        return e.equals(TRUE) ? FALSE : e.equals(FALSE) ? TRUE : new Not(e);
    }

    /** The whole expression on one line. */
    static String flat(KqlExpr e) {
        return print(e, 0, Integer.MAX_VALUE);
    }

    /**
     * The expression for a line that already has {@code indent} characters, broken before each {@code and} /
     * {@code or} when it would pass {@code width} columns; continuation lines are indented four more.
     */
    static String print(KqlExpr e, int indent, int width) {
        return render(e, indent, width, false);
    }

    /** {@code insideAnd}: the expression is a term of an {@code and}, so an {@code or} needs parentheses. */
    private static String render(KqlExpr e, int indent, int width, boolean insideAnd) {
        if (e instanceof Atom a) {
            return a.text();
        }
        if (e instanceof Not n) {
            return "not(" + render(n.operand(), indent + 4, width, false) + ")";
        }
        boolean isAnd = e instanceof And;
        List<KqlExpr> terms = isAnd ? ((And) e).terms() : ((Or) e).terms();
        String op = isAnd ? "and" : "or";
        boolean parens = !isAnd && insideAnd;
        List<String> parts = new ArrayList<>();
        for (KqlExpr t : terms) {
            parts.add(render(t, 0, Integer.MAX_VALUE, isAnd));
        }
        String one = (parens ? "(" : "") + String.join(" " + op + " ", parts) + (parens ? ")" : "");
        if (indent + one.length() <= width) {
            return one;
        }
        // One term per line: "a\n    and b\n    and (c\n         or d)": continuation lines four in, or, inside
        // parentheses, aligned with the first term.
        int step = parens ? indent + 1 : indent + 4;
        StringBuilder b = new StringBuilder(parens ? "(" : "");
        b.append(render(terms.get(0), indent + (parens ? 1 : 0), width, isAnd));
        for (int i = 1; i < terms.size(); i++) {
            b.append('\n').append(" ".repeat(step)).append(op).append(' ')
                    .append(render(terms.get(i), step + op.length() + 1, width, isAnd));
        }
        return b.append(parens ? ")" : "").toString();
    }
}
