package io.detc.backend.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.detc.eval.CompiledRule;
import io.detc.eval.Evaluator;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import io.detc.value.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference helper functions ({@link SqlFunctions}) mean what the evaluator means, checked through the evaluator
 * itself (a one-leaf rule over a one-field event), on the code points case folding changes, hostile texts and seeded
 * random ones. The engines module then holds every dialect's SQL definition equal to these.
 */
class SqlFunctionsTest {
    private static final Random RANDOM = new Random(20261126L);

    private static boolean eval(Matcher m, JsonNode value) {
        CompiledRule r = Evaluator.compile(new Predicate.FieldMatch("x", m, Span.NONE));
        return r.matches(JsonNodeFactory.instance.objectNode().set("x", value));
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    @Test
    void foldIsTheEvaluatorsCaseRule() {
        Set<Integer> sample = new LinkedHashSet<>();
        for (int[] e : SqlFunctions.foldMap()) {
            sample.add(e[0]);
            sample.add(e[1]);
        }
        for (int i = 0; i < 200; i++) {
            sample.add(RANDOM.nextInt(0x30000));
        }
        List<String> failures = new ArrayList<>();
        for (int c : sample) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            String pattern = new String(Character.toChars(c));
            Matcher m = new Matcher.StringMatch(Text.literal(pattern), false);
            Set<Integer> others = new LinkedHashSet<>(List.of(c, SqlFunctions.fold(c), Character.toUpperCase(c),
                    Character.toLowerCase(c), Character.toTitleCase(c), (int) 'k', (int) 's', (int) 'i', 0x212A, 0x17F, 0x130,
                    0x131));
            for (int d : others) {
                boolean want = SqlFunctions.fold(c) == SqlFunctions.fold(d);
                if (eval(m, text(new String(Character.toChars(d)))) != want) {
                    failures.add(Integer.toHexString(c) + " vs " + Integer.toHexString(d));
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals("straße k s i", SqlFunctions.fold("STRAẞE \u212a \u017f \u0130"));
    }

    @Test
    void numkeyOrdersDecimalsAsTheEvaluatorComparesThem() {
        List<String> values = new ArrayList<>(List.of("0", "-0", "0.000", "1", "1.0", "-1", "10", "9.99", "1e1",
                "1E+1", "100e-1", "0.1", "-0.1", "123456789012345678901234567890", "-5e-7", "04624", "4624"));
        for (int i = 0; i < 150; i++) {
            BigDecimal d = new BigDecimal(new BigInteger(RANDOM.nextInt(70) + 1, RANDOM).subtract(
                    BigInteger.ONE.shiftLeft(RANDOM.nextInt(40))), RANDOM.nextInt(30) - 15);
            values.add(RANDOM.nextBoolean() ? d.toPlainString() : d.toString());
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal rule = new BigDecimal(values.get(i));
            for (Matcher.CompareOp op : List.of(Matcher.CompareOp.LT, Matcher.CompareOp.GT, Matcher.CompareOp.EQ)) {
                Matcher m = new Matcher.NumberCompare(op, rule, values.get(i));
                for (int j = Math.max(0, i - 12); j < Math.min(values.size(), i + 12); j++) {
                    String s = values.get(j);
                    int cmp = SqlFunctions.numkey(s).compareTo(SqlFunctions.numkey(rule));
                    boolean want = switch (op) {
                        case LT -> cmp < 0;
                        case GT -> cmp > 0;
                        default -> cmp == 0;
                    };
                    if (eval(m, text(s)) != want) {
                        failures.add(s + " " + op + " " + values.get(i));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        for (String notNumber : List.of("", " 5", "5 ", "+5", ".5", "5.", "1e", "0x10", "1_0", "1e2147483648", "NaN")) {
            assertNull(SqlFunctions.numkey(notNumber), notNumber);
            assertTrue(!eval(new Matcher.NumberCompare(Matcher.CompareOp.GT, BigDecimal.valueOf(-1000000),
                    "-1000000"), text(notNumber)), notNumber);
        }
    }

    @Test
    void timepartIsTheEvaluatorsReading() {
        List<String> stamps = new ArrayList<>(List.of("2021-01-01", "2021-01-01T23:59:59Z", "2024-02-29T10:00+05:30",
                "2023-02-29T10:00:00Z", "2021-01-04 12:30", "2021-01-04T24:00:00Z", "2021-01-04T12:30:60",
                "2021-01-04T12:30:61Z", "2021-01-04T12:30:00+0530", "2021-01-04T12:30:00+05:", "0000-01-01",
                "9999-12-31T23:59:59.999999999-23:59", "20210104T123000Z", "1609459200", "2021-01-04T12:30:00Z "));
        for (int i = 0; i < 200; i++) {
            stamps.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", RANDOM.nextInt(10000), RANDOM.nextInt(14),
                    RANDOM.nextInt(33), RANDOM.nextInt(25), RANDOM.nextInt(61), RANDOM.nextInt(62),
                    RANDOM.nextBoolean() ? "Z" : "-07:00"));
        }
        List<String> failures = new ArrayList<>();
        for (String s : stamps) {
            for (Matcher.TimeUnit u : Matcher.TimeUnit.values()) {
                Integer p = SqlFunctions.timepart(s, u.name().toLowerCase());
                boolean any = eval(new Matcher.TimePart(u, Matcher.CompareOp.GTE, -1), text(s));
                if (p == null ? any : !eval(new Matcher.TimePart(u, Matcher.CompareOp.EQ, p), text(s))
                        || eval(new Matcher.TimePart(u, Matcher.CompareOp.EQ, p + 1), text(s))) {
                    failures.add(s + " " + u + " " + p);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void ipIsTheEvaluatorsAddressReading() {
        io.detc.value.Cidr all4 = io.detc.value.Cidrs.parse("0.0.0.0/0").orElseThrow();
        io.detc.value.Cidr all6 = io.detc.value.Cidrs.parse("::/0").orElseThrow();
        for (String s : List.of("10.1.2.3", "010.1.2.3", "::ffff:10.1.2.3", "1::", "1::2::3", " 1.2.3.4", "fe80::1%1",
                "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "::")) {
            String h = SqlFunctions.ip(s);
            boolean inAny = io.detc.value.Cidrs.contains(all4, s) || io.detc.value.Cidrs.contains(all6, s);
            assertEquals(inAny, h != null, s);
        }
        assertEquals("00000000000000000000ffff0a010203", SqlFunctions.ip("::ffff:10.1.2.3"));
        assertEquals("0a010203", SqlFunctions.ip("10.1.2.3"));
    }
}
