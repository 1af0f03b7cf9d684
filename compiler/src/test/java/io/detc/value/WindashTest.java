package io.detc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindashTest {
    private static List<String> variants(String sigma) {
        return Windash.variants(SigmaString.parse(sigma)).orElseThrow().stream().map(Text::toSigma).toList();
    }

    @Test
    void variesEachDash_overTheFiveSpecCharacters() {
        assertEquals(List.of(" -f", " /f", " \u2013f", " \u2014f", " \u2015f"), variants(" -f"));
    }

    @Test
    void startsWithTheValueAsWritten() {
        assertEquals(" /c ", variants(" /c ").get(0));
        assertEquals("\u2014x", variants("\u2014x").get(0));
    }

    @Test
    void producesFiveToTheNVariants_allDistinct() {
        assertEquals(1, variants("no dashes").size());
        assertEquals(25, variants(" -s -i cmd").size());
        List<String> sid = variants("S-1-16-16384");
        assertEquals(125, sid.size());
        assertEquals(125, new HashSet<>(sid).size());
        assertEquals(625, Windash.count(SigmaString.parse("-a-b-c-d")));
    }

    @Test
    void keepsWildcards() {
        assertEquals(List.of("*-e *", "*/e *", "*\u2013e *", "*\u2014e *", "*\u2015e *"), variants("*-e *"));
    }

    @Test
    void refusesMoreThanTheLimit() {
        assertEquals(3125, variants("-----").size());
        assertEquals(15625, Windash.count(SigmaString.parse("------")));
        assertTrue(Windash.variants(SigmaString.parse("------")).isEmpty());
        assertEquals(Long.MAX_VALUE, Windash.count(SigmaString.parse("-".repeat(40))));
    }
}
