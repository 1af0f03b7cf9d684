package io.detc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModifierTest {
    @Test
    void knowsEverySpecModifier_andPySigmaAliases() {
        List<String> spec = List.of("contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash",
                "re", "i", "m", "s", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide", "lt", "lte",
                "gt", "gte", "minute", "hour", "day", "week", "month", "year", "cidr", "expand", "fieldref",
                "ignorecase", "multiline", "dotall");
        for (String name : spec) {
            assertEquals(name, Modifier.lookup(name).orElseThrow().spelling());
        }
        assertEquals(spec.size(), Modifier.values().length);
    }

    @Test
    void aliasesHaveACanonicalModifier() {
        assertEquals(Modifier.I, Modifier.IGNORECASE.canonical());
        assertEquals(Modifier.M, Modifier.MULTILINE.canonical());
        assertEquals(Modifier.S, Modifier.DOTALL.canonical());
        assertEquals(Modifier.UTF16LE, Modifier.WIDE.canonical());
        assertEquals(Modifier.CONTAINS, Modifier.CONTAINS.canonical());
    }

    @Test
    void lookupIsCaseSensitive_likePySigma() {
        assertTrue(Modifier.lookup("Contains").isEmpty());
        assertEquals(Optional.of("contains"), Modifier.suggest("Contains"));
    }

    @Test
    void suggestsTheClosestName() {
        assertEquals(Optional.of("contains"), Modifier.suggest("contain"));
        assertEquals(Optional.of("contains"), Modifier.suggest("contians"));
        assertEquals(Optional.of("startswith"), Modifier.suggest("startwith"));
        assertEquals(Optional.of("endswith"), Modifier.suggest("endwith"));
        assertEquals(Optional.of("base64offset"), Modifier.suggest("base64offst"));
        assertEquals(Optional.of("windash"), Modifier.suggest("windsh"));
        assertEquals(Optional.of("cidr"), Modifier.suggest("cdir"));
        assertEquals(Optional.empty(), Modifier.suggest("completelydifferent"));
    }

    @Test
    void levenshteinDistance() {
        assertEquals(0, DidYouMean.distance("abc", "abc"));
        assertEquals(3, DidYouMean.distance("", "abc"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(1, DidYouMean.distance("cdir", "cidr"));
        assertEquals(3, DidYouMean.distance("ca", "abc")); // optimal string alignment, not full Damerau
    }
}
