package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.testing.GoldenNamer;
import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/**
 * Every hostile string of testdata/strings/nasty.txt through every form KqlEscaper writes: Microsoft's parser
 * accepts {@code print x = <literal>} and decodes the literal to exactly the input, as does our own decoder of the
 * documented escapes; names and dynamic keys parse; the regex quoting matches exactly the input.
 */
class KqlEscaperTest {
    private final KqlEscaper e = KqlEscaper.INSTANCE;

    @Test
    void literalsParseAndDecodeToTheInput_byMicrosoftsParserAndOurs() {
        List<String> nasty = KqlLiterals.nasty();
        Map<String, String> queries = KqlCheck.ordered();
        for (int i = 0; i < nasty.size(); i++) {
            String s = nasty.get(i);
            String lit = e.literal(s);
            assertEquals(s, KqlLiterals.decode(lit), lit);
            assertFalse(lit.contains("\n") || lit.contains("\r"), lit);
            queries.put("literal " + i, "print x = " + lit);
            if (!s.isEmpty()) {
                queries.put("name " + i, "print " + e.identifier(s) + " = 1");
                queries.put("key " + i, "print x = tostring(" + e.property("dynamic({})", s) + ")");
            }
        }
        List<KqlCheck.Result> results = KqlCheck.run(queries, null, true);
        List<String> keys = new ArrayList<>(queries.keySet());
        for (int i = 0; i < results.size(); i++) {
            KqlCheck.Result r = results.get(i);
            assertTrue(r.ok(), r.id() + ": " + queries.get(keys.get(i)) + " " + r.errors());
            if (r.id().startsWith("literal ")) {
                String s = nasty.get(Integer.parseInt(r.id().substring("literal ".length())));
                assertEquals(List.of(s), r.literals(), queries.get(r.id()));
            }
        }
    }

    @Test
    void regexQuotingMatchesExactlyTheInput() {
        for (String s : KqlLiterals.nasty()) {
            com.google.re2j.Pattern p = com.google.re2j.Pattern.compile("(?s)^" + KqlLeaves.quoteRegex(s) + "$");
            assertTrue(p.matcher(s).matches(), s);
            assertFalse(p.matcher(s + "x").matches(), s);
            if (!s.isEmpty()) {
                String glob = KqlLeaves.glob(new Text(List.of(new Text.Literal(s), Text.Wildcard.ANY_CHAR)));
                assertTrue(com.google.re2j.Pattern.compile("(?s)^" + glob + "$").matcher(s + "\n").matches(), glob);
            }
        }
    }

    @Test
    void plainNamesStayBare_keywordsAndOthersAreBracketed() {
        assertEquals("OriginalTarget", e.identifier("OriginalTarget"));
        assertEquals("['where']", e.identifier("where"));
        assertEquals("['actor.alternateId']", e.identifier("actor.alternateId"));
        assertEquals("['it\\'s']", e.identifier("it's"));
        assertEquals("DeviceDetail.deviceId", e.property("DeviceDetail", "deviceId"));
        assertEquals("x['a b']", e.property("x", "a b"));
        assertEquals("x['by']", e.property("x", "by"));
        assertEquals("@\"C:\\Windows\"", e.literal("C:\\Windows"));
        assertEquals("\"line\\nbreak\"", e.literal("line\nbreak"));
        assertEquals("\"rtl \\u202eevil\"", e.literal("rtl \u202eevil"));
        assertEquals("\"say \\\"hi\\\"\"", e.literal("say \"hi\""));
    }

    @Test
    void everyNastyStringIsApprovedInEveryForm() {
        StringBuilder b = new StringBuilder();
        for (String s : KqlLiterals.nasty()) {
            b.append("input:    ").append(show(s)).append('\n');
            b.append("literal:  ").append(e.literal(s)).append('\n');
            if (!s.isEmpty()) {
                b.append("name:     ").append(e.identifier(s)).append('\n');
                b.append("key:      ").append(e.property("d", s)).append('\n');
                b.append("regex:    ").append(e.regex("^" + KqlLeaves.quoteRegex(s) + "$")).append('\n');
            }
            b.append('\n');
        }
        Approvals.verify(b.toString(), new Options().forFile().withNamer(GoldenNamer.of("golden/kql", "escaper"))
                .forFile().withExtension(".txt"));
    }

    /** The input with invisible characters shown as \\uXXXX, so the golden file is readable and stable. */
    private static String show(String s) {
        StringBuilder b = new StringBuilder("<");
        s.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('>').toString();
    }
}
