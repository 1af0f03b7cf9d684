package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.testing.GoldenNamer;
import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hostile string through every form SplEscaper writes: well-formed, and decoding gives the input back. */
class SplEscaperTest {
    private final SplEscaper e = SplEscaper.INSTANCE;

    static Stream<String> nasty() {
        return SplFixtures.nasty().stream();
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void literalHoldsExactlyTheInput_orIsRefused(String s) {
        if (e.quotable(s)) {
            String lit = e.literal(s);
            assertEquals(List.of(), SplLexicalCheck.problems("x=" + lit + " | where y=" + lit));
            assertEquals(s, SplDecode.string(lit));
        } else {
            assertThrows(IllegalArgumentException.class, () -> e.literal(s));
        }
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void regexMatchesExactlyTheInput(String s) {
        String lit = e.regex("(?s)\\A" + SplEscaper.quoteRegex(s) + "\\z");
        assertEquals(List.of(), SplLexicalCheck.problems("| where match(x, " + lit + ")"));
        String pcre = SplDecode.string(lit);
        assertEquals(Text.literal(s), SplDecode.glob(pcre).text());
        Pattern jre = Pattern.compile(pcre);
        assertTrue(jre.matcher(s).find(), pcre);
        assertFalse(jre.matcher(s + "x").find(), pcre);
        assertFalse(jre.matcher("x" + s).find(), pcre);
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void exactMatchQueryMeansTheInput(String s) {
        for (boolean cased : new boolean[] {false, true}) {
            String q = SplFixtures.query(Text.literal(s), cased, new SplNotes());
            assertEquals(List.of(), SplLexicalCheck.problems(q), q);
            assertEquals(SplMeaning.expected(Text.literal(s), cased), SplMeaning.of(q), q);
        }
    }

    @Test
    void fieldNamesThatCannotBeWrittenAreRefused() {
        assertEquals("'target{}.type'", e.identifier("target{}.type"));
        assertEquals("eventType", e.identifier("eventType"));
        assertFalse(e.addressable("a'b"));
        assertFalse(e.addressable("a\\b"));
        assertFalse(e.addressable("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> e.identifier("x'y"));
        assertEquals("target{}.type", e.searchField("target{}.type").orElseThrow());
        assertTrue(e.searchField("has space").isEmpty());
        assertTrue(e.searchField("a|b").isEmpty());
        assertTrue(e.searchField("a".repeat(5000) + "!").isEmpty(), "linear time on a long name");
        assertEquals("properties.targetResources{}.modifiedProperties{}.newValue",
                e.searchField("properties.targetResources{}.modifiedProperties{}.newValue").orElseThrow());
    }

    @Test
    void everyFormIsApproved() {
        List<String> lines = new ArrayList<>();
        for (String s : SplFixtures.nasty()) {
            lines.add("input   " + SplMeaning.show(s));
            lines.add("literal " + (e.quotable(s) ? e.literal(s) : "(none: control or format characters)"));
            lines.add("regex   " + e.regex("\\A" + SplEscaper.quoteRegex(s) + "\\z"));
            lines.add("search  " + e.searchValue(Text.literal(s)).orElse("(none)") + "   prefilter "
                    + e.searchPrefilter(Text.literal(s)).orElse("(none)"));
            lines.add("");
        }
        Approvals.verify(String.join("\n", lines), new Options().forFile()
                .withNamer(GoldenNamer.of("golden/spl", "escaper")).forFile().withExtension(".txt"));
    }
}
