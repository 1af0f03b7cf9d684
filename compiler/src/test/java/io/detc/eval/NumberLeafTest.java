package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.detc.ir.Matcher.CompareOp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The long and double fast paths of {@link NumberLeaf} give the same answers as plain BigDecimal comparison. */
class NumberLeafTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final String[] RULES = {"0", "10", "-3", "1.5", "0.1", "0.30000000000000004", "1e3", "1E-7",
        "9007199254740993", "123456789012345678901234567890", "-0.0", "2.50", "99999999999999999.5"};

    @Test
    void fastPathsAgreeWithBigDecimal() {
        Random r = new Random(1);
        for (String rule : RULES) {
            BigDecimal value = new BigDecimal(rule);
            for (CompareOp op : CompareOp.values()) {
                NumberLeaf leaf = new NumberLeaf(op, value, rule);
                for (int n = 0; n < 3000; n++) {
                    JsonNode v = randomNode(r, value);
                    BigDecimal reference = reference(v);
                    boolean expected = reference != null && accepts(op, reference.compareTo(value))
                            || (op == CompareOp.EQ && v.isTextual() && v.textValue().equalsIgnoreCase(rule));
                    assertEquals(expected, leaf.test(v), () -> rule + " " + op + " " + v);
                }
            }
        }
    }

    private static JsonNode randomNode(Random r, BigDecimal near) {
        return switch (r.nextInt(7)) {
            case 0 -> NODES.numberNode(near.longValue() + r.nextInt(5) - 2);
            case 1 -> NODES.numberNode(near.doubleValue() + (r.nextInt(5) - 2) * Math.ulp(near.doubleValue()));
            case 2 -> NODES.numberNode(r.nextLong());
            case 3 -> NODES.numberNode(near.add(BigDecimal.valueOf(r.nextInt(3) - 1, r.nextInt(30))));
            case 4 -> NODES.numberNode(near.toBigInteger().add(BigInteger.valueOf(r.nextInt(3) - 1)));
            case 5 -> NODES.textNode(near.add(BigDecimal.valueOf(r.nextInt(3) - 1, r.nextInt(20))).toString());
            default -> NODES.textNode(new String[] {"", "-", "1.", ".5", "+1", " 1", "1e", "0x10", "NaN", "1e+2",
                "0010", "-0", "12345678901234567890", "1E400000000000"}[r.nextInt(14)]);
        };
    }

    /** The documented meaning, computed the slow way. */
    private static BigDecimal reference(JsonNode v) {
        if (v.isIntegralNumber() || v.isBigDecimal()) {
            return v.decimalValue();
        }
        if (v.isDouble()) {
            return Double.isFinite(v.doubleValue()) ? BigDecimal.valueOf(v.doubleValue()) : null;
        }
        if (v.isTextual() && NUMBER.matcher(v.textValue()).matches()) {
            try {
                return new BigDecimal(v.textValue());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean accepts(CompareOp op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
        };
    }
}
