package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import io.detc.value.SigmaString;
import io.detc.value.Text;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the conformance files cannot show: field mappings, placeholders, and the IR built by hand. */
class EvaluatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A pipeline-like mapping: User lives in two places, Gone nowhere, everything else as written. */
    private static final FieldPaths MAPPED = f -> Map.of("User", List.of("actor.name", "actor.login"),
            "Gone", List.<String>of(), "Targets", List.of("target")).getOrDefault(f, List.of(f));

    @Test
    void severalPathsAreAlternatives() throws JsonProcessingException {
        CompiledRule r = Evaluator.compile(match("User", eq("bob")), MAPPED);
        assertTrue(r.matches(json("{'actor':{'name':'BOB'}}")));
        assertTrue(r.matches(json("{'actor':{'name':'alice','login':'bob'}}")));
        assertFalse(r.matches(json("{'User':'bob'}")), "the rule name is not a native path once mapped");
    }

    @Test
    void nullAndExistsOverSeveralPaths() throws JsonProcessingException {
        CompiledRule isNull = Evaluator.compile(match("User", new Matcher.IsNull()), MAPPED);
        CompiledRule exists = Evaluator.compile(new Predicate.Exists("User", Span.NONE), MAPPED);
        assertTrue(isNull.matches(json("{'actor':{'name':null}}")));
        assertFalse(isNull.matches(json("{'actor':{'name':null,'login':'x'}}")), "null only when no path has a value");
        assertTrue(exists.matches(json("{'actor':{'login':null}}")));
        assertFalse(exists.matches(json("{'actor':{}}")));
    }

    @Test
    void aFieldMappedToNothingIsNeverPresent() throws JsonProcessingException {
        JsonNode e = json("{'Gone':'x'}");
        assertFalse(Evaluator.compile(match("Gone", eq("x")), MAPPED).matches(e));
        assertTrue(Evaluator.compile(match("Gone", new Matcher.IsNull()), MAPPED).matches(e));
        assertFalse(Evaluator.compile(new Predicate.Exists("Gone", Span.NONE), MAPPED).matches(e));
    }

    @Test
    void elementMapsItsFieldButNotTheNamesInside() throws JsonProcessingException {
        Predicate inner = new Predicate.And(List.of(match("type", eq("AppInstance")), match("User", eq("x"))));
        CompiledRule r = Evaluator.compile(new Predicate.Element("Targets", inner, Span.NONE), MAPPED);
        assertTrue(r.matches(json("{'target':[{'type':'AppInstance','User':'x'}]}")));
        assertFalse(r.matches(json("{'target':[{'type':'AppInstance','actor':{'name':'x'}}]}")));
    }

    @Test
    void fieldrefResolvesBothFields() throws JsonProcessingException {
        CompiledRule r = Evaluator.compile(match("User", new Matcher.FieldRef("Owner",
                Matcher.RefOp.EQUALS, false)), MAPPED);
        assertTrue(r.matches(json("{'actor':{'login':'Bob'},'Owner':['x','bob']}")));
        assertFalse(r.matches(json("{'actor':{'login':'Bob'},'Owner':{'name':'bob'}}")), "objects have no text");
    }

    @Test
    void placeholdersAreReportedAndNeverSilentlyFalse() throws JsonProcessingException {
        Matcher.Placeholder ph = new Matcher.Placeholder("dcs", Text.literal("%dcs%"));
        Predicate p = new Predicate.Or(List.of(match("Host", ph), new Predicate.Keyword(ph, Span.NONE),
                new Predicate.Element("E", match("x", ph), Span.NONE)));
        List<String> messages = Evaluator.unsupported(p);
        assertEquals(3, messages.size());
        assertTrue(messages.get(0).contains("%dcs%") && messages.get(0).contains("field Host"), messages.get(0));
        assertTrue(messages.get(1).contains("keyword"), messages.get(1));
        CompiledRule r = Evaluator.compile(p);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.matches(json("{'Host':'dc1'}")));
        assertTrue(e.getMessage().contains("%dcs%"), e.getMessage());
        assertEquals(List.of(), Evaluator.unsupported(match("Host", eq("x"))));
    }

    @Test
    void constantsAndTheSourceAreKept() throws JsonProcessingException {
        Predicate p = new Predicate.Not(new Predicate.Const(false));
        CompiledRule r = Evaluator.compile(p);
        assertTrue(r.matches(json("{}")));
        assertEquals(p, r.source());
    }

    @Test
    void keywordsLookOnlyAtStrings() throws JsonProcessingException {
        CompiledRule r = Evaluator.compile(new Predicate.Keyword(eq("*1*"), Span.NONE));
        assertFalse(r.matches(json("{'a':1,'b':[true,null,{'c':1.5}]}")));
        assertTrue(r.matches(json("{'a':1,'b':[true,null,{'c':'x1'}]}")));
    }

    static Predicate match(String field, Matcher m) {
        return new Predicate.FieldMatch(field, m, Span.NONE);
    }

    static Matcher eq(String sigma) {
        return new Matcher.StringMatch(SigmaString.parse(sigma), false);
    }

    static JsonNode json(String singleQuoted) throws JsonProcessingException {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
