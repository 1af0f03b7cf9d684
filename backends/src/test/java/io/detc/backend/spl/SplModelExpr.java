package io.detc.backend.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model of Splunk's eval/where expressions, enough to run what the SPL backend writes (test code). Values: null,
 * Boolean, Double, String, or a List of strings (a multivalue). Three-valued logic as Splunk's: NOT of NULL is NULL,
 * and where keeps a row only when its expression is TRUE, so a generated test that could be NULL shows up as a
 * wrong answer. Functions are in {@link SplModelFunctions}.
 */
final class SplModelExpr {
    /** A parsed expression. */
    sealed interface Node permits Lit, Field, Call, Op, Not {
    }

    record Lit(Object value) implements Node {
    }

    record Field(String name) implements Node {
    }

    record Call(String fn, List<Node> args) implements Node {
    }

    record Op(String op, Node left, Node right) implements Node {
    }

    record Not(Node operand) implements Node {
    }

    private final List<String> t;
    private int i;

    private SplModelExpr(List<String> tokens) {
        this.t = tokens;
    }

    static Node parse(String text) {
        SplModelExpr p = new SplModelExpr(tokens(text));
        Node n = p.or();
        if (p.i != p.t.size()) {
            throw new IllegalArgumentException("trailing tokens at " + p.t.subList(p.i, p.t.size()) + " in " + text);
        }
        return n;
    }

    /** Tokens: "strings" (kept quoted), 'fields' (kept quoted), numbers, words, operators, ( ) ,. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if (c == '\'') {
                int j = s.indexOf('\'', i + 1);
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if ("(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < s.length() && s.charAt(j) == '=') {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c == '+' || c == '-' && !(i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                    && (out.isEmpty() || isOperator(out.get(out.size() - 1))))) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i + 1;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),=!<>\"'+".indexOf(s.charAt(j)) < 0
                        && !(s.charAt(j) == '-' && j > i)) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static boolean isOperator(String tok) {
        return List.of("=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "(", ",", "AND", "OR", "NOT").contains(tok);
    }

    private Node or() {
        Node n = and();
        while (i < t.size() && t.get(i).equals("OR")) {
            i++;
            n = new Op("OR", n, and());
        }
        return n;
    }

    private Node and() {
        Node n = not();
        while (i < t.size() && t.get(i).equals("AND")) {
            i++;
            n = new Op("AND", n, not());
        }
        return n;
    }

    private Node not() {
        if (i < t.size() && t.get(i).equals("NOT")) {
            i++;
            return new Not(not());
        }
        return comparison();
    }

    private Node comparison() {
        Node n = additive();
        if (i < t.size() && List.of("=", "==", "!=", "<", "<=", ">", ">=").contains(t.get(i))) {
            String op = t.get(i++);
            n = new Op(op.equals("==") ? "=" : op, n, additive());
        }
        return n;
    }

    private Node additive() {
        Node n = primary();
        while (i < t.size() && (t.get(i).equals("+") || t.get(i).equals("-"))) {
            String op = t.get(i++);
            n = new Op(op, n, primary());
        }
        return n;
    }

    private Node primary() {
        String tok = t.get(i++);
        if (tok.equals("(")) {
            Node n = or();
            expect(")");
            return n;
        }
        if (tok.startsWith("\"")) {
            return new Lit(SplDecode.string(tok));
        }
        if (tok.startsWith("'")) {
            return new Field(tok.substring(1, tok.length() - 1));
        }
        if (tok.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new Lit(Double.parseDouble(tok));
        }
        if (i < t.size() && t.get(i).equals("(")) {
            i++;
            List<Node> args = new ArrayList<>();
            while (!t.get(i).equals(")")) {
                args.add(or());
                if (t.get(i).equals(",")) {
                    i++;
                }
            }
            i++;
            return new Call(tok, args);
        }
        return new Field(tok);
    }

    private void expect(String tok) {
        if (!t.get(i++).equals(tok)) {
            throw new IllegalArgumentException("expected " + tok + " in " + t);
        }
    }

    /** Evaluates {@code n} on a row; {@code bound} overrides fields (the current value inside mvfilter/mvmap). */
    static Object eval(Node n, Map<String, List<String>> row, Map<String, String> bound) {
        if (n instanceof Lit l) {
            return l.value();
        }
        if (n instanceof Field f) {
            if (bound.containsKey(f.name())) {
                return bound.get(f.name());
            }
            return SplModelFunctions.value(row.get(f.name()));
        }
        if (n instanceof Not x) {
            Object v = eval(x.operand(), row, bound);
            return v == null ? null : !truth(v);
        }
        if (n instanceof Op o) {
            return SplModelFunctions.op(o, row, bound);
        }
        return SplModelFunctions.call((Call) n, row, bound);
    }

    static boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException("not a boolean: " + v);
    }
}
