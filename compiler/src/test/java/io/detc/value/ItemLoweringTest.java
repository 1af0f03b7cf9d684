package io.detc.value;

import static io.detc.value.TestItems.b;
import static io.detc.value.TestItems.f;
import static io.detc.value.TestItems.i;
import static io.detc.value.TestItems.item;
import static io.detc.value.TestItems.list;
import static io.detc.value.TestItems.nul;
import static io.detc.value.TestItems.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.rule.DetectionItem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The IR shape each modifier lowers to (true positives); diagnostics are in {@link ItemLoweringDiagnosticsTest}. */
class ItemLoweringTest {
    static Stream<Arguments> shapes() {
        return Stream.of(
                // plain values, wildcards typed, escapes kept
                row(item("Image", s("C:\\Windows\\\\*.exe")), "(match Image eq-ci \"C:\\\\Windows\\\\*.exe\")"),
                row(item("Image", s("C:\\Windows\\*.exe")), "(match Image eq-ci \"C:\\\\Windows\\*.exe\")"),
                row(item("F", s("prog?.exe")), "(match F eq-ci \"prog?.exe\")"),
                row(item("F", s("a\\*b")), "(match F eq-ci \"a\\*b\")"),
                row(item("F", s("")), "(match F eq-ci \"\")"),
                row(item("F", s("say \"hi\"")), "(match F eq-ci \"say \\\"hi\\\"\")"),
                row(list("F", s("a"), s("b")), "(or (match F eq-ci \"a\") (match F eq-ci \"b\"))"),
                row(list("F|all", s("a"), s("b")), "(and (match F eq-ci \"a\") (match F eq-ci \"b\"))"),
                row(item("F", nul()), "(match F null)"),
                row(item("F", i("4688")), "(match F eq 4688)"),
                row(item("F", i("0x10")), "(match F eq 0x10)"),
                row(item("F", f("1.5")), "(match F eq 1.5)"),
                row(item("F", b("true")), "(match F bool true)"),
                row(list("F", i("4624"), s("x")), "(or (match F eq 4624) (match F eq-ci \"x\"))"),
                // position modifiers fold into wildcards
                row(item("F|contains", s("evil")), "(match F eq-ci \"*evil*\")"),
                row(item("F|startswith", s("adm")), "(match F eq-ci \"adm*\")"),
                row(item("F|endswith", s("\\cmd.exe")), "(match F eq-ci \"*\\\\cmd.exe\")"),
                row(item("F|contains", s("*x*")), "(match F eq-ci \"*x*\")"),
                row(item("F|contains", s("")), "(match F eq-ci \"*\")"),
                row(item("F|contains", i("123")), "(match F eq-ci \"*123*\")"),
                row(item("F|cased", s("Abc")), "(match F eq-cs \"Abc\")"),
                row(item("F|contains|cased", s("Abc")), "(match F eq-cs \"*Abc*\")"),
                row(list("F|contains|all", s("a"), s("b")), "(and (match F eq-ci \"*a*\") (match F eq-ci \"*b*\"))"),
                // windash
                row(item("F|windash", s("-f")), "(or (match F eq-ci \"-f\") (match F eq-ci \"/f\") (match F eq-ci"
                        + " \"\u2013f\") (match F eq-ci \"\u2014f\") (match F eq-ci \"\u2015f\"))"),
                row(item("F|contains|windash", s("-a")), "(or (match F eq-ci \"*-a*\") (match F eq-ci \"*/a*\")"
                        + " (match F eq-ci \"*\u2013a*\") (match F eq-ci \"*\u2014a*\") (match F eq-ci \"*\u2015a*\"))"),
                // encodings, left to right
                row(item("F|base64", s("cmd")), "(match F eq-ci \"Y21k\")"),
                row(item("F|base64offset|contains", s("/bin/bash")), "(or (match F eq-ci \"*L2Jpbi9iYXNo*\")"
                        + " (match F eq-ci \"*9iaW4vYmFza*\") (match F eq-ci \"*vYmluL2Jhc2*\"))"),
                row(item("F|wide|base64offset|contains", s("IEX")), "(or (match F eq-ci \"*SQBFAFgA*\")"
                        + " (match F eq-ci \"*kARQBYA*\") (match F eq-ci \"*JAEUAWA*\"))"),
                row(item("F|utf16|base64", s("cmd")), "(match F eq-ci \"//5jAG0AZAA=\")"),
                row(item("F|wide", s("cmd")), "(match F eq-ci \"c\\u0000m\\u0000d\\u0000\")"),
                row(item("F|utf16be|contains", s("a")), "(match F eq-ci \"*\\u0000a*\")"),
                row(item("F|base64offset|base64", s("ab")), "(or (match F eq-ci \"WVc=\") (match F eq-ci \"Rmk=\")"
                        + " (match F eq-ci \"aFk=\"))"),
                // regex
                row(item("F|re", s("^a.*b$")), "(match F re /^a.*b$/)"),
                row(item("F|re|i|s", s("a.b")), "(match F re /a.b/is)"),
                row(item("F|re|ignorecase|multiline|dotall", s("x")), "(match F re /x/ims)"),
                row(item("F|re", s("a\\*b")), "(match F re /a\\*b/)"),
                row(item("F|re", s("\\/bin\\/sh")), "(match F re /\\/bin\\/sh/)"),
                row(item("F|re", i("123")), "(match F re /123/)"),
                // cidr
                row(item("F|cidr", s("10.0.0.0/8")), "(match F cidr 10.0.0.0/8)"),
                row(list("F|cidr", s("fc00::/7"), s("::1/128")), "(or (match F cidr fc00::/7) (match F cidr ::1/128))"),
                row(item("F|cidr|neq", s("10.0.0.0/8")), "(not (match F cidr 10.0.0.0/8))"),
                // exists
                row(item("F|exists", b("true")), "(exists F)"),
                row(item("F|exists", b("false")), "(not (exists F))"),
                // numbers
                row(item("F|lt", i("5")), "(match F lt 5)"),
                row(item("F|lte", f("5.5")), "(match F lte 5.5)"),
                row(item("F|gt", i("-1")), "(match F gt -1)"),
                row(item("F|gte", i("0o17")), "(match F gte 0o17)"),
                // neq
                row(item("F|neq", s("a")), "(not (match F eq-ci \"a\"))"),
                row(list("F|neq", i("1"), i("2")), "(not (or (match F eq 1) (match F eq 2)))"),
                row(list("F|neq|all", s("a"), s("b")), "(not (and (match F eq-ci \"a\") (match F eq-ci \"b\")))"),
                row(item("F|neq", nul()), "(not (match F null))"),
                // time parts
                row(item("T|hour", i("3")), "(match T hour eq 3)"),
                row(item("T|hour|gte", i("22")), "(match T hour gte 22)"),
                row(item("T|lt|minute", i("30")), "(match T minute lt 30)"),
                row(item("T|week", i("53")), "(match T week eq 53)"),
                row(item("T|day", i("1")), "(match T day eq 1)"),
                row(item("T|month", i("12")), "(match T month eq 12)"),
                row(item("T|year", i("2025")), "(match T year eq 2025)"),
                // fieldref
                row(item("A|fieldref", s("B")), "(match A ref-equals-ci B)"),
                row(item("A|fieldref|contains", s("B")), "(match A ref-contains-ci B)"),
                row(item("A|startswith|fieldref|cased", s("B")), "(match A ref-starts-with-cs B)"),
                row(item("A|fieldref|endswith", s("B")), "(match A ref-ends-with-ci B)"),
                row(item("A|fieldref|neq", s("B")), "(not (match A ref-equals-ci B))"),
                // expand
                row(item("F|expand", s("%Servers%")), "(match F placeholder %Servers% \"%Servers%\")"),
                row(item("F|expand|contains", s("%known_cdcs%")),
                        "(match F placeholder %known_cdcs% \"*%known_cdcs%*\")"),
                row(item("F|expand", s("\\%plain%name%")), "(match F placeholder %name% \"%plain%name%\")"),
                row(item("F", s("%name%")), "(match F eq-ci \"%name%\")"),
                row(item("F|expand", s("%DC-MACHINE-NAME%")),
                        "(match F placeholder %DC-MACHINE-NAME% \"%DC-MACHINE-NAME%\")"),
                row(item("F|expand|windash", s("-%x%")), "(or (match F placeholder %x% \"-%x%\")"
                        + " (match F placeholder %x% \"/%x%\") (match F placeholder %x% \"\u2013%x%\")"
                        + " (match F placeholder %x% \"\u2014%x%\") (match F placeholder %x% \"\u2015%x%\"))"),
                // keywords
                row(list("", s("evil"), s("bad*")), "(or (keyword eq-ci \"*evil*\") (keyword eq-ci \"*bad*\"))"),
                row(list("|all", s("a"), s(" -x ")), "(and (keyword eq-ci \"*a*\") (keyword eq-ci \"* -x *\"))"),
                row(list("", i("42")), "(keyword eq-ci \"*42*\")"),
                row(item("|re|i", s("a+")), "(keyword re /a+/i)"),
                row(item("|contains|cased", s("X")), "(keyword eq-cs \"*X*\")"),
                row(item("|base64", s("cmd")), "(keyword eq-ci \"*Y21k*\")"));
    }

    private static Arguments row(DetectionItem item, String expected) {
        return Arguments.of(item.span().file().line(1), item, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void lowersToTheExpectedIr(String key, DetectionItem item, String expected) {
        assertEquals(expected, TestItems.ir(item));
    }

    @Test
    void windashOverAList_isAnOrOfAllVariants() {
        String ir = TestItems.ir(list("F|windash", s("-a"), s("-b")));
        assertEquals(10, ir.split("\\(match ").length - 1);
    }

    @Test
    void windashWithAll_keepsVariantsAsAlternativesPerValue() {
        String ir = TestItems.ir(list("F|contains|all|windash", s("-a"), s("x")));
        assertEquals("(and (or (match F eq-ci \"*-a*\") (match F eq-ci \"*/a*\") (match F eq-ci \"*\u2013a*\")"
                + " (match F eq-ci \"*\u2014a*\") (match F eq-ci \"*\u2015a*\")) (match F eq-ci \"*x*\"))", ir);
    }
}
