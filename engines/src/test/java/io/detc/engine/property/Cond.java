package io.detc.engine.property;

import java.util.List;
import java.util.stream.Collectors;

/** A generated {@code condition:} expression over selection names. */
public sealed interface Cond {
    /** The condition text; compound operands are parenthesised, so precedence never matters. */
    String render();

    /** A selection name. */
    record Ref(String name) implements Cond {
        @Override
        public String render() {
            return name;
        }
    }

    /** {@code not x}. */
    record Not(Cond operand) implements Cond {
        @Override
        public String render() {
            return "not " + wrap(operand);
        }
    }

    /** {@code a and b ...}, two or more terms. */
    record And(List<Cond> terms) implements Cond {
        public And {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("and needs two terms");
            }
        }

        @Override
        public String render() {
            return terms.stream().map(Cond::wrap).collect(Collectors.joining(" and "));
        }
    }

    /** {@code a or b ...}, two or more terms. */
    record Or(List<Cond> terms) implements Cond {
        public Or {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("or needs two terms");
            }
        }

        @Override
        public String render() {
            return terms.stream().map(Cond::wrap).collect(Collectors.joining(" or "));
        }
    }

    /** {@code 1 of sel*}, {@code all of them}: {@code pattern} is a glob or {@code them}. */
    record Of(boolean all, String pattern) implements Cond {
        @Override
        public String render() {
            return (all ? "all" : "1") + " of " + pattern;
        }
    }

    private static String wrap(Cond c) {
        return c instanceof And || c instanceof Or ? "(" + c.render() + ")" : c.render();
    }
}
