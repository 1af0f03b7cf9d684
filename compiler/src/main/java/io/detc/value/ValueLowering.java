package io.detc.value;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.diag.Severity;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.ir.Predicates;
import io.detc.yaml.YamlNode;
import io.detc.yaml.YamlNode.ScalarType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Lowers one value of a detection item under its checked {@link ModifierChain}: picks the value's meaning (existence,
 * regex, network, comparison, time part, field reference, null, boolean, number or string) and reports values of
 * the wrong type at the value's own span. String values go through {@link StringChain}.
 */
final class ValueLowering {
    private final Optional<String> field;
    private final ModifierChain chain;
    private final Diagnostics diags;

    /** {@code field} is empty for keywords. */
    ValueLowering(Optional<String> field, ModifierChain chain, Diagnostics diags) {
        this.field = field;
        this.chain = chain;
        this.diags = diags;
    }

    /** The predicate for {@code v}, or empty when an error was reported. */
    Optional<Predicate> lower(YamlNode.Scalar v) {
        if (chain.has(Modifier.EXISTS)) {
            return exists(v);
        }
        if (v.type() == ScalarType.NULL) {
            return nullValue(v);
        }
        if (chain.has(Modifier.RE)) {
            return regex(v);
        }
        if (chain.has(Modifier.CIDR)) {
            return cidr(v);
        }
        if (chain.hasKind(Modifier.Kind.TIME)) {
            return timePart(v);
        }
        if (chain.hasKind(Modifier.Kind.COMPARISON)) {
            return number(v, compareOp()).map(m -> leaf(m, v));
        }
        if (chain.has(Modifier.FIELDREF)) {
            return fieldRef(v);
        }
        if (v.type() == ScalarType.BOOL) {
            if (chain.wantsString() || field.isEmpty()) {
                return typeError(v, "a string");
            }
            return Optional.of(leaf(new Matcher.BoolEquals(bool(v)), v));
        }
        boolean isNumber = v.type() == ScalarType.INT || v.type() == ScalarType.FLOAT;
        if (isNumber && !chain.wantsString() && field.isPresent()) {
            return number(v, Matcher.CompareOp.EQ).map(m -> leaf(m, v));
        }
        // Strings, and numbers under string modifiers or as keywords: pySigma reads a number as its literal text.
        Text text = isNumber ? Text.literal(v.value()) : SigmaString.parse(v.value());
        return new StringChain(chain, diags, field.isEmpty()).lower(text, v).map(ms -> Predicates.or(ms.stream()
                .map(m -> leaf(m, v)).toList()));
    }

    private Optional<Predicate> exists(YamlNode.Scalar v) {
        if (v.type() != ScalarType.BOOL) {
            diags.report(Code.EXISTS_NOT_BOOLEAN, v.span(), "'exists' takes true or false, found "
                    + YamlNode.kind(v) + " '" + v.value() + "'");
            return Optional.empty();
        }
        Predicate p = new Predicate.Exists(field.orElseThrow(), v.span());
        return Optional.of(bool(v) ? p : Predicates.not(p));
    }

    private Optional<Predicate> nullValue(YamlNode.Scalar v) {
        // spec "Special Field Values": null is its own type; only list linking and negation apply to it
        Optional<Modifier> other = chain.modifiers().stream()
                .filter(m -> m != Modifier.ALL && m != Modifier.NEQ).findFirst();
        if (field.isEmpty()) {
            return typeError(v, "a string");
        }
        if (other.isPresent()) {
            diags.report(Code.VALUE_TYPE, v.span(), "null cannot be used with '" + other.get().spelling() + "'");
            return Optional.empty();
        }
        return Optional.of(leaf(new Matcher.IsNull(), v));
    }

    private Optional<Predicate> regex(YamlNode.Scalar v) {
        if (v.type() == ScalarType.BOOL) {
            return typeError(v, "a regular expression string");
        }
        // pySigma's re takes the value as written (SigmaRegularExpression(val.original)): no Sigma unescaping.
        String pattern = v.value();
        boolean failed = false;
        for (RegexCheck.Finding f : RegexCheck.check(pattern, chain.regexFlags())) {
            diags.report(f.code(), v.locator().span(f.from(), f.to()), f.message());
            failed |= f.code().severity() == Severity.ERROR;
        }
        return failed ? Optional.empty() : Optional.of(leaf(new Matcher.RegexMatch(pattern, chain.regexFlags()), v));
    }

    private Optional<Predicate> cidr(YamlNode.Scalar v) {
        if (!v.isString()) {
            diags.report(Code.INVALID_CIDR, v.span(), "'cidr' takes a network such as 10.0.0.0/8 or fc00::/7, found "
                    + YamlNode.kind(v));
            return Optional.empty();
        }
        Optional<IpAddresses.Problem> problem = Cidrs.check(v.value());
        if (problem.isPresent()) {
            IpAddresses.Problem p = problem.get();
            diags.report(Code.INVALID_CIDR, v.locator().span(p.from(), Math.max(p.to(), p.from() + 1)),
                    "invalid network '" + v.value() + "': " + p.message());
            return Optional.empty();
        }
        return Optional.of(leaf(new Matcher.CidrMatch(Cidrs.parse(v.value()).orElseThrow()), v));
    }

    private Optional<Predicate> timePart(YamlNode.Scalar v) {
        Modifier unit = chain.first(Modifier.Kind.TIME).orElseThrow();
        Optional<BigDecimal> n = v.type() == ScalarType.INT ? YamlNumbers.parse(v.value()) : Optional.empty();
        if (n.isEmpty()) {
            return typeError(v, "a whole number");
        }
        // sigma-appendix-modifiers.md "Time Modifiers" ranges; week allows 53 because ISO 8601 years can have 53.
        int[] range = switch (unit) {
            case MINUTE -> new int[] {0, 59};
            case HOUR -> new int[] {0, 23};
            case DAY -> new int[] {1, 31};
            case WEEK -> new int[] {1, 53};
            case MONTH -> new int[] {1, 12};
            default -> new int[] {0, 9999};
        };
        BigDecimal value = n.get();
        if (value.compareTo(BigDecimal.valueOf(range[0])) < 0 || value.compareTo(BigDecimal.valueOf(range[1])) > 0) {
            diags.report(Code.VALUE_TYPE, v.span(), "'" + unit.spelling() + "' takes a number from " + range[0]
                    + " to " + range[1] + ", found " + v.value());
            return Optional.empty();
        }
        Matcher.TimeUnit tu = Matcher.TimeUnit.valueOf(unit.name());
        return Optional.of(leaf(new Matcher.TimePart(tu, compareOp(), value.intValueExact()), v));
    }

    private Optional<Matcher> number(YamlNode.Scalar v, Matcher.CompareOp op) {
        Optional<BigDecimal> n = v.type() == ScalarType.INT || v.type() == ScalarType.FLOAT
                ? YamlNumbers.parse(v.value()) : Optional.empty();
        if (n.isEmpty() && (v.type() == ScalarType.INT || v.type() == ScalarType.FLOAT)) {
            diags.report(Code.VALUE_TYPE, v.span(), "'" + v.value() + "' is not a finite number");
            return Optional.empty();
        }
        if (n.isEmpty()) {
            String hint = v.isString() && YamlNumbers.parse(v.value()).isPresent()
                    ? "write the number without quotes" : "";
            diags.report(Code.VALUE_TYPE, v.span(), "'" + op.name().toLowerCase(Locale.ROOT)
                    + "' compares numbers; found " + YamlNode.kind(v) + " '" + v.value() + "'", hint);
            return Optional.empty();
        }
        return Optional.of(new Matcher.NumberCompare(op, n.get(), v.value()));
    }

    private Optional<Predicate> fieldRef(YamlNode.Scalar v) {
        if (!v.isString()) {
            return typeError(v, "a field name");
        }
        Text name = SigmaString.parse(v.value());
        if (name.hasWildcards() || name.isEmpty()) {
            diags.report(Code.VALUE_TYPE, v.span(), "'fieldref' takes a field name without wildcards, found '"
                    + v.value() + "'");
            return Optional.empty();
        }
        Matcher.RefOp op = chain.has(Modifier.CONTAINS) ? Matcher.RefOp.CONTAINS
                : chain.has(Modifier.STARTSWITH) ? Matcher.RefOp.STARTS_WITH
                : chain.has(Modifier.ENDSWITH) ? Matcher.RefOp.ENDS_WITH : Matcher.RefOp.EQUALS;
        return Optional.of(leaf(new Matcher.FieldRef(name.plain(), op, chain.has(Modifier.CASED)), v));
    }

    private Matcher.CompareOp compareOp() {
        return chain.first(Modifier.Kind.COMPARISON)
                .map(m -> Matcher.CompareOp.valueOf(m.name()))
                .orElse(Matcher.CompareOp.EQ);
    }

    private Optional<Predicate> typeError(YamlNode.Scalar v, String expected) {
        Optional<Modifier> typed = chain.modifiers().stream()
                .filter(m -> m.kind() != Modifier.Kind.LINKING && m.kind() != Modifier.Kind.NEGATION).findFirst();
        String what = typed.map(m -> "'" + m.spelling() + "'").orElse(field.isEmpty() ? "a keyword" : "this value");
        diags.report(Code.VALUE_TYPE, v.span(), what + " needs " + expected + ", found " + YamlNode.kind(v)
                + " '" + v.value() + "'");
        return Optional.empty();
    }

    private Predicate leaf(Matcher m, YamlNode.Scalar v) {
        return field.<Predicate>map(f -> new Predicate.FieldMatch(f, m, v.span()))
                .orElseGet(() -> new Predicate.Keyword(m, v.span()));
    }

    private static boolean bool(YamlNode.Scalar v) {
        return v.value().strip().equalsIgnoreCase("true");
    }
}
