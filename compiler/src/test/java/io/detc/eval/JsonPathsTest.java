package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values and presence of a path: arrays crossed and flattened, flat dotted keys, null and empty arrays. */
class JsonPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        // path | event | values | present
        "a | {'a':1} | [1] | true",
        "a | {'a':null} | [null] | true",
        "a | {'a':[]} | [] | true",
        "a | {} | [] | false",
        "a | {'a':[1,[2,[3]]]} | [1,2,3] | true",
        "a.b | {'a':[{'b':1},{'c':2},[{'b':3}],5]} | [1,3] | true",
        "a.b | {'a':[{'c':2}]} | [] | false",
        "a.b | {'a':'x'} | [] | false",
        "a.b | {'a':null} | [] | false",
        "a.b | {'a.b':7} | [7] | true",
        "a.b.c | {'a':{'b.c':7}} | [7] | true",
        "a.b.c | {'a':[{'b.c':7},{'b':{'c':8}}]} | [7,8] | true",
        "a.b | {'a':{'x':1},'a.b':7} | [] | false",
        "a.b | {'a.b':null} | [null] | true",
        "a.b | {'a':{'b':{'c':1}}} | [{'c':1}] | true",
        "'' | {'':1} | [1] | true",
        "a..b | {'a':{'':{'b':1}}} | [1] | true",
        "a | [{'a':1},{'a':2}] | [1,2] | true",
    })
    void valuesAndPresence(String path, String event, String values, boolean present) throws JsonProcessingException {
        JsonPaths.Path p = JsonPaths.compile(path);
        JsonNode e = json(event);
        assertEquals(json(values), JSON.valueToTree(p.values(e)));
        assertEquals(present, p.present(e));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a.b.c", "a", "x.y"})
    void textIsThePathAsWritten(String path) {
        assertEquals(path, JsonPaths.compile(path).text());
    }

    private static JsonNode json(String singleQuoted) throws JsonProcessingException {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
