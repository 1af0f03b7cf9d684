package io.detc.ir;

import io.detc.value.Cidr;
import io.detc.value.Text;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What a single field value must satisfy: the leaf of the IR. Every modifier of the spec lowers into one of these
 * (transformation modifiers such as base64 or windash into several, joined by {@link Predicate.Or}).
 */
public sealed interface Matcher {
    /** A string pattern; {@code contains}/{@code startswith}/{@code endswith} are folded in as wildcards. */
    record StringMatch(Text pattern, boolean cased) implements Matcher {
    }

    /** A regular expression (spec subset, run by RE2) with the {@code i}/{@code m}/{@code s} flags. Unanchored. */
    record RegexMatch(String pattern, Set<RegexFlag> flags) implements Matcher {
        public RegexMatch {
            flags = Set.copyOf(flags);
        }
    }

    /** The value is an IP address inside the network (IPv4 or IPv6). */
    record CidrMatch(Cidr network) implements Matcher {
    }

    /**
     * A numeric comparison. {@code literal} is the number as written in the rule, kept so equality can also match
     * the same text in a string field.
     */
    record NumberCompare(CompareOp op, BigDecimal value, String literal) implements Matcher {
    }

    /** The value is this boolean. */
    record BoolEquals(boolean value) implements Matcher {
    }

    /** The field is null or missing (spec: {@code field: null}; every backend renders it as "no value"). */
    record IsNull() implements Matcher {
    }

    /** The value equals (or starts with, ends with, contains) the value of another field of the same event. */
    record FieldRef(String otherField, RefOp op, boolean cased) implements Matcher {
    }

    /** A part of a date value (spec 2.1 time modifiers) compared as a number, in the timestamp's own offset. */
    record TimePart(TimeUnit unit, CompareOp op, int value) implements Matcher {
    }

    /** An unresolved {@code %name%} placeholder ({@code expand}); only a pipeline can give it a meaning. */
    record Placeholder(String name, Text template) implements Matcher {
    }

    /** Regex flags of the {@code re} sub-modifiers. */
    enum RegexFlag { IGNORE_CASE, MULTILINE, DOTALL }

    /** Comparison operators; {@code EQ} is plain equality. */
    enum CompareOp { EQ, LT, LTE, GT, GTE }

    /** How a {@code fieldref} compares with the other field. */
    enum RefOp { EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS }

    /** Spec 2.1 time modifiers. */
    enum TimeUnit { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }
}
