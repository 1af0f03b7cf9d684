package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.eval.JsonPaths.Path;
import io.detc.ir.Matcher.RefOp;
import java.util.Iterator;

/**
 * A compiled predicate: the tree {@link Evaluator} builds from the IR, evaluated against an event's root (or, under
 * {@link Element}, against one array element). Immutable and thread-safe. Children are held in arrays, not lists,
 * because evaluation indexes them for every event; {@code And}/{@code Or} stop at the first deciding term.
 */
sealed interface Node {
    boolean eval(JsonNode root);

    /** Every term holds. */
    record And(Node[] terms) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            for (Node t : terms) {
                if (!t.eval(root)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some term holds. */
    record Or(Node[] terms) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            for (Node t : terms) {
                if (t.eval(root)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The operand does not hold (so a negated field test holds when the field is missing). */
    record Not(Node operand) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            return !operand.eval(root);
        }
    }

    /** A constant. */
    record Const(boolean value) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            return value;
        }
    }

    /** Some value at some path satisfies the leaf. */
    record Field(Path[] paths, Leaf leaf) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            for (Path p : paths) {
                if (p.anyValue(root, leaf)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** No path has a non-null value: the field is missing, null, an empty array, or an array of nulls. */
    record Null(Path[] paths) implements Node {
        private static final JsonPaths.ValueTest NON_NULL = v -> !v.isNull();

        @Override
        public boolean eval(JsonNode root) {
            for (Path p : paths) {
                if (p.anyValue(root, NON_NULL)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some path is present, whatever its value. */
    record Exists(Path[] paths) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            for (Path p : paths) {
                if (p.present(root)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Some string anywhere in the event (at any depth, inside arrays too) satisfies the leaf. Keys do not count. */
    record Keyword(Leaf leaf) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            return search(root, leaf);
        }

        private static boolean search(JsonNode n, Leaf leaf) {
            if (n.isTextual()) {
                return leaf.test(n);
            }
            if (n.isArray()) {
                for (int i = 0, size = n.size(); i < size; i++) {
                    if (search(n.get(i), leaf)) {
                        return true;
                    }
                }
            } else if (n.isObject()) {
                for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                    if (search(it.next(), leaf)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Some object at the paths (arrays crossed and flattened; a single object is one element) satisfies
     * {@code inner}, evaluated with that object as its root: every condition of the group holds on the same element.
     * Elements that are not objects are skipped.
     */
    record Element(Path[] paths, Node inner) implements Node, JsonPaths.ValueTest {
        @Override
        public boolean eval(JsonNode root) {
            for (Path p : paths) {
                if (p.anyValue(root, this)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean test(JsonNode element) {
            return element.isObject() && inner.eval(element);
        }
    }

    /** {@code fieldref}: some value of the field relates to some value of the other field, both as text. */
    record Ref(Path[] paths, Path[] others, RefOp op, boolean cased) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            for (Path p : paths) {
                if (p.anyValue(root, v -> againstOthers(root, ValueText.of(v)))) {
                    return true;
                }
            }
            return false;
        }

        private boolean againstOthers(JsonNode root, String a) {
            if (a == null) {
                return false;
            }
            for (Path q : others) {
                if (q.anyValue(root, w -> related(a, ValueText.of(w)))) {
                    return true;
                }
            }
            return false;
        }

        private boolean related(String a, String b) {
            if (b == null) {
                return false;
            }
            boolean fold = !cased;
            return switch (op) {
                case EQUALS -> CaseFolding.equals(a, b, fold);
                case STARTS_WITH -> CaseFolding.startsWith(a, b, fold);
                case ENDS_WITH -> CaseFolding.endsWith(a, b, fold);
                case CONTAINS -> CaseFolding.contains(a, b, fold);
            };
        }
    }

    /** An unresolved {@code %name%} placeholder: it has no meaning until a pipeline gives it values. */
    record Unresolved(String name, String where) implements Node {
        @Override
        public boolean eval(JsonNode root) {
            throw new IllegalStateException("placeholder %" + name + "% at " + where + " has no values: resolve it"
                    + " with a pipeline before evaluating (see Evaluator.unsupported)");
        }
    }
}
