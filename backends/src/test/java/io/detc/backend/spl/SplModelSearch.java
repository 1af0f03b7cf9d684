package io.detc.backend.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A model of the search command's expressions (test code): {@code field="v*"}, {@code field IN (...)}, {@code NOT},
 * {@code AND}, {@code OR} (which binds tighter than AND, as in Splunk), implicit AND, parentheses, a lone
 * {@code *}. A field test holds when any value matches the value whole, case-insensitively, {@code *} matching any
 * run; {@code NOT} of it holds on a missing field.
 */
final class SplModelSearch {
    private final List<String> t;
    private int i;

    private SplModelSearch(List<String> tokens) {
        this.t = tokens;
    }

    /** A compiled search expression over a field lookup. */
    interface Test {
        boolean test(Function<String, List<String>> lookup);
    }

    static Test parse(String text) {
        SplModelSearch p = new SplModelSearch(SplModelExpr.tokens(text));
        Test x = p.and();
        if (p.i != p.t.size()) {
            throw new IllegalArgumentException("trailing search tokens " + p.t.subList(p.i, p.t.size()));
        }
        return x;
    }

    private Test and() {
        List<Test> terms = new ArrayList<>(List.of(or()));
        while (i < t.size() && !t.get(i).equals(")")) {
            if (t.get(i).equals("AND")) {
                i++;
            }
            terms.add(or());
        }
        return l -> terms.stream().allMatch(x -> x.test(l));
    }

    private Test or() {
        List<Test> terms = new ArrayList<>(List.of(not()));
        while (i < t.size() && t.get(i).equals("OR")) {
            i++;
            terms.add(not());
        }
        return l -> terms.stream().anyMatch(x -> x.test(l));
    }

    private Test not() {
        if (t.get(i).equals("NOT")) {
            i++;
            Test x = not();
            return l -> !x.test(l);
        }
        if (t.get(i).equals("(")) {
            i++;
            Test x = and();
            i++;
            return x;
        }
        String field = t.get(i++);
        if (field.equals("*")) {
            return l -> true;
        }
        List<Pattern> values = new ArrayList<>();
        if (t.get(i).equals("IN")) {
            i += 2;
            while (!t.get(i).equals(")")) {
                values.add(glob(t.get(i++)));
                if (t.get(i).equals(",")) {
                    i++;
                }
            }
            i++;
        } else if (t.get(i).equals("=")) {
            i++;
            values.add(glob(t.get(i++)));
        } else {
            throw new IllegalArgumentException("no model of search term " + field + " " + t.get(i));
        }
        return l -> l.apply(field).stream().anyMatch(v -> values.stream()
                .anyMatch(p -> p.matcher(v.toLowerCase(Locale.ROOT)).matches()));
    }

    private static Pattern glob(String token) {
        String v = token.startsWith("\"") ? SplDecode.string(token) : token;
        return Pattern.compile(java.util.Arrays.stream(v.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote).collect(java.util.stream.Collectors.joining("(?s:.*)")));
    }
}
