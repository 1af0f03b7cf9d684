package io.detc.value;

import static io.detc.value.TestItems.b;
import static io.detc.value.TestItems.f;
import static io.detc.value.TestItems.i;
import static io.detc.value.TestItems.item;
import static io.detc.value.TestItems.list;
import static io.detc.value.TestItems.nul;
import static io.detc.value.TestItems.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.diag.Diagnostics;
import io.detc.rule.DetectionItem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagnostic the lowering reports, with its exact span ({@code line:column+length}) and message. The result
 * before the first {@code |} is the IR ({@code -} when lowering failed; warnings keep the IR).
 */
class ItemLoweringDiagnosticsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // E304 unknown modifier, with a did-you-mean hint (checked separately below)
                row(item("F|contans", s("x")), "- | E304 1:3+7 unknown modifier 'contans'"),
                row(item("F|utf8", s("x")), "- | E304 1:3+4 unknown modifier 'utf8'"),
                // E305 duplicate, aliases included
                row(item("F|contains|contains", s("x")), "- | E305 1:12+8 modifier 'contains' is already applied"),
                row(item("F|base64|base64", s("x")), "- | E305 1:10+6 modifier 'base64' is already applied"),
                row(item("F|wide|utf16le", s("x")), "- | E305 1:8+7 modifier 'utf16le' is already applied"),
                row(item("F|re|i|ignorecase", s("x")),
                        "- | E305 1:8+10 modifier 'ignorecase' is already applied (as 'i')"),
                // E306 contradictions, at the later modifier
                row(item("F|startswith|endswith", s("x")), "- | E306 1:14+8 'endswith' cannot be combined with"
                        + " 'startswith': only one contains/startswith/endswith modifier is allowed"),
                row(item("F|contains|startswith", s("x")), "- | E306 1:12+10 'startswith' cannot be combined with"
                        + " 'contains': only one contains/startswith/endswith modifier is allowed"),
                row(item("F|re|cidr", s("x")), "- | E306 1:6+4 'cidr' cannot be combined with 're'"),
                row(item("F|re|contains", s("x")), "- | E306 1:6+8 'contains' cannot be combined with 're'"),
                row(item("F|cased|re", s("x")), "- | E306 1:9+2 're' cannot be combined with 'cased'"),
                row(item("F|re|base64", s("x")), "- | E306 1:6+6 'base64' cannot be combined with 're'"),
                row(item("F|exists|neq", b("true")), "- | E306 1:10+3 'neq' cannot be combined with 'exists'"),
                row(item("F|all|exists", b("true")), "- | E306 1:7+6 'exists' cannot be combined with 'all'"),
                row(item("F|lt|gt", i("1")), "- | E306 1:6+2 'gt' cannot be combined with 'lt': only one"
                        + " comparison modifier is allowed"),
                row(item("F|hour|day", i("1")), "- | E306 1:8+3 'day' cannot be combined with 'hour': only one"
                        + " time part modifier is allowed"),
                row(item("F|wide|utf16be", s("x")), "- | E306 1:8+7 'utf16be' cannot be combined with 'utf16le':"
                        + " only one UTF-16 encoding modifier is allowed"),
                row(item("F|i", s("x")), "- | E306 1:3+1 'i' is a flag of 're' and needs 're' before it"),
                row(item("F|m|re", s("x")), "- | E306 1:3+1 'm' is a flag of 're' and must come after it"),
                row(item("F|cidr|contains", s("10.0.0.0/8")), "- | E306 1:8+8 'contains' cannot be combined with"
                        + " 'cidr'"),
                row(item("F|expand|cased", s("%a%")), "- | E306 1:10+5 'cased' cannot be combined with 'expand'"),
                row(item("F|fieldref|windash", s("B")), "- | E306 1:12+7 'windash' cannot be combined with"
                        + " 'fieldref'"),
                row(item("F|gt|contains", i("1")), "- | E306 1:6+8 'contains' cannot be combined with 'gt'"),
                row(item("|neq", s("x")), "- | E306 1:2+3 'neq' cannot be used on keywords, which have no field"),
                row(item("|exists", b("true")), "- | E306 1:2+6 'exists' cannot be used on keywords, which have no"
                        + " field"),
                row(item("|cidr", s("10.0.0.0/8")), "- | E306 1:2+4 'cidr' cannot be used on keywords, which have"
                        + " no field"),
                row(item("|fieldref", s("x")), "- | E306 1:2+8 'fieldref' cannot be used on keywords, which have"
                        + " no field"),
                // W307 regex outside the subset: a warning, the IR stays
                row(item("F|re", s("\\d+")), "(match F re /\\d+/) | W307 1:7+2 the regular expression uses \\d,"
                        + " outside the Sigma regex subset; other tools may read it differently"),
                // E308 invalid regex, at the offending characters
                row(item("F|re", s("ab[c")), "- | E308 1:9+2 invalid regular expression: missing closing ]"),
                row(item("F|re", s("a**")), "- | E308 1:8+2 invalid regular expression: invalid nested repetition"
                        + " operator"),
                // E318 not linear
                row(item("F|re", s("a(?=b)")), "- | E318 1:8+3 the regular expression uses a look-ahead (?=,"
                        + " which cannot run in linear time; detc runs regexes with RE2"),
                row(item("F|re", s("(x)\\1")), "- | E318 1:10+2 the regular expression uses a back-reference (\\1),"
                        + " which cannot run in linear time; detc runs regexes with RE2"),
                // E309 cidr, at the exact character
                row(item("F|cidr", s("10.0.0.0/33")), "- | E309 1:18+2 invalid network '10.0.0.0/33': prefix length"
                        + " 33 is larger than 32 for an IPv4 network"),
                row(item("F|cidr", s("10.0.300.0/8")), "- | E309 1:14+3 invalid network '10.0.300.0/8': IPv4 octet"
                        + " out of range 0-255"),
                row(item("F|cidr", i("10")), "- | E309 1:9+2 'cidr' takes a network such as 10.0.0.0/8 or"
                        + " fc00::/7, found a number"),
                // E310 exists
                row(item("F|exists", s("yes")), "- | E310 1:11+3 'exists' takes true or false, found a string"
                        + " 'yes'"),
                row(list("F|exists", b("true"), b("false")), "- | E310 3:5+5 'exists' takes a single true or false,"
                        + " not a list"),
                // E311 null in a list
                row(list("F", s("a"), nul()), "- | E311 3:5+4 null cannot be part of a list of values"),
                // W312 all on one value: a warning, meaning kept
                row(item("F|contains|all", s("x")), "(match F eq-ci \"*x*\") | W312 1:12+3 'all' on a single value"
                        + " has no effect; the spec does not allow it"),
                row(list("F|all", s("x")), "(match F eq-ci \"x\") | W312 1:3+3 'all' on a single value has no"
                        + " effect; the spec does not allow it"),
                // E313 value types
                row(item("F|gt", s("5")), "- | E313 1:7+1 'gt' compares numbers; found a string '5'"),
                row(item("F|lt", b("true")), "- | E313 1:7+4 'lt' compares numbers; found a boolean 'true'"),
                row(item("F|lt", f(".inf")), "- | E313 1:7+4 '.inf' is not a finite number"),
                row(item("F", f(".nan")), "- | E313 1:4+4 '.nan' is not a finite number"),
                row(item("F|hour", i("24")), "- | E313 1:9+2 'hour' takes a number from 0 to 23, found 24"),
                row(item("F|minute", i("60")), "- | E313 1:11+2 'minute' takes a number from 0 to 59, found 60"),
                row(item("F|day", i("0")), "- | E313 1:8+1 'day' takes a number from 1 to 31, found 0"),
                row(item("F|week", i("54")), "- | E313 1:9+2 'week' takes a number from 1 to 53, found 54"),
                row(item("F|month", i("13")), "- | E313 1:10+2 'month' takes a number from 1 to 12, found 13"),
                row(item("F|hour", f("1.5")), "- | E313 1:9+3 'hour' needs a whole number, found a number '1.5'"),
                row(item("F|hour", s("3")), "- | E313 1:9+1 'hour' needs a whole number, found a string '3'"),
                row(item("F|contains", b("true")), "- | E313 1:13+4 'contains' needs a string, found a boolean"
                        + " 'true'"),
                row(item("F|contains", nul()), "- | E313 1:13+4 null cannot be used with 'contains'"),
                row(item("F|base64", s("a*")), "- | E313 1:11+2 'base64' cannot encode a value with wildcards"),
                row(item("F|contains|base64offset", s("abc")), "- | E313 1:26+3 'base64offset' cannot encode a"
                        + " value with wildcards"),
                row(item("F|base64offset", s("a")), "- | E313 1:17+1 'base64offset' needs a value of at least two"
                        + " bytes; shorter values have no fixed base64 text at every offset"),
                row(item("F|windash", s("-a-b-c-d-e-f")), "- | E313 1:12+12 'windash' would expand this value into"
                        + " 15625 variants; the limit is 4096"),
                row(item("F|fieldref", s("B*")), "- | E313 1:13+2 'fieldref' takes a field name without"
                        + " wildcards, found 'B*'"),
                row(item("F|fieldref", i("1")), "- | E313 1:13+1 'fieldref' needs a field name, found a number '1'"),
                row(item("F|re", b("true")), "- | E313 1:7+4 're' needs a regular expression string, found a"
                        + " boolean 'true'"),
                row(item("", b("true")), "- | E313 1:3+4 a keyword needs a string, found a boolean 'true'"),
                row(item("", nul()), "- | E313 1:3+4 a keyword needs a string, found null 'null'"),
                // E316 placeholders
                row(item("F|expand", s("plain")), "- | E316 1:11+5 an |expand value needs a %name% placeholder"
                        + " (write \\% for a plain percent sign)"),
                row(item("F|expand", s("50%-60%")), "- | E316 1:11+7 an |expand value needs a %name% placeholder"
                        + " (write \\% for a plain percent sign)"),
                row(item("F|expand", s("%a%-%b%")), "- | E316 1:11+7 detc supports one placeholder per |expand"
                        + " value, found 2: %a%, %b%"),
                row(item("F|expand", s("\\%a%%a%")), "- | E316 1:11+7 the escaped text %a% would be confused with"
                        + " the placeholder %a%"),
                // several problems in one item are all reported
                row(list("F|contans|startswith|endswith", s("x"), nul()), "- | E311 3:5+4 null cannot be part of a"
                        + " list of values | E304 1:3+7 unknown modifier 'contans' | E306 1:22+8 'endswith' cannot be"
                        + " combined with 'startswith': only one contains/startswith/endswith modifier is allowed"),
                row(list("F|cidr", s("10.0.0.0/8"), s("nope"), s("::1/200")), "- | E309 3:5+1 invalid network"
                        + " 'nope': unexpected character 'n' in an IPv4 address | E309 4:9+3 invalid network"
                        + " '::1/200': prefix length 200 is larger than 128 for an IPv6 network"));
    }

    private static Arguments row(DetectionItem item, String expected) {
        return Arguments.of(item.span().file().line(1), item, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsAtTheExactSpan(String key, DetectionItem item, String expected) {
        assertEquals(expected, TestItems.lower(item));
    }

    @Test
    void unknownModifier_getsADidYouMeanHint() {
        Diagnostics diags = new Diagnostics();
        ItemLowering.lower(item("F|contans", s("x")), diags);
        assertEquals("did you mean 'contains'?", diags.list().get(0).hint());
    }

    @Test
    void nullInList_hintsAtASeparateSelection() {
        Diagnostics diags = new Diagnostics();
        ItemLowering.lower(list("F", nul(), s("x")), diags);
        assertEquals("null is its own type: match it in a separate selection (spec, \"Special Field Values\")",
                diags.list().get(0).hint());
    }
}
