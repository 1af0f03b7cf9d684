package io.detc.check;

import io.detc.condition.Condition;
import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.rule.Detection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a detection's conditions against its search identifiers: unknown identifiers (E301), patterns that match
 * nothing (E303) and identifiers no condition uses (W302).
 */
final class ConditionCheck implements Condition.Visitor<Void> {
    private final Detection detection;
    private final Diagnostics diags;
    private final Set<String> used = new HashSet<>();

    private ConditionCheck(Detection detection, Diagnostics diags) {
        this.detection = detection;
        this.diags = diags;
    }

    static void check(Detection detection, Diagnostics diags) {
        ConditionCheck c = new ConditionCheck(detection, diags);
        detection.conditions().forEach(cond -> cond.accept(c));
        if (detection.conditions().isEmpty()) {
            return; // the condition is missing or broken and was reported; "unused" would only add noise
        }
        detection.identifiers().values().stream()
                .filter(id -> !c.used.contains(id.name()))
                .forEach(id -> diags.report(Code.UNUSED_DETECTION, id.span(), "search identifier '" + id.name()
                        + "' is not used by the condition"));
    }

    /** Identifiers a {@code x of pattern} covers; the pattern's {@code *} matches any run of characters. */
    static List<String> matching(Set<String> names, String pattern) {
        Pattern p = globToRegex(pattern);
        return names.stream().filter(n -> p.matcher(n).matches()).toList();
    }

    static Pattern globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (int i = glob.indexOf('*'); i >= 0; i = glob.indexOf('*', from)) {
            b.append(Pattern.quote(glob.substring(from, i))).append(".*");
            from = i + 1;
        }
        return Pattern.compile(b.append(Pattern.quote(glob.substring(from))).toString());
    }

    @Override
    public Void visitOr(Condition.Or n) {
        n.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    public Void visitAnd(Condition.And n) {
        n.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    public Void visitNot(Condition.Not n) {
        return n.operand().accept(this);
    }

    @Override
    public Void visitRef(Condition.Ref n) {
        if (detection.identifiers().containsKey(n.name())) {
            used.add(n.name());
        } else {
            String hint = detection.identifiers().keySet().stream()
                    .min(Comparator.comparingInt(k -> distance(k, n.name())))
                    .filter(k -> distance(k, n.name()) <= Math.max(2, n.name().length() / 3))
                    .map(k -> "did you mean '" + k + "'?").orElse(known());
            diags.report(Code.UNKNOWN_IDENTIFIER, n.span(), "unknown search identifier '" + n.name() + "'", hint);
        }
        return null;
    }

    @Override
    public Void visitOfPattern(Condition.OfPattern n) {
        List<String> hits = matching(detection.identifiers().keySet(), n.pattern());
        if (hits.isEmpty()) {
            diags.report(Code.PATTERN_MATCHES_NOTHING, n.span(), "'" + n.pattern() + "' matches no search identifier",
                    known());
        }
        used.addAll(hits);
        return null;
    }

    @Override
    public Void visitOfThem(Condition.OfThem n) {
        detection.identifiers().keySet().stream().filter(k -> !k.startsWith("_")).forEach(used::add);
        return null;
    }

    private String known() {
        return detection.identifiers().isEmpty() ? "" : "identifiers here: "
                + String.join(", ", detection.identifiers().keySet());
    }

    private static int distance(String a, String b) {
        return io.detc.value.DidYouMean.distance(a, b);
    }
}
