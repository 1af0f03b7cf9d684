package io.detc.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EncodingsTest {
    private static Encodings.Encoded text(String s) {
        return Encodings.Encoded.of(Text.literal(s));
    }

    private static List<String> offsets(Encodings.Encoded e) {
        return Encodings.base64Offsets(e).stream().map(x -> x.text().plain()).toList();
    }

    private static String hex(Encodings.Encoded e) {
        return HexFormat.ofDelimiter(" ").formatHex(e.text().plain().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void base64offset_matchesPySigmasDocumentedOutput() {
        // pySigma tests / SigmaHQ docs: base64offset|contains: /bin/bash
        assertEquals(List.of("L2Jpbi9iYXNo", "9iaW4vYmFza", "vYmluL2Jhc2"), offsets(text("/bin/bash")));
    }

    static Stream<Arguments> base64offsetCases() {
        // computed with Python: [b64encode(i*b" "+v)[[0,2,3][i]:[None,-3,-2][(len(v)+i)%3]] for i in range(3)]
        return Stream.of(
                Arguments.of("/bin/sh", List.of("L2Jpbi9za", "9iaW4vc2", "vYmluL3No")),
                Arguments.of("http", List.of("aHR0c", "h0dH", "odHRw")),
                Arguments.of("IEX", List.of("SUVY", "lFW", "JRV")),
                Arguments.of("a", List.of("Y", "", "h")),
                Arguments.of("", List.of("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("base64offsetCases")
    void base64offset_cutsThePositionDependentCharacters(String value, List<String> expected) {
        assertEquals(expected, offsets(text(value)));
    }

    @Test
    void base64_keepsPaddingAndEncodesUtf8() {
        assertEquals("L2Jpbi9iYXNo", Encodings.base64(text("/bin/bash")).text().plain());
        assertEquals("Y21k", Encodings.base64(text("cmd")).text().plain());
        assertEquals("Y20=", Encodings.base64(text("cm")).text().plain());
        assertEquals("w6k=", Encodings.base64(text("\u00e9")).text().plain()); // UTF-8 C3 A9
    }

    @Test
    void utf16_encodingsGiveTheSpecsBytes() {
        // sigma-appendix-modifiers.md "Encoding" examples
        assertEquals("63 00 6d 00 64 00", hex(Encodings.utf16le(text("cmd"))));
        assertEquals("00 63 00 6d 00 64", hex(Encodings.utf16be(text("cmd"))));
        assertEquals("ff fe 63 00 6d 00 64 00", hex(Encodings.utf16WithBom(text("cmd"))));
    }

    @Test
    void wideThenBase64_encodesTheUtf16Bytes() {
        // PowerShell -EncodedCommand: "IEX" as UTF-16LE then base64
        assertEquals("SQBFAFgA", Encodings.base64(Encodings.utf16le(text("IEX"))).text().plain());
        assertEquals("//5jAG0AZAA=", Encodings.base64(Encodings.utf16WithBom(text("cmd"))).text().plain());
        assertEquals(List.of("SQBFAFgA", "kARQBYA", "JAEUAWA"), offsets(Encodings.utf16le(text("IEX"))));
    }

    @Test
    void utf16_keepsWildcards() {
        Text t = SigmaString.parse("a*b");
        assertEquals("a\u0000*b\u0000", Encodings.utf16le(Encodings.Encoded.of(t)).text().toSigma());
    }
}
