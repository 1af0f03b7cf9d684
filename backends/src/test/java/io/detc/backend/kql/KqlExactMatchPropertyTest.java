package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.detc.source.Span;
import io.detc.value.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Property: a random string compiled as an exact match ({@code field: value}, the value as a literal Text so a
 * {@code *} is a literal star) gives a query whose string literal decodes to exactly that string, by our decoder
 * and by Microsoft's parser. Seeded, so a failure repeats; a failing string is shrunk by halving before it is
 * reported.
 */
class KqlExactMatchPropertyTest {
    private static final long SEED = 0x5eed_4b51L;
    private static final int CASES = 400;
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "EventOriginalType (?:=~|==) (.*)$");

    /** Characters the generator draws from, weighted to the ones escapers get wrong. */
    private static final int[] HOSTILE = {'"', '\'', '\\', '*', '?', '\n', '\r', '\t', 0, 7, 0x1b, 0x7f, 0x85, '|',
        ';', '@', '{', '}', '[', ']', '(', ')', '$', '^', '.', '`', '%', 0x202e, 0x200b, 0xfeff, 0x2028, 0x2029, 'é',
        '漢', 0x1f600, 0x10ffff, 0xe000, ' '};

    @Test
    void exactMatchLiteralsDecodeToTheInput() {
        Random r = new Random(SEED);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            inputs.add(randomString(r));
        }
        // Our decoder, with shrinking.
        for (String s : inputs) {
            if (!roundTrips(s)) {
                fail("exact match does not round-trip; smallest failing input: " + show(shrink(s,
                        KqlExactMatchPropertyTest::roundTrips)));
            }
        }
        // Microsoft's parser, in one batch.
        Map<String, String> queries = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            queries.put(Integer.toString(i), query(inputs.get(i), i % 2 == 0));
        }
        List<KqlCheck.Result> results = KqlCheck.run(queries, new KqlBackend().schema(), true);
        for (KqlCheck.Result res : results) {
            String s = inputs.get(Integer.parseInt(res.id()));
            if (!res.ok() || !res.literals().contains(s)) {
                fail("Kusto.Language disagrees on " + show(s) + ": " + res.errors() + " literals " + res.literals()
                        + "\n" + queries.get(res.id()));
            }
        }
    }

    private static boolean roundTrips(String s) {
        for (boolean cased : new boolean[] {false, true}) {
            String q = query(s, cased);
            Optional<String> lit = q.lines().map(LITERAL::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst();
            if (lit.isEmpty() || !s.equals(KqlLiterals.decode(lit.get()))) {
                return false;
            }
        }
        return true;
    }

    /** The query for {@code eventType: s} (or {@code eventType|cased: s}) on OktaV2_CL. */
    static String query(String s, boolean cased) {
        io.detc.ir.Predicate p = new io.detc.ir.Predicate.FieldMatch("EventOriginalType",
                new io.detc.ir.Matcher.StringMatch(Text.literal(s), cased), Span.NONE);
        KqlContext ctx = new KqlContext();
        List<String> lines = KqlRuleQuery.lines(ctx, "OktaV2_CL", SentinelSchema.shipped().table("OktaV2_CL"), p);
        assertEquals(List.of(), ctx.diagnostics().stream().filter(io.detc.diag.Diagnostic::isError).toList());
        return KqlRuleQuery.withHelpers(ctx, lines);
    }

    private static String randomString(Random r) {
        int len = r.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int kind = r.nextInt(4);
            int cp = switch (kind) {
                case 0 -> HOSTILE[r.nextInt(HOSTILE.length)];
                case 1 -> 0x20 + r.nextInt(0x5f);
                case 2 -> r.nextInt(0x800);
                default -> {
                    int x;
                    do {
                        x = r.nextInt(0x110000);
                    } while (x >= 0xd800 && x <= 0xdfff); // code points only: rule text is valid UTF-8
                    yield x;
                }
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /** Halves the failing input while the failure persists (keeping code points whole). */
    static String shrink(String s, Predicate<String> passes) {
        String current = s;
        boolean progress = true;
        while (progress && current.codePointCount(0, current.length()) > 1) {
            progress = false;
            int n = current.codePointCount(0, current.length());
            int mid = current.offsetByCodePoints(0, n / 2);
            for (String half : List.of(current.substring(0, mid), current.substring(mid))) {
                if (!passes.test(half)) {
                    current = half;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7e ? String.format("\\u{%x}", cp)
                : String.valueOf((char) cp)));
        return b.append('"').toString();
    }
}
