package io.detc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.ir.Matcher.CompareOp;
import io.detc.ir.Matcher.TimeUnit;

/**
 * A part of a timestamp string compared with a number ({@code |hour|lt: 6}), read in the timestamp's own offset by
 * {@link Timestamps}. Values that are not timestamp strings (numbers such as epoch seconds included) never match.
 */
record TimeLeaf(TimeUnit unit, CompareOp op, int value) implements Leaf {
    @Override
    public boolean test(JsonNode v) {
        if (!v.isTextual()) {
            return false;
        }
        int part = Timestamps.part(v.textValue(), unit);
        if (part == Timestamps.NONE) {
            return false;
        }
        return switch (op) {
            case EQ -> part == value;
            case LT -> part < value;
            case LTE -> part <= value;
            case GT -> part > value;
            case GTE -> part >= value;
        };
    }
}
