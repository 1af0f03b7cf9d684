package io.detc.eval;

import io.detc.eval.JsonPaths.Path;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference evaluator: compiles the lowered IR of a rule into a {@link CompiledRule} whose answer on an event
 * <em>is</em> the rule's meaning. Backends are proven equal to it, so every choice it makes is written down in
 * {@code docs/semantics.md} and pinned by {@code testdata/conformance/}.
 *
 * <p>Compilation does the per-rule work once: field names resolved to paths, patterns folded and specialised,
 * regexes compiled, numbers and networks prepared. The IR is a tree (no sharing), so the compiled tree has the
 * same size.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Compiles {@code p} for events whose fields are the rule's names as written. */
    public static CompiledRule compile(Predicate p) {
        return compile(p, FieldPaths.identity());
    }

    /** Compiles {@code p}, resolving each rule field through {@code paths} (once per distinct field). */
    public static CompiledRule compile(Predicate p, FieldPaths paths) {
        return new CompiledRule(p, p.accept(new Compile(paths)));
    }

    /**
     * One message per unresolved {@code %name%} placeholder ({@code |expand}) in {@code p}, with its place in the
     * rule. Placeholders get values only from a pipeline; a rule that still has one cannot be evaluated (its compiled
     * form throws when it reaches the placeholder), and callers should report this list instead of running it.
     */
    public static List<String> unsupported(Predicate p) {
        List<String> out = new ArrayList<>();
        p.accept(new Unsupported(out));
        return out;
    }

    private static String message(Matcher.Placeholder ph, String field, Span span) {
        return span + ": placeholder %" + ph.name() + "% (" + field + ") has no values; a pipeline must resolve"
                + " it before the rule can be evaluated";
    }

    /** IR to compiled nodes. Field paths are cached per compilation: a rule names few fields, often repeatedly. */
    private static final class Compile implements Predicate.Visitor<Node> {
        private final FieldPaths fieldPaths;
        private final Map<String, Path[]> cache = new HashMap<>();

        Compile(FieldPaths fieldPaths) {
            this.fieldPaths = fieldPaths;
        }

        private Path[] paths(String field) {
            return cache.computeIfAbsent(field, f -> fieldPaths.resolve(f).stream().distinct()
                    .map(JsonPaths::compile).toArray(Path[]::new));
        }

        private Node[] all(List<Predicate> terms) {
            return terms.stream().map(t -> t.accept(this)).toArray(Node[]::new);
        }

        @Override
        public Node visitAnd(Predicate.And p) {
            return new Node.And(all(p.terms()));
        }

        @Override
        public Node visitOr(Predicate.Or p) {
            return new Node.Or(all(p.terms()));
        }

        @Override
        public Node visitNot(Predicate.Not p) {
            return new Node.Not(p.operand().accept(this));
        }

        @Override
        public Node visitConst(Predicate.Const p) {
            return new Node.Const(p.value());
        }

        @Override
        public Node visitFieldMatch(Predicate.FieldMatch p) {
            Matcher m = p.matcher();
            if (m instanceof Matcher.IsNull) {
                return new Node.Null(paths(p.field()));
            }
            if (m instanceof Matcher.FieldRef r) {
                return new Node.Ref(paths(p.field()), paths(r.otherField()), r.op(), r.cased());
            }
            if (m instanceof Matcher.Placeholder ph) {
                return new Node.Unresolved(ph.name(), p.span().toString());
            }
            return new Node.Field(paths(p.field()), Leaf.of(m));
        }

        @Override
        public Node visitKeyword(Predicate.Keyword p) {
            if (p.matcher() instanceof Matcher.Placeholder ph) {
                return new Node.Unresolved(ph.name(), p.span().toString());
            }
            return new Node.Keyword(Leaf.of(p.matcher()));
        }

        @Override
        public Node visitExists(Predicate.Exists p) {
            return new Node.Exists(paths(p.field()));
        }

        @Override
        public Node visitElement(Predicate.Element p) {
            // Names inside the group are relative to the element: native paths, never the log source's mapping.
            Node inner = p.inner().accept(new Compile(FieldPaths.identity()));
            return new Node.Element(paths(p.field()), inner);
        }
    }

    /** Collects placeholder messages in rule order. */
    private record Unsupported(List<String> out) implements Predicate.Visitor<Void> {
        @Override
        public Void visitAnd(Predicate.And p) {
            p.terms().forEach(t -> t.accept(this));
            return null;
        }

        @Override
        public Void visitOr(Predicate.Or p) {
            p.terms().forEach(t -> t.accept(this));
            return null;
        }

        @Override
        public Void visitNot(Predicate.Not p) {
            return p.operand().accept(this);
        }

        @Override
        public Void visitConst(Predicate.Const p) {
            return null;
        }

        @Override
        public Void visitFieldMatch(Predicate.FieldMatch p) {
            if (p.matcher() instanceof Matcher.Placeholder ph) {
                out.add(message(ph, "field " + p.field(), p.span()));
            }
            return null;
        }

        @Override
        public Void visitKeyword(Predicate.Keyword p) {
            if (p.matcher() instanceof Matcher.Placeholder ph) {
                out.add(message(ph, "keyword", p.span()));
            }
            return null;
        }

        @Override
        public Void visitExists(Predicate.Exists p) {
            return null;
        }

        @Override
        public Void visitElement(Predicate.Element p) {
            return p.inner().accept(this);
        }
    }
}
