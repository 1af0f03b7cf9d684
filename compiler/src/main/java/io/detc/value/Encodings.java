package io.detc.value;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The encoding modifiers of sigma-appendix-modifiers.md, "Encoding" ({@code base64}, {@code base64offset},
 * {@code utf16le}/{@code wide}, {@code utf16be}, {@code utf16}), computed byte for byte as pySigma does
 * (sigma/modifiers.py), so that a rule finds the same encoded text in detc and in pySigma-based tools.
 *
 * <p>Byte strings are carried in a {@link Text} whose characters are the bytes {@code U+0000..U+00FF} (ISO-8859-1):
 * the result of {@code |wide} on {@code cmd} is the text {@code "c\0m\0d\0"}, which is also what pySigma produces for
 * ASCII input. {@link Encoded#bytes()} says whether the characters are bytes (after a UTF-16 modifier) or text (which
 * base64 encodes as UTF-8).
 */
public final class Encodings {
    /** pySigma's {@code SigmaBase64OffsetModifier.start_offsets}: characters that depend on the shift bytes. */
    private static final int[] START_OFFSETS = {0, 2, 3};
    /** pySigma's {@code end_offsets}, indexed by {@code (len(data) + shift) % 3}; 0 means "keep to the end". */
    private static final int[] END_OFFSETS = {0, 3, 2};

    private Encodings() {
    }

    /** A value during an encoding chain: its text, and whether its characters are raw bytes. */
    public record Encoded(Text text, boolean bytes) {
        public static Encoded of(Text text) {
            return new Encoded(text, false);
        }
    }

    /** UTF-16 little endian ({@code utf16le}, {@code wide}): {@code cmd} gives {@code 63 00 6d 00 64 00}. */
    public static Encoded utf16le(Encoded in) {
        return utf16(in, StandardCharsets.UTF_16LE, false);
    }

    /** UTF-16 big endian ({@code utf16be}): {@code cmd} gives {@code 00 63 00 6d 00 64}. */
    public static Encoded utf16be(Encoded in) {
        return utf16(in, StandardCharsets.UTF_16BE, false);
    }

    /** UTF-16 with byte order mark ({@code utf16}): {@code cmd} gives {@code FF FE 63 00 6d 00 64 00}. */
    public static Encoded utf16WithBom(Encoded in) {
        return utf16(in, StandardCharsets.UTF_16LE, true);
    }

    /**
     * Standard base64 (RFC 4648 section 4) with {@code =} padding kept, as Python's {@code b64encode} in pySigma's
     * {@code SigmaBase64Modifier}. The value must have no wildcards: encoding would turn them into plain text.
     */
    public static Encoded base64(Encoded in) {
        byte[] data = bytes(in);
        return Encoded.of(Text.literal(Base64.getEncoder().encodeToString(data)));
    }

    /**
     * The three {@code base64offset} variants: the value encoded after 0, 1 and 2 leading bytes, with the characters
     * that depend on those bytes (at the start) or on what follows (at the end) cut off. This is pySigma's
     * {@code b64encode(i * b" " + data)[start_offsets[i] : end_offsets[(len(data) + i) % 3]]}; the fill byte does
     * not matter because every character it touches is cut. Duplicates (short values) are dropped, order kept.
     */
    public static List<Encoded> base64Offsets(Encoded in) {
        byte[] data = bytes(in);
        Set<String> variants = new LinkedHashSet<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + data.length];
            for (int k = 0; k < shift; k++) {
                shifted[k] = ' ';
            }
            System.arraycopy(data, 0, shifted, shift, data.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int start = START_OFFSETS[shift];
            int end = encoded.length() - END_OFFSETS[(data.length + shift) % 3];
            variants.add(start < end ? encoded.substring(start, end) : "");
        }
        List<Encoded> out = new ArrayList<>();
        for (String v : variants) {
            out.add(Encoded.of(Text.literal(v)));
        }
        return out;
    }

    /** The bytes base64 encodes: the byte characters themselves, or the UTF-8 encoding of text. */
    static byte[] bytes(Encoded in) {
        String s = in.text().plain();
        return s.getBytes(in.bytes() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static Encoded utf16(Encoded in, Charset charset, boolean bom) {
        List<Text.Part> parts = new ArrayList<>();
        if (bom) {
            // U+FEFF in UTF-16LE is FF FE (spec: "Prepends a byte order mark")
            parts.add(new Text.Literal("\u00ff\u00fe"));
        }
        for (Text.Part p : in.text().parts()) {
            if (p instanceof Text.Literal l) {
                // pySigma encodes each literal part and keeps wildcards as they are (SigmaWideModifier)
                byte[] b = l.text().getBytes(charset);
                parts.add(new Text.Literal(new String(b, StandardCharsets.ISO_8859_1)));
            } else {
                parts.add(p);
            }
        }
        return new Encoded(new Text(parts), true);
    }
}
